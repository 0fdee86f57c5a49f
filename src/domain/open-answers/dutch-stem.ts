// Words of an open answer reduced to comparable stems, so that "klantmanagers", "klantmanager"
// and "Klantmanager's" count as one feature for the lexicon and the classifier.
//
// The stemmer is the classic Dutch Snowball algorithm by Martin Porter (the one whose sample
// vocabulary maps "lichamelijkheden" to "licham"), from @orama/stemmers: plain JavaScript
// generated from the Snowball source, no I/O, no native code. Snowball 3 added a different
// Dutch algorithm (Kraaij–Pohlmann based, "lichamelijkheden" → "lichamelijk"); a model trained
// with one must not be used with the other, which is why the trained model records
// STEMMER_NAME.
import { stemmer } from '@orama/stemmers/dutch';

export const STEMMER_NAME = 'snowball-dutch-porter';

/**
 * Dutch stop words: the Snowball list (snowballstem.org, dutch/stop.txt) plus the informal
 * spellings clients write ("niks", "mn", "da", "nie"). Deliberately NOT removed: words that
 * carry the topic of an answer even though they are frequent, such as "tijd", "wachten",
 * "bellen", "geld".
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  // Snowball's Dutch stop word list
  'de', 'en', 'van', 'ik', 'te', 'dat', 'die', 'in', 'een', 'hij', 'het', 'niet', 'zijn', 'is',
  'was', 'op', 'aan', 'met', 'als', 'voor', 'had', 'er', 'maar', 'om', 'hem', 'dan', 'zou', 'of',
  'wat', 'mijn', 'men', 'dit', 'zo', 'door', 'over', 'ze', 'zich', 'bij', 'ook', 'tot', 'je',
  'mij', 'uit', 'der', 'daar', 'haar', 'naar', 'heb', 'hoe', 'heeft', 'hebben', 'deze', 'u',
  'want', 'nog', 'zal', 'me', 'zij', 'nu', 'ge', 'geen', 'omdat', 'iets', 'worden', 'toch', 'al',
  'waren', 'veel', 'meer', 'doen', 'toen', 'moet', 'ben', 'zonder', 'kan', 'hun', 'dus', 'alles',
  'onder', 'ja', 'eens', 'hier', 'wie', 'werd', 'altijd', 'doch', 'wordt', 'wezen', 'kunnen',
  'ons', 'zelf', 'tegen', 'na', 'reeds', 'wil', 'kon', 'niets', 'uw', 'iemand', 'geweest',
  'andere',
  // informal and spoken forms
  'niks', 'nie', 'mn', 'zn', 'da', 'dr', 'ff', 'wel', 'we', 'wij', 'jullie', 'jij', 'jou', 'jouw',
  'onze', 'heel', 'erg', 'echt', 'gewoon', 'even', 'best', 'soms', 'vaak', 'nou', 'hoor', 'word',
  'werden', 'ging', 'gaat', 'gaan', 'krijg', 'krijgen', 'kreeg', 'mogen', 'mag', 'moeten',
  'zouden', 'zullen', 'hebt', 'hadden', 'bent', 'weer', 'keer', 'graag', 'beetje', 'twee', 'enz',
  'etc', 'nvt',
]);

/** Snowball stem of one lower-case word. Accents are removed first, as the algorithm does. */
export function stemDutch(word: string): string {
  return stemmer(foldAccents(word.toLowerCase()));
}

/**
 * Lower-cases, folds accents ("één" → "een", "geïnteresseerd" → "geinteresseerd"), splits on
 * anything that is not a letter (digits, punctuation, apostrophes: "auto's" → "auto", "s"),
 * drops one-letter pieces and stop words, and stems what is left. Non-Latin letters (Arabic,
 * Tigrinya) are kept as tokens, unstemmed by meaning but harmless.
 */
export function tokensOf(text: string): string[] {
  const words = normaliseText(text).split(/[^\p{L}]+/u);
  const tokens: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    tokens.push(stemmer(word));
  }
  return tokens;
}

/**
 * Lower case without accents, each run of non-letters other than digits replaced by one space,
 * with a space at both ends so that phrases can be matched as " op tijd ".
 */
export function normaliseText(text: string): string {
  return ` ${foldAccents(text.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

function foldAccents(text: string): string {
  // NFD splits "é" into "e" + a combining mark; dropping the marks keeps the base letter. Only
  // marks on Latin letters are dropped, so that scripts whose vowels are marks keep them.
  return text.normalize('NFD').replace(/([a-z])\p{M}+/gu, '$1').normalize('NFC');
}
