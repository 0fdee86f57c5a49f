import type { Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';

const base = { allowNotApplicable: true, required: false, standard: false } as const;

/** A tiny questionnaire with one item of each type. */
export const tiny: Questionnaire = {
  key: 'mini',
  title: { nl: 'Mini', en: 'Mini' },
  languages: ['nl', 'en'],
  modules: [{ key: 'algemeen', title: { nl: 'Algemeen' }, required: true }, { key: 'extra', title: { nl: 'Extra' }, required: false }],
  blocks: [
    {
      key: 'algemeen', module: 'algemeen', title: { nl: 'Algemeen' },
      items: [
        { ...base, key: 'algemeen.cijfer', type: 'mark', text: { nl: 'Welk cijfer geeft u?', en: 'Which mark?' } },
        { ...base, key: 'balie.wachttijd', type: 'agree5', text: { nl: "De wachttijd is 'kort'.", en: 'Waiting is short.' } },
        { ...base, key: 'hulp', type: 'yesno', text: { nl: 'Kreeg u hulp?' } },
        { ...base, key: 'leeftijd', type: 'single', text: { nl: 'Leeftijd' }, options: [{ code: '18-26', label: { nl: '18 tot 27 jaar', en: '18 to 27' } }, { code: '27+', label: { nl: '27 jaar of ouder' } }] },
        { ...base, key: 'kanaal', type: 'multi', text: { nl: 'Hoe had u contact?' }, options: [{ code: 'balie', label: { nl: 'Balie' } }, { code: 'telefoon', label: { nl: 'Telefoon' } }] },
        { ...base, key: 'aantal', type: 'number', text: { nl: 'Hoe vaak?' }, integer: true, min: 0, max: 100 },
        { ...base, key: 'verbeter', type: 'open', text: { nl: 'Wat kan beter?' }, maxLength: 500 },
      ],
    },
    { key: 'extra', module: 'extra', title: { nl: 'Extra' }, items: [{ ...base, key: 'extra.cijfer', type: 'mark', text: { nl: 'Extra cijfer' } }] },
  ],
};
