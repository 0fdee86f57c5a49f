// The standard questionnaire that ships with the product ("standaard-kto"). The data lives in
// standaard-kto.json so that researchers and the benchmark organiser can read and diff it; it is
// validated into the typed model by parseQuestionnaire (questionnaire-schema.ts).
// Pure: a static JSON import, no file system access.
import data from './standaard-kto.json' with { type: 'json' };

/** The raw standard questionnaire; pass it through parseQuestionnaire before use. */
export const standardQuestionnaireJson: unknown = data;

/** Key of the standard questionnaire. */
export const STANDARD_QUESTIONNAIRE_KEY = 'standaard-kto';
