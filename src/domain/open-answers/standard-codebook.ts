// The codes into which open answers on strong points ("pluspunten") and points to improve
// ("verbeterpunten") are coded, as in published client-satisfaction reports of Dutch social
// services. A code names a topic, not a judgement: "telefonische bereikbaarheid" under the
// question "what is good" is a strong point, under "what should improve" a point to improve.
// The polarity therefore belongs to the question (QuestionPolarity), never to the code, and a
// report ranks the same codes twice.

export interface CodebookCode {
  /** Stable, kebab-case English key: stored with each coded answer and compared across rounds. */
  readonly key: string;
  readonly label: { readonly nl: string; readonly en: string };
  /** What belongs under this code, written for the researcher who codes. */
  readonly definition: { readonly nl: string; readonly en: string };
  /** Dutch answers as clients write them, typos included. */
  readonly examples: readonly string[];
}

/** Which open question an answer belongs to: "wat gaat goed" or "wat kan beter". */
export type QuestionPolarity = 'good' | 'improve';

/** The code for substantive answers that fit no other code. */
export const OTHER_CODE_KEY = 'other';

export const STANDARD_CODEBOOK: readonly CodebookCode[] = [
  {
    key: 'friendliness',
    label: { nl: 'Vriendelijkheid en behulpzaamheid', en: 'Friendliness and helpfulness' },
    definition: {
      nl: 'Hoe vriendelijk, aardig en behulpzaam medewerkers zijn; bereid zijn om mee te denken en te helpen. Onbeleefd of neerbuigend gedrag valt onder respect.',
      en: 'How friendly, kind and helpful staff are; willingness to think along and help. Rude or condescending behaviour belongs under respect.',
    },
    examples: ['vriendelijke medewerkers', 'ze zijn altijd behulpzaam', 'de mevrouw aan de balie was erg aardig', 'onvriendelijk personeel'],
  },
  {
    key: 'punctual-payment',
    label: { nl: 'Op tijd en juist betalen', en: 'Timely and correct payment' },
    definition: {
      nl: 'De uitkering of vergoeding wordt op tijd en met het juiste bedrag uitbetaald; te late, gemiste of foute betalingen. Lang wachten op een besluit over een aanvraag valt onder wacht- en afhandeltijden.',
      en: 'The benefit or allowance is paid on time and for the right amount; late, missed or wrong payments. Waiting long for a decision on an application belongs under waiting times.',
    },
    examples: ['uitkering staat altijd op tijd op mijn rekening', 'geld kwam weer te laat', 'betaling op tijd'],
  },
  {
    key: 'personal-situation',
    label: { nl: 'Rekening houden met persoonlijke situatie', en: 'Taking the personal situation into account' },
    definition: {
      nl: 'Maatwerk: rekening houden met gezondheid, kinderen, mantelzorg, schulden of andere omstandigheden; begrip voor iemands situatie; niet iedereen over één kam scheren.',
      en: 'Tailored service: taking health, children, caring duties, debts or other circumstances into account; understanding for someone\'s situation; not treating everyone alike.',
    },
    examples: ['er werd rekening gehouden met mijn ziekte', 'meer kijken naar de persoon', 'ze snappen niet dat ik alleenstaande moeder ben'],
  },
  {
    key: 'consultant-changes',
    label: { nl: 'Minder wisselingen van klantmanager / vaste contactpersoon', en: 'Fewer changes of consultant / a fixed contact person' },
    definition: {
      nl: 'Continuïteit: een vaste klantmanager of contactpersoon, of juist steeds wisselende medewerkers waardoor je je verhaal opnieuw moet doen.',
      en: 'Continuity: a fixed consultant or contact person, or on the contrary changing staff so that one has to tell one\'s story again.',
    },
    examples: ['steeds een andere klantmanager', 'een vaste contactpersoon', 'ik heb al jaren dezelfde consulent, fijn'],
  },
  {
    key: 'information-rights',
    label: { nl: 'Informatie over rechten en mogelijkheden', en: 'Information about rights and options' },
    definition: {
      nl: 'Uitleg over waar je recht op hebt (regelingen, toeslagen, bijzondere bijstand), over plichten en regels, en duidelijke, begrijpelijke informatie en brieven.',
      en: 'Explanation of what one is entitled to (schemes, allowances, special assistance), of obligations and rules, and clear, understandable information and letters.',
    },
    examples: ['goede uitleg over mijn rechten', 'ik wist niet dat ik bijzondere bijstand kon aanvragen', 'brieven zijn onduidelijk'],
  },
  {
    key: 'telephone-reachability',
    label: { nl: 'Telefonische bereikbaarheid', en: 'Reachability by telephone' },
    definition: {
      nl: 'Telefonisch (en per e-mail) bereikbaar zijn, wachttijd aan de telefoon, terugbellen zoals afgesproken, een direct nummer van de klantmanager.',
      en: 'Being reachable by telephone (and e-mail), waiting time on the phone, calling back as agreed, a direct number for the consultant.',
    },
    examples: ['slecht bereikbaar', 'je wordt nooit teruggebeld', 'lang in de wacht aan de telefoon', 'goed telefonisch bereikbaar'],
  },
  {
    key: 'waiting-times',
    label: { nl: 'Wacht- en afhandeltijden', en: 'Waiting and processing times' },
    definition: {
      nl: 'Hoe lang het duurt: behandeling van een aanvraag, een besluit, een afspraak krijgen, wachten aan de balie. Wachten aan de telefoon valt onder telefonische bereikbaarheid.',
      en: 'How long things take: handling of an application, a decision, getting an appointment, waiting at the desk. Waiting on the phone belongs under reachability by telephone.',
    },
    examples: ['de aanvraag duurde erg lang', 'snel geholpen', 'weken wachten op een besluit'],
  },
  {
    key: 'expertise',
    label: { nl: 'Deskundigheid', en: 'Expertise' },
    definition: {
      nl: 'Kennis en kunde van medewerkers: de regels kennen, juiste antwoorden geven, geen fouten maken, weten waar ze het over hebben.',
      en: 'Knowledge and competence of staff: knowing the rules, giving correct answers, not making mistakes, knowing what they are talking about.',
    },
    examples: ['deskundige klantmanager', 'ze weten het zelf ook niet', 'elke keer een ander antwoord'],
  },
  {
    key: 'respect',
    label: { nl: 'Respect en bejegening', en: 'Respect and treatment' },
    definition: {
      nl: 'Bejegening: met respect behandeld worden, serieus genomen en gehoord worden, niet als fraudeur of als nummer behandeld worden, privacy; onbeleefd, neerbuigend of wantrouwend gedrag.',
      en: 'Treatment: being treated with respect, taken seriously and listened to, not treated as a fraudster or a number, privacy; rude, condescending or distrustful behaviour.',
    },
    examples: ['ik voel me serieus genomen', 'je wordt behandeld als een crimineel', 'ze luisteren niet'],
  },
  {
    key: 'bureaucracy',
    label: { nl: 'Regels, formulieren en bureaucratie', en: 'Rules, forms and bureaucracy' },
    definition: {
      nl: 'Ingewikkelde of starre regels, veel formulieren en papierwerk, steeds opnieuw bewijsstukken en bankafschriften inleveren, moeilijke digitale formulieren; of juist eenvoudige procedures.',
      en: 'Complicated or rigid rules, many forms and paperwork, handing in proof and bank statements again and again, difficult online forms; or, on the contrary, simple procedures.',
    },
    examples: ['te veel formulieren', 'steeds weer dezelfde papieren opsturen', 'het aanvragen ging makkelijk online'],
  },
  {
    key: 'work-guidance',
    label: { nl: 'Begeleiding naar werk', en: 'Guidance into work' },
    definition: {
      nl: 'Hulp bij het vinden van werk, re-integratie, de werkcoach, opleidingen, cursussen, stages en vrijwilligerswerk als opstap.',
      en: 'Help in finding work, re-integration, the work coach, training, courses, work placements and volunteer work as a stepping stone.',
    },
    examples: ['goede hulp bij het zoeken naar werk', 'mijn werkcoach heeft me aan een baan geholpen', 'meer hulp bij een opleiding'],
  },
  {
    key: OTHER_CODE_KEY,
    label: { nl: 'Overig', en: 'Other' },
    definition: {
      nl: 'Een inhoudelijk antwoord dat onder geen andere code valt, ook algemene tevredenheid of ontevredenheid zonder nader onderwerp ("alles is prima"). Antwoorden zonder inhoud ("geen", "weet niet") krijgen geen code.',
      en: 'A substantive answer that fits no other code, including general satisfaction or dissatisfaction without a topic ("everything is fine"). Answers without content ("none", "don\'t know") get no code.',
    },
    examples: ['alles is prima', 'de uitkering is te laag', 'parkeren bij het gemeentehuis is duur'],
  },
];
