// Passwords that meet the length rule but are guessed first: the NCSC (NL and UK) advise
// length and a deny-list of common passwords instead of composition rules ("one capital,
// one digit") or forced changes. The list is small and embedded (no network at run time); it
// is matched case-insensitively and also catches a common word with only digits or symbols
// added ("Wachtwoord2026!"), repeated patterns and keyboard or number runs.

const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '123123123123', '111111111111',
  '000000000000', '121212121212', '987654321098', '147258369147', '123456654321', '112233445566',
  'qwertyuiopasdfghjkl', 'qwertyuiop12', 'qwertyuiop123', 'qwerty123456', 'qwertyqwerty', 'azertyuiop12',
  'asdfghjkl123', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3', 'q1w2e3r4t5y6', 'abcdefghijkl',
  'abcdefghijklm', 'abc123abc123', 'abcd12345678', 'password1234', 'password12345', 'passwordpassword',
  'iloveyou1234', 'ilovemyfamily', 'letmeinletmein', 'trustno1trustno1', 'welcome12345', 'welkom12345',
  'wachtwoord12', 'wachtwoord123', 'wachtwoord1234', 'welkomwelkom', 'geheimgeheim', 'wachtwoord01',
  'nederland123', 'nederland1234', 'amsterdam123', 'rotterdam123', 'feyenoord123', 'ajaxamsterdam',
  'sunshine1234', 'football1234', 'baseball1234', 'superman1234', 'princess1234', 'starwars1234',
  'changeme1234', 'administrator', 'administrator1', 'adminadmin12', 'rootroot1234', 'test12345678',
  'testtesttest', 'thequickbrownfox', 'ikhouvanjou1', 'zomer2024zomer',
]);

/** Words that, with only digits or symbols around them, make a weak password. */
const WORDS = new Set([
  'password', 'passw0rd', 'wachtwoord', 'welkom', 'welcome', 'geheim', 'secret', 'qwerty', 'azerty',
  'letmein', 'iloveyou', 'admin', 'administrator', 'beheerder', 'gemeente', 'voorjaar', 'zomer', 'najaar',
  'herfst', 'winter', 'lente', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december', 'monday', 'maandag', 'dragon', 'monkey', 'football',
  'voetbal', 'nederland', 'holland', 'amsterdam', 'rotterdam', 'utrecht', 'ajax', 'feyenoord', 'psv',
  'changeme', 'test', 'summer', 'spring', 'autumn', 'abc', 'abcdef', 'asdf', 'zxcvbn', 'qwertyuiop',
]);

const RUNS = ['0123456789012345678901234567890', '9876543210987654321098765432109', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', 'azertyuiopqsdfghjklmwxcvbn'];

/** The password is too easy to guess, for anyone or for someone who knows the account. */
export function isCommonPassword(password: string, context: { email?: string; name?: string } = {}): boolean {
  const lower = password.toLowerCase().normalize('NFKC');
  const compact = lower.replace(/\s+/g, '');
  if (COMMON.has(compact)) return true;
  // One short unit repeated ("aaaaaaaaaaaa", "abcabcabcabc", "1234512345").
  if (/^(.{1,5})\1+.{0,2}$/su.test(compact)) return true;
  // A run along the digits, the alphabet or a keyboard row, possibly with a few extras.
  if (compact.length >= 12 && RUNS.some((run) => run.includes(compact.slice(0, Math.max(8, compact.length - 3))))) return true;
  const letters = compact.replace(/[^\p{L}]/gu, '');
  // Only digits and symbols around one common word (or nothing at all but digits/symbols in a run).
  if (letters !== '' && /^[^\p{L}]*\p{L}+[^\p{L}]*$/u.test(compact)) {
    if (WORDS.has(letters)) return true;
    if ([...WORDS].some((word) => word.length >= 4 && new RegExp(`^(${word})+$`).test(letters))) return true;
  }
  const email = context.email?.toLowerCase().trim();
  const local = email?.split('@')[0]?.replace(/[^\p{L}\p{N}]/gu, '');
  const name = context.name?.toLowerCase().replace(/[^\p{L}]/gu, '');
  const core = compact.replace(/[^\p{L}\p{N}]/gu, '');
  const coreLetters = core.replace(/\p{N}/gu, '');
  for (const own of [email?.replace(/[^\p{L}\p{N}]/gu, ''), local, name]) {
    if (own && own.length >= 3 && (core === own || coreLetters === own || core.startsWith(own) && core.length - own.length <= 4)) return true;
  }
  return false;
}
