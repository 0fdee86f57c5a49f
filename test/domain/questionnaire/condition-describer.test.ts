import { describe, expect, it } from 'vitest';
import { describeCondition } from '../../../src/domain/questionnaire/condition-describer.ts';
import { parseCondition } from '../../../src/domain/questionnaire/condition-parser.ts';
import { parsedFixture } from './questionnaire-fixture.ts';

const questionnaire = parsedFixture();

function described(source: string): { nl: string; en: string } {
  const parsed = parseCondition(source);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.error.message.en}`);
  return {
    nl: describeCondition(parsed.value, questionnaire, 'nl'),
    en: describeCondition(parsed.value, questionnaire, 'en'),
  };
}

const INTAKE_NL = '"Heeft u in de afgelopen 12 maanden een intakegesprek gehad?"';
const INTAKE_EN = '"Have you had an intake interview in the past 12 months?"';

describe('describeCondition', () => {
  it('describes a yes/no comparison with the question text and the answer label', () => {
    expect(described('contact.intake = ja')).toEqual({
      nl: `alleen als ${INTAKE_NL} is beantwoord met "Ja"`,
      en: `only if ${INTAKE_EN} is answered "Yes"`,
    });
    expect(described('contact.intake = nee')).toEqual({
      nl: `alleen als ${INTAKE_NL} is beantwoord met "Nee"`,
      en: `only if ${INTAKE_EN} is answered "No"`,
    });
  });

  it('says that != needs an answer, and that not does not', () => {
    expect(described('contact.intake != ja')).toEqual({
      nl: `alleen als ${INTAKE_NL} is beantwoord, maar niet met "Ja"`,
      en: `only if ${INTAKE_EN} is answered, but not "Yes"`,
    });
    expect(described('not contact.intake = ja')).toEqual({
      nl: `alleen als ${INTAKE_NL} niet is beantwoord met "Ja"`,
      en: `only if ${INTAKE_EN} is not answered "Yes"`,
    });
    expect(described('not contact.intake != ja')).toEqual({
      nl: `alleen als ${INTAKE_NL} niet is beantwoord of is beantwoord met "Ja"`,
      en: `only if ${INTAKE_EN} is not answered or is answered "Yes"`,
    });
  });

  it('uses option labels and the agreement scale labels', () => {
    expect(described("achtergrond.leeftijd in ('18-26', '27-44')")).toEqual({
      nl: 'alleen als "Wat is uw leeftijd?" is beantwoord met "18 tot en met 26 jaar" of "27 tot en met 44 jaar"',
      en: 'only if "What is your age?" is answered "18 to 26 years" or "27 to 44 years"',
    });
    expect(described("achtergrond.leeftijd not in ('18-26')")).toEqual({
      nl: 'alleen als "Wat is uw leeftijd?" is beantwoord, maar niet met "18 tot en met 26 jaar"',
      en: 'only if "What is your age?" is answered, but not "18 to 26 years"',
    });
    expect(described('contact.wachttijd >= 4')).toEqual({
      nl: 'alleen als "De wachttijd aan de balie was acceptabel." is beantwoord met "Eens" of "Helemaal eens"',
      en: 'only if "The waiting time at the desk was acceptable." is answered "Agree" or "Strongly agree"',
    });
    expect(described('contact.wachttijd in (1, 2, 3)').en).toBe(
      'only if "The waiting time at the desk was acceptable." is answered "Strongly disagree", "Disagree" or "Neither agree nor disagree"',
    );
  });

  it('describes ranges, with a decimal comma in Dutch', () => {
    expect(described('algemeen.contacten > 2.5')).toEqual({
      nl: 'alleen als "Hoe vaak had u contact?" is beantwoord met meer dan 2,5',
      en: 'only if "How often were you in contact?" is answered with more than 2.5',
    });
    expect(described('algemeen.cijfer <= 5').nl).toBe('alleen als "Welk rapportcijfer geeft u de gemeente?" is beantwoord met 5 of minder');
    expect(described('algemeen.cijfer >= 8').en).toBe('only if "What mark do you give the municipality?" is answered with 8 or more');
    expect(described('algemeen.cijfer in (1, 2)').nl).toBe('alleen als "Welk rapportcijfer geeft u de gemeente?" is beantwoord met 1 of 2');
  });

  it('describes multiple choice and answered', () => {
    expect(described("algemeen.kanaal contains 'balie'")).toEqual({
      nl: 'alleen als bij "Hoe had u contact met de gemeente?" is gekozen voor "Aan de balie"',
      en: 'only if "At the desk" is chosen for "How were you in contact with the municipality?"',
    });
    expect(described('answered(algemeen.opmerking)')).toEqual({
      nl: 'alleen als "Wilt u nog iets kwijt?" is beantwoord',
      en: 'only if "Anything else to add?" is answered',
    });
  });

  it('joins with and/or and keeps grouping visible', () => {
    expect(described("contact.intake = ja and (algemeen.cijfer < 6 or algemeen.kanaal contains 'email')")).toEqual({
      nl: `alleen als ${INTAKE_NL} is beantwoord met "Ja" en ("Welk rapportcijfer geeft u de gemeente?" is beantwoord met minder dan 6 of bij "Hoe had u contact met de gemeente?" is gekozen voor "Per e-mail")`,
      en: `only if ${INTAKE_EN} is answered "Yes" and ("What mark do you give the municipality?" is answered with less than 6 or "By e-mail" is chosen for "How were you in contact with the municipality?")`,
    });
  });

  it('pushes not inward, turning or into and', () => {
    expect(described('not (contact.intake = ja or answered(algemeen.opmerking))')).toEqual({
      nl: `alleen als ${INTAKE_NL} niet is beantwoord met "Ja" en "Wilt u nog iets kwijt?" niet is beantwoord`,
      en: `only if ${INTAKE_EN} is not answered "Yes" and "Anything else to add?" is not answered`,
    });
    expect(described("not (contact.intake = ja and not algemeen.kanaal contains 'balie')").en).toBe(
      `only if ${INTAKE_EN} is not answered "Yes" or "At the desk" is chosen for "How were you in contact with the municipality?"`,
    );
  });

  it('falls back to the key and the code for unknown items and codes', () => {
    expect(described("onbekend.vraag = 'x'")).toEqual({
      nl: 'alleen als "onbekend.vraag" is beantwoord met "x"',
      en: 'only if "onbekend.vraag" is answered "x"',
    });
  });
});
