// Answers without content ("geen", "weet niet", "-") get no code and no suggestion. They are
// recognised as a whole: "niks" alone is a non-answer, "niks mis mee, prima geholpen" is not.
import { normaliseText } from './dutch-stem.ts';

const NON_ANSWERS: ReadonlySet<string> = new Set([
  'geen', 'geen idee', 'geen mening', 'geen opmerking', 'geen opmerkingen', 'geen commentaar',
  'geen verbeterpunten', 'geen pluspunten', 'geen antwoord', 'weet niet', 'weet ik niet', 'ik weet het niet',
  'ik weet niet', 'weet het niet', 'weet niet goed', 'niks', 'niets', 'nee', 'nvt', 'n v t',
  'niet van toepassing', 'idem', 'zie boven', 'zie hierboven', 'zie vorige', 'x', 'xx', 'xxx', 'no', 'none',
  'nothing', 'dont know', 'don t know', 'i dont know', 'i don t know', 'no idea', 'n a', 'na', 'geen zin',
  'nee hoor', 'neen', 'niks te melden', 'niets te melden', 'nog niet', 'ok', 'oke', 'okee',
]);

/** True when the answer says nothing that could be coded. */
export function isNonAnswer(text: string): boolean {
  const normalised = normaliseText(text).trim();
  if (!/\p{L}/u.test(normalised)) return true;
  return NON_ANSWERS.has(normalised);
}
