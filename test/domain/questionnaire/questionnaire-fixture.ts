// A small but complete questionnaire file (the raw JSON form, before defaults), shared by the
// questionnaire tests. Each call returns a fresh copy, so tests can mutate it freely.

import type { Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';
import { parseQuestionnaire } from '../../../src/domain/questionnaire/questionnaire-schema.ts';

export type Json = Record<string, unknown>;

const FIXTURE = {
  key: 'kto-test',
  title: { nl: 'Klanttevredenheid', en: 'Client satisfaction' },
  languages: ['nl', 'en'],
  modules: [
    { key: 'algemeen', title: { nl: 'Algemeen', en: 'General' }, required: true },
    { key: 'contact', title: { nl: 'Eerste contact', en: 'First contact' } },
    { key: 'intake', title: { nl: 'Intake', en: 'Intake' } },
    { key: 'achtergrond', title: { nl: 'Achtergrond', en: 'Background' } },
  ],
  blocks: [
    {
      key: 'algemeen',
      module: 'algemeen',
      title: { nl: 'Algemeen', en: 'General' },
      items: [
        {
          key: 'algemeen.cijfer',
          type: 'mark',
          text: { nl: 'Welk rapportcijfer geeft u de gemeente?', en: 'What mark do you give the municipality?' },
          required: true,
          standard: true,
        },
        {
          key: 'algemeen.kanaal',
          type: 'multi',
          text: { nl: 'Hoe had u contact met de gemeente?', en: 'How were you in contact with the municipality?' },
          options: [
            { code: 'balie', label: { nl: 'Aan de balie', en: 'At the desk' } },
            { code: 'telefoon', label: { nl: 'Telefonisch', en: 'By phone' } },
            { code: 'email', label: { nl: 'Per e-mail', en: 'By e-mail' } },
          ],
          maxChoices: 3,
          standard: true,
        },
        {
          key: 'algemeen.contacten',
          type: 'number',
          text: { nl: 'Hoe vaak had u contact?', en: 'How often were you in contact?' },
          min: 0,
          max: 50,
          standard: true,
        },
        {
          key: 'algemeen.opmerking',
          type: 'open',
          text: { nl: 'Wilt u nog iets kwijt?', en: 'Anything else to add?' },
          help: { nl: 'Noem geen namen.', en: 'Do not mention names.' },
          standard: true,
        },
      ],
    },
    {
      key: 'contact',
      module: 'contact',
      title: { nl: 'Contact', en: 'Contact' },
      items: [
        {
          key: 'contact.intake',
          type: 'yesno',
          text: {
            nl: 'Heeft u in de afgelopen 12 maanden een intakegesprek gehad?',
            en: 'Have you had an intake interview in the past 12 months?',
          },
          standard: true,
        },
        {
          key: 'contact.wachttijd',
          type: 'agree5',
          text: { nl: 'De wachttijd aan de balie was acceptabel.', en: 'The waiting time at the desk was acceptable.' },
          allowNotApplicable: true,
          showIf: "algemeen.kanaal contains 'balie'",
          standard: true,
        },
      ],
    },
    {
      key: 'intake',
      module: 'intake',
      title: { nl: 'Het intakegesprek', en: 'The intake interview' },
      showIf: 'contact.intake = ja',
      items: [
        {
          key: 'intake.cijfer',
          type: 'mark',
          text: { nl: 'Welk cijfer geeft u het intakegesprek?', en: 'What mark do you give the intake interview?' },
          standard: true,
        },
        {
          key: 'intake.uitleg',
          type: 'agree5',
          text: { nl: 'Mijn rechten en plichten zijn goed uitgelegd.', en: 'My rights and duties were explained well.' },
          showIf: 'algemeen.cijfer < 6',
          standard: true,
        },
      ],
    },
    {
      key: 'achtergrond',
      module: 'achtergrond',
      title: { nl: 'Over uzelf', en: 'About you' },
      intro: { nl: 'Tot slot een paar vragen over uzelf.', en: 'Finally, a few questions about you.' },
      items: [
        {
          key: 'achtergrond.leeftijd',
          type: 'single',
          text: { nl: 'Wat is uw leeftijd?', en: 'What is your age?' },
          options: [
            { code: '18-26', label: { nl: '18 tot en met 26 jaar', en: '18 to 26 years' } },
            { code: '27-44', label: { nl: '27 tot en met 44 jaar', en: '27 to 44 years' } },
            { code: '45plus', label: { nl: '45 jaar of ouder', en: '45 years or older' } },
          ],
          standard: true,
        },
      ],
    },
  ],
};

export function questionnaireFixture(): Json {
  return structuredClone(FIXTURE);
}

/** The fixture after parsing, for tests that start from a valid typed questionnaire. */
export function parsedFixture(): Questionnaire {
  const parsed = parseQuestionnaire(questionnaireFixture());
  if (!parsed.ok) throw new Error(`fixture is invalid: ${JSON.stringify(parsed.error, null, 2)}`);
  return parsed.value;
}

/** Sets (or with `undefined`, deletes) the value at a path like `blocks[0].items[1].text`. */
export function editJson(json: Json, path: string, value: unknown): Json {
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let target: Record<string, unknown> = json;
  for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return json;
}
