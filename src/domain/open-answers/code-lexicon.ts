// Words and phrases that point to a code of the standard codebook. This gives suggestions from
// the first answer on, before an organisation has coded enough answers to train a model.
//
// A cue is written as clients write it, in one of these forms:
//   "vriendelijk"        a word, compared by Snowball stem ("vriendelijke", "vriendelijker" match)
//   "bureaucr*"          a word beginning with these letters (compounds, typos after the start)
//   "*wachttijd*"        a word containing these letters ("afhandelwachttijd")
//   "op tijd betaald"    a phrase of whole words on the text as written (stop words count here)
//   "niet ~ bereikbaar"  "~" stands for up to three other words
//   "ander* @consultant" "@consultant" stands for any word for one's consultant, typos included
// Strong cues weigh 1, weak ones (a word that is often but not always about the topic) 0.5.
// Each distinct word of the answer counts once, with the weight of its strongest cue; each
// phrase found counts once more. The score of a code is 1 − 0.35^(sum of weights): 0.65 for one strong
// cue, 0.41 for one weak one, 0.88 for two strong ones. A score is a ranking aid, not a
// calibrated probability. "other" has no cues: it is what is left, which the model can learn.
import { normaliseText, stemDutch } from './dutch-stem.ts';

export interface LexiconEntry {
  readonly strong: readonly string[];
  readonly weak: readonly string[];
}

const CONSULTANT_WORDS = [
  'klantman*', 'klanman*', 'klantmaneg*', 'klantmanag*', 'klant manag*', 'consulent*', 'consullent*',
  'konsulent*', 'inkomensconsulent*', 'casemanag*', 'case manag*', 'contactpersoon*', 'contact persoon*',
  'aanspreekpunt*', 'werkcoach*', 'coach*', 'begeleid*', 'medewerk*', 'persoon', 'mensen', 'consultant*',
];

export const CODE_LEXICON: Readonly<Record<string, LexiconEntry>> = {
  friendliness: {
    strong: [
      '*vriendelijk*', 'vriendlijk*', 'vriendelik*', 'vrindelijk*', 'vriendenlijk*', 'aardig', 'behulpzaam*',
      'behulpzam*', 'behulpsa*', 'hulpvaardig*',
      'lief', 'lieve', 'chagrijnig*', 'nors', 'kortaf', 'sympathiek*', 'friendly', 'nice', 'helpful',
      'denkt ~ mee', 'denken ~ mee', 'dacht ~ mee', 'dachten ~ mee', 'meedenk*', 'mee denken', 'gezellig*',
      'warm', 'warme', 'fijne mensen', 'fijne medewerkers', 'aardige mensen',
    ],
    weak: ['geholpen', 'hulp', 'prettig*', 'fijn', 'fijne', 'betrokken*', 'service', 'lach*', 'glimlach*', 'beleefd*'],
  },
  'punctual-payment': {
    strong: [
      'uitbetal*', 'uitbetaald', 'betaling*', 'betaaldatum', 'stipt*', 'op tijd betaald', 'op tijd uitbetaald',
      'op tijd gestort', 'op tijd ~ rekening', 'op tijd ~ uitkering', 'uitkering ~ op tijd', 'geld ~ op tijd',
      'op tijd ~ geld', 'geld ~ te laat', 'te laat ~ geld', 'uitkering ~ te laat', 'te laat ~ uitkering',
      'te laat betaald', 'te laat uitbetaald', 'te laat gestort', 'niet betaald', 'verkeerd bedrag',
      'te weinig ~ betaald', 'teveel betaald', 'te veel betaald', 'terugvorder*', 'paid', 'payment*',
      'geld ~ rekening', 'gestort', 'overgemaakt', 'betaald', 'vakantiegeld',
    ],
    weak: ['betal*', 'geld', 'uitkering', 'uitkeering', 'altijd op tijd', 'op tijd', 'rekening', 'bedrag*', 'money'],
  },
  'personal-situation': {
    strong: [
      'persoonlijke situatie', 'persoonlijke omstandigheden', 'mijn situatie', 'situatie', 'omstandighe*',
      'rekening ~ gehouden', 'rekening houden', 'rekening mee', 'rekening met', 'maatwerk', 'over een kam',
      'over 1 kam', 'over een kamp', 'naar de persoon', 'naar de mens', 'thuissituatie', 'gezinssituatie',
      'gezondheid*', 'ziekte*', 'psychisch*', 'depressie*', 'depressief', 'burn*', 'beperking*', 'handicap*',
      'chronisch*', 'mantelzorg*', 'alleenstaand*', 'my situation', 'situation', 'illness', 'health',
      'individu*', 'begripvol*', 'begrip voor', 'begrip',
    ],
    weak: ['ziek', 'zieke', 'persoonlijk*', 'kinderen', 'kind*', 'flexibel*', 'mens achter', 'rug*', 'pijn', 'dokter', 'arts'],
  },
  'consultant-changes': {
    strong: [
      'wissel*', 'gewisseld', 'verwissel*', 'steeds ~ ander* @consultant', 'elke keer ~ ander* @consultant',
      'iedere keer ~ ander* @consultant', 'telkens ~ ander* @consultant', 'weer ~ ander* @consultant',
      'ander* @consultant', 'nieuwe @consultant', 'verschillende @consultant', 'vast* @consultant',
      'vast* aanspreekpunt', 'vast persoon', 'vaste persoon', 'zelfde @consultant', 'dezelfde @consultant',
      'dezelfde persoon', 'vast contact', 'verhaal ~ opnieuw', 'opnieuw ~ verhaal', 'verhaal ~ overnieuw',
      'overnieuw ~ verhaal', 'opnieuw beginnen', 'continuiteit', 'vervanger*', 'same person',
      'different ~ consultant*', 'another ~ consultant*', 'new ~ consultant*', 'al ~ @consultant gehad',
    ],
    weak: ['klantmanagers', 'consulenten', 'steeds ander*', 'telkens ander*', 'weggegaan', 'vertrokken', 'vast'],
  },
  'information-rights': {
    strong: [
      'informatie*', 'infomatie*', 'informasie*', 'info', 'information', 'uitleg*', 'uitgelegd', 'legt ~ uit',
      'leggen ~ uit', 'legde ~ uit', 'explain*', 'rechten', 'recht op', 'rights', 'mogelijkheden', 'voorlichting',
      'toeslag*', 'regeling*', 'minimaregeling*', 'bijzondere bijstand', 'wist niet', 'niet wist', 'niet verteld',
      'vertelt niemand', 'niemand vertelt', 'op de hoogte', 'geinformeerd', 'ingelicht', 'brief', 'brieven',
      'verplichtingen', 'plichten', 'moeilijke taal', 'ambtelijk*', 'jargon', 'begrijpelijk*', 'onbegrijpelijk*',
    ],
    weak: ['duidelijk*', 'onduidelijk*', 'vertel*', 'website', 'folder*', 'taal', 'snap*', 'begrijp*', 'letter*', 'english', 'engels', 'vertal*'],
  },
  'telephone-reachability': {
    strong: [
      'telefo*', 'telfo*', 'bereikbaar*', 'bereikbar*', 'berijkbaar*',
      'onbereikbaar*', 'bereiken', 'niet te bereiken', 'terugbel*', 'teruggebeld', 'terug gebeld',
      'terug ~ bellen', 'terug ~ belt', 'terug ~ gebeld', 'in de wacht', 'wachtrij*', 'keuzemenu*',
      'doorverbind*', 'doorverbonden', 'doorgeschakeld', 'callcenter*', 'klantcontactcentrum', 'kcc',
      'voicemail', 'phone', 'neemt ~ niet op', 'nemen ~ niet op', 'opgenomen', 'e mail*', 'email*', 'mails',
      'mailtje*', 'direct nummer', 'rechtstreeks nummer', 'bellen', 'gebeld', 'bel', 'belt',
    ],
    weak: ['mail', 'beantwoord*', 'antwoord', 'call*', 'contact', 'nummer'],
  },
  'waiting-times': {
    strong: [
      'wachttijd*', 'wachtijd*', '*wachttijd*', 'afhandel*', 'behandeltijd*', 'doorlooptijd*', 'beslistermijn*',
      'duurt ~ lang', 'duurde ~ lang', 'duren ~ lang', 'te lang', 'lang wachten', 'lang ~ wachten', 'lang ~ gewacht',
      'traag', 'trage', 'langzaam*', 'snel', 'snelle', 'sneller', 'vlot*', 'direct geholpen', 'meteen geholpen',
      'achterstand*', 'slow', 'waiting', 'wait*', 'weeks', 'months', 'wachten', 'gewacht', 'wacht',
    ],
    weak: ['weken', 'maanden', 'dagen', 'besluit', 'beschikking', 'aanvraag', 'afspraak', 'meteen', 'direct', 'lang', 'balie'],
  },
  expertise: {
    strong: [
      'deskundig*', 'deskundich*', 'onkundig*', 'kundig*', 'kunde', 'kennis', 'verstand van', 'competent*',
      'incompetent*', 'bekwa*', 'onbekwa*', 'vakkundig*', 'weten ~ zelf ~ niet', 'weet ~ zelf ~ niet',
      'weten ~ niet ~ zelf', 'weten waar ze', 'weet waar', 'weet wat', 'weten wat', 'ander antwoord',
      'andere antwoorden', 'verkeerde informatie', 'verkeerd advies', 'fout*', 'vergissing*', 'vergist',
      'knowledge', 'expert*', 'professioneel', 'professionele', 'professional*', 'opgeleid',
    ],
    weak: ['advies', 'adviez*', 'ervaring', 'ervaren', 'klopt niet', 'klopte niet', 'kloppen niet', 'know', 'goed geregeld'],
  },
  respect: {
    strong: [
      'respect*', 'respekt*', 'bejegen*', 'serieus', 'luister*', 'neerbuigend*', 'denigrerend*', 'arrogant*',
      'kleinerend*', 'uit de hoogte', 'als een nummer', 'als nummer', 'crimine*', 'fraudeur*', 'fraude*',
      'wantrouw*', 'onbeschoft*', 'onbeleefd*', 'snauw*', 'menswaardig*', 'gelijkwaardig*', 'vernederend*',
      'vernedering*', 'vernederd', 'minachting', 'discrimin*', 'vooroordel*', 'als mens', 'als een mens',
      'treated', 'privacy', 'bot', 'botte', 'grof', 'onaardig*',
    ],
    weak: ['gehoord', 'verdacht*', 'schreeuw*', 'bedreig*', 'gedreigd', 'dreig*', 'waardig*', 'beleefd*', 'als persoon', 'mens achter', 'begrip', 'behandeld', 'behandelen'],
  },
  bureaucracy: {
    strong: [
      'bureaucr*', 'bureaukr*', 'burocr*', 'bureacr*', 'beurocr*', 'buro*', 'formulier*', 'fomulier*',
      'papierwerk', 'papieren', 'papier*', 'regeltjes', 'regels', 'regelgeving', 'bewijs*', 'bankafschrift*',
      'afschrift*', 'rekeningafschrift*', 'omslachtig*', 'rompslomp', 'inlichtingenformulier*', 'starre',
      'star', 'kostendelersnorm', 'protocol*', 'procedure*', 'forms', 'paperwork', 'rules', 'digid', 'ingewikkeld*',
      'makkelijk ~ aanvra*', 'aanvra* ~ makkelijk', 'eenvoudig ~ aanvra*', 'aanvra* ~ eenvoudig',
      'inleveren', 'aanleveren', 'opsturen', 'uploaden', 'sanctie*', 'boete*', 'gekort', 'korting',
    ],
    weak: ['gedoe', 'digitaal', 'online', 'streng*', 'controle*', 'maatregel*', 'ingevuld', 'invullen', 'documenten'],
  },
  'work-guidance': {
    strong: [
      'werk', 'werkloos*', 'baan', 'banen', 'baantje*', 'vacature*', 'solliciter*', 'sollicitatie*',
      'werkcoach*', 'werk coach', 're integratie*', 'reintegratie*', 're integreren', 'traject*', 'opleiding*',
      'cursus*', 'stage*', 'werkervaring*', 'vrijwilligerswerk', 'betaald werk', 'werkgever*', 'job', 'jobs',
      'work', 'werkzoekend*', 'aan het werk', 'aan de slag', 'parttime', 'fulltime', 'werkfit', 'leerwerk*',
      'diploma*', 'participatiebaan', 'proefplaatsing', 'werkplek*', 'arbeidsmarkt*', 'werken',
    ],
    weak: ['coach*', 'participatie*', 'begeleiding', 'werkt', 'taalles*', 'taalcursus*', 'school', 'uren'],
  },
};

/** Score per code for the cues found in `text`; codes without a cue are absent. */
export function lexiconScores(text: string): Map<string, number> {
  const normalised = normaliseText(text);
  const words = [...new Set(normalised.trim().split(' ').filter((w) => w.length > 0))].map((word) => ({ word, stem: stemDutch(word) }));
  const scores = new Map<string, number>();
  for (const [code, { wordCues, phraseCues }] of compiled) {
    // A word counts once, with its strongest cue: "telefonisch" matches "telefo*" and
    // "telefonisch" but is one piece of evidence. Each phrase found adds its own weight.
    let weight = 0;
    for (const { word, stem } of words) {
      weight += Math.max(0, ...wordCues.filter((cue) => cue.matches(word, stem)).map((cue) => cue.weight));
    }
    for (const cue of phraseCues) if (cue.pattern.test(normalised)) weight += cue.weight;
    if (weight > 0) scores.set(code, 1 - 0.35 ** weight);
  }
  return scores;
}

interface WordCue {
  readonly weight: number;
  readonly matches: (word: string, stem: string) => boolean;
}

interface PhraseCue {
  readonly weight: number;
  readonly pattern: RegExp;
}

function compileWordCue(cue: string, weight: number): WordCue {
  if (cue.startsWith('*') && cue.endsWith('*')) {
    const part = cue.slice(1, -1);
    return { weight, matches: (word) => word.includes(part) };
  }
  if (cue.endsWith('*')) {
    const start = cue.slice(0, -1);
    return { weight, matches: (word) => word.startsWith(start) };
  }
  const cueStem = stemDutch(cue);
  return { weight, matches: (_, stem) => stem === cueStem };
}

const isPhrase = (cue: string): boolean => /[ ~@]/.test(cue);

function phrasePattern(phrase: string): string {
  let pattern = '';
  for (const word of phrase.split(' ')) {
    if (word === '~') {
      pattern += '(?:[^ ]+ ){0,3}';
    } else {
      pattern += `${wordPattern(word)} `;
    }
  }
  return pattern.trimEnd();
}

function wordPattern(word: string): string {
  if (word === '@consultant') return `(?:${CONSULTANT_WORDS.map((w) => phrasePattern(w)).join('|')})`;
  const literal = word.replace(/\*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return word.endsWith('*') ? `${literal}\\p{L}*` : literal;
}

const compiled: ReadonlyMap<string, { readonly wordCues: readonly WordCue[]; readonly phraseCues: readonly PhraseCue[] }> = new Map(
  Object.entries(CODE_LEXICON).map(([code, entry]) => {
    const weighted = [...entry.strong.map((cue) => ({ cue, weight: 1 })), ...entry.weak.map((cue) => ({ cue, weight: 0.5 }))];
    return [code, {
      wordCues: weighted.filter(({ cue }) => !isPhrase(cue)).map(({ cue, weight }) => compileWordCue(cue, weight)),
      phraseCues: weighted.filter(({ cue }) => isPhrase(cue)).map(({ cue, weight }) => ({ weight, pattern: new RegExp(` ${phrasePattern(cue)} `, 'u') })),
    }];
  }),
);
