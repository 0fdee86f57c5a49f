import { describe, expect, it } from 'vitest';
import {
  checkCondition,
  conditionContext,
  itemLocations,
} from '../../../src/domain/questionnaire/condition-checker.ts';
import type { ConditionIssue } from '../../../src/domain/questionnaire/condition.ts';
import { parseCondition } from '../../../src/domain/questionnaire/condition-parser.ts';
import { parsedFixture } from './questionnaire-fixture.ts';

// Blocks of the fixture: 0 algemeen (cijfer mark, kanaal multi, contacten number 0..50,
// opmerking open), 1 contact (intake yesno, wachttijd agree5), 2 intake (cijfer mark,
// uitleg agree5), 3 achtergrond (leeftijd single).
const questionnaire = parsedFixture();
const LAST_BLOCK = 3;

function check(source: string, blockIndex = LAST_BLOCK): ConditionIssue[] {
  const parsed = parseCondition(source);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.error.message.en}`);
  const checked = checkCondition(parsed.value, conditionContext(questionnaire, blockIndex));
  return checked.ok ? [] : checked.error;
}

function messages(source: string, blockIndex = LAST_BLOCK): [number, string, string][] {
  return check(source, blockIndex).map((issue) => [issue.position, issue.message.nl, issue.message.en]);
}

describe('checkCondition: accepted', () => {
  it.each([
    'algemeen.cijfer = 6',
    'algemeen.cijfer < 6',
    'algemeen.cijfer >= 1 and algemeen.cijfer <= 10',
    'algemeen.cijfer in (1, 2, 3)',
    'algemeen.cijfer not in (9, 10)',
    'contact.wachttijd >= 4',
    'contact.wachttijd in (1, 5)',
    'algemeen.contacten > 2.5',
    'algemeen.contacten in (0, 50)',
    'contact.intake = ja',
    'contact.intake != nee',
    'contact.intake = false',
    "algemeen.kanaal contains 'balie'",
    'answered(algemeen.opmerking)',
    'answered(algemeen.kanaal) and not answered(contact.intake)',
    'intake.cijfer < 6 or intake.uitleg <= 2',
  ])('accepts %s', (source) => {
    expect(check(source)).toEqual([]);
  });

  it('returns the condition itself when it is valid', () => {
    const parsed = parseCondition('contact.intake = ja');
    if (!parsed.ok) throw new Error('unexpected');
    expect(checkCondition(parsed.value, conditionContext(questionnaire, 2))).toEqual({ ok: true, value: parsed.value });
  });

  it('accepts single-choice comparisons with existing codes', () => {
    const withSingleEarlier = {
      ...questionnaire,
      blocks: [...questionnaire.blocks, { ...questionnaire.blocks[0]!, key: 'laatste', items: [] }],
    };
    const parsed = parseCondition("achtergrond.leeftijd in ('18-26', '27-44') or achtergrond.leeftijd != '45plus'");
    if (!parsed.ok) throw new Error('unexpected');
    expect(checkCondition(parsed.value, conditionContext(withSingleEarlier, 4)).ok).toBe(true);
  });
});

describe('checkCondition: type rules', () => {
  it.each([
    ['algemeen.cijfer = 11', 18, "'algemeen.cijfer' is een rapportcijfer (1-10); 11 kan niet", "'algemeen.cijfer' is a report mark (1-10); 11 is not possible"],
    ['algemeen.cijfer > 0', 18, "'algemeen.cijfer' is een rapportcijfer (1-10); 0 kan niet", "'algemeen.cijfer' is a report mark (1-10); 0 is not possible"],
    ['algemeen.cijfer = 7.5', 18, "'algemeen.cijfer' is een rapportcijfer (1-10); 7.5 kan niet", "'algemeen.cijfer' is a report mark (1-10); 7.5 is not possible"],
    ["algemeen.cijfer = 'zes'", 18, "'algemeen.cijfer' is een rapportcijfer (1-10); vergelijk met een heel getal van 1 t/m 10, niet met 'zes'", "'algemeen.cijfer' is a report mark (1-10); compare with a whole number from 1 to 10, not with 'zes'"],
    ["algemeen.cijfer contains '6'", 16, "'algemeen.cijfer' is een rapportcijfer (1-10); 'contains' kan hier niet, gebruik =, !=, <, <=, >, >=, in of not in", "'algemeen.cijfer' is a report mark (1-10); 'contains' cannot be used here, use =, !=, <, <=, >, >=, in or not in"],
    ['contact.wachttijd = 6', 20, "'contact.wachttijd' is een vijfpuntsschaal (1-5); 6 kan niet", "'contact.wachttijd' is a five-point scale (1-5); 6 is not possible"],
    ['contact.wachttijd = ja', 20, "'contact.wachttijd' is een vijfpuntsschaal (1-5); vergelijk met een heel getal van 1 t/m 5, niet met ja", "'contact.wachttijd' is a five-point scale (1-5); compare with a whole number from 1 to 5, not with yes"],
    ['algemeen.contacten > 51', 21, "'algemeen.contacten' is een getalvraag (0 t/m 50); 51 kan niet", "'algemeen.contacten' is a number question (0 to 50); 51 is not possible"],
    ["algemeen.contacten = '3'", 21, "'algemeen.contacten' is een getalvraag (0 t/m 50); vergelijk met een getal, niet met '3'", "'algemeen.contacten' is a number question (0 to 50); compare with a number, not with '3'"],
    ['contact.intake = 1', 17, "'contact.intake' is een ja/nee-vraag; vergelijk met ja of nee, niet met 1", "'contact.intake' is a yes/no question; compare with yes or no, not with 1"],
    ['contact.intake < ja', 15, "'contact.intake' is een ja/nee-vraag; '<' kan hier niet, gebruik = of != met ja of nee, zoals: contact.intake = ja", "'contact.intake' is a yes/no question; '<' cannot be used here, use = or != with yes or no, as in: contact.intake = yes"],
    ['contact.intake in (ja)', 15, "'contact.intake' is een ja/nee-vraag; 'in' kan hier niet, gebruik = of != met ja of nee, zoals: contact.intake = ja", "'contact.intake' is a yes/no question; 'in' cannot be used here, use = or != with yes or no, as in: contact.intake = yes"],
    ["algemeen.kanaal = 'balie'", 16, "'algemeen.kanaal' is een meerkeuzevraag; '=' kan hier niet, gebruik contains, zoals: algemeen.kanaal contains 'balie'", "'algemeen.kanaal' is a multiple-choice question; '=' cannot be used here, use contains, as in: algemeen.kanaal contains 'balie'"],
    ["algemeen.kanaal contains 'post'", 25, "'algemeen.kanaal' is een meerkeuzevraag; 'post' is geen antwoordcode van deze vraag; kies uit 'balie', 'telefoon', 'email'", "'algemeen.kanaal' is a multiple-choice question; 'post' is not an answer code of this question; choose from 'balie', 'telefoon', 'email'"],
    ['algemeen.kanaal contains 1', 25, "'algemeen.kanaal' is een meerkeuzevraag; vergelijk met een antwoordcode tussen enkele aanhalingstekens ('balie', 'telefoon', 'email'), niet met 1", "'algemeen.kanaal' is a multiple-choice question; compare with an answer code in single quotes ('balie', 'telefoon', 'email'), not with 1"],
    ["algemeen.opmerking = 'goed'", 19, "'algemeen.opmerking' is een open vraag; '=' kan hier niet, alleen answered(algemeen.opmerking) kan", "'algemeen.opmerking' is an open question; '=' cannot be used here, only answered(algemeen.opmerking) is possible"],
    ["algemeen.opmerking contains 'goed'", 19, "'algemeen.opmerking' is een open vraag; 'contains' kan hier niet, alleen answered(algemeen.opmerking) kan", "'algemeen.opmerking' is an open question; 'contains' cannot be used here, only answered(algemeen.opmerking) is possible"],
    ['onbekend.vraag = 1', 0, "'onbekend.vraag' is geen vraag in deze vragenlijst", "'onbekend.vraag' is not a question in this questionnaire"],
    ['answered(onbekend.vraag)', 9, "'onbekend.vraag' is geen vraag in deze vragenlijst", "'onbekend.vraag' is not a question in this questionnaire"],
  ])('rejects %s', (source, position, nl, en) => {
    expect(messages(source)).toEqual([[position, nl, en]]);
  });

  it('checks single-choice items: codes must exist and only =, !=, in, not in are allowed', () => {
    const extended = {
      ...questionnaire,
      blocks: [...questionnaire.blocks, { ...questionnaire.blocks[0]!, key: 'laatste', items: [] }],
    };
    const run = (source: string): [number, string][] => {
      const parsed = parseCondition(source);
      if (!parsed.ok) throw new Error(source);
      const checked = checkCondition(parsed.value, conditionContext(extended, 4));
      return checked.ok ? [] : checked.error.map((issue) => [issue.position, issue.message.en]);
    };
    expect(run("achtergrond.leeftijd = '80plus'")).toEqual([
      [23, "'achtergrond.leeftijd' is a single-choice question; '80plus' is not an answer code of this question; choose from '18-26', '27-44', '45plus'"],
    ]);
    expect(run("achtergrond.leeftijd < '27-44'")).toEqual([
      [21, "'achtergrond.leeftijd' is a single-choice question; '<' cannot be used here, use =, !=, in or not in with answer codes"],
    ]);
    expect(run('achtergrond.leeftijd in (18)')).toEqual([
      [25, "'achtergrond.leeftijd' is a single-choice question; compare with an answer code in single quotes ('18-26', '27-44', '45plus'), not with 18"],
    ]);
  });

  it('reports every problem in a compound condition', () => {
    expect(check("algemeen.cijfer = 11 or (contact.intake = 1 and algemeen.kanaal contains 'x')").map((issue) => issue.position)).toEqual([
      18, 42, 73,
    ]);
  });

  it('reports each bad value in a list', () => {
    expect(check('algemeen.cijfer in (0, 5, 11)').map((issue) => issue.position)).toEqual([20, 26]);
  });
});

describe('checkCondition: references', () => {
  it('rejects a reference to an item in the same block', () => {
    expect(messages('contact.intake = ja', 1)).toEqual([
      [
        0,
        "'contact.intake' staat in hetzelfde blok; een voorwaarde kan alleen verwijzen naar vragen in eerdere blokken (elk blok is één pagina)",
        "'contact.intake' is in the same block; a condition can only refer to questions in earlier blocks (each block is one page)",
      ],
    ]);
  });

  it('rejects a reference to an item in a later block', () => {
    expect(messages('answered(intake.cijfer)', 0)).toEqual([
      [
        9,
        "'intake.cijfer' staat in een later blok ('intake'); een voorwaarde kan alleen verwijzen naar vragen in eerdere blokken (elk blok is één pagina)",
        "'intake.cijfer' is in a later block ('intake'); a condition can only refer to questions in earlier blocks (each block is one page)",
      ],
    ]);
  });

  it('accepts a reference to the block right before', () => {
    expect(check('contact.intake = ja', 2)).toEqual([]);
  });

  it('locates every item with the index and key of its block', () => {
    const locations = itemLocations(questionnaire);
    expect(locations.size).toBe(9);
    expect(locations.get('intake.uitleg')).toMatchObject({ blockIndex: 2, blockKey: 'intake', item: { type: 'agree5' } });
    expect(locations.get('nope.nope')).toBeUndefined();
  });
});
