import { describe, expect, it } from 'vitest';
import { writeSummary, type SummaryFigure, type SummaryInput } from '../../../src/domain/report/write-summary.ts';

// Hand-made figures: every value below is set here, and the expected sentences are written out
// in full, so a change in wording or in a rule shows up as a failing test.

const mark = (label: string, value: number | null, extra: Partial<SummaryFigure> = {}): SummaryFigure =>
  ({ label, kind: 'mean', n: 200, nClass: 'reportable', value, previous: null, comparison: null, ...extra });
const statement = (label: string, value: number | null, extra: Partial<SummaryFigure> = {}): SummaryFigure =>
  ({ label, kind: 'share', n: 200, nClass: 'reportable', value, previous: null, comparison: null, ...extra });

const base: SummaryInput = {
  language: 'nl',
  provisional: false,
  thresholds: { hideBelow: 10, indicativeBelow: 30 },
  completed: 412,
  delivered: 1200,
  responseRate: 412 / 1200,
  year: 2025,
  previousRound: { year: 2024, name: 'KTO 2024' },
  overall: mark('Algemeen rapportcijfer', 7.14, { n: 405, previous: 7.2, comparison: 'in-line' }),
  overallInsufficient: 0.08,
  marks: [
    mark('Intakegesprek', 7.8, { previous: 7.7, comparison: 'in-line' }),
    mark('Hulp bij schulden', 6.36, { previous: 6.4, comparison: 'in-line' }),
    mark('Werk en re-integratie', 7.0, { n: 25, nClass: 'indicative' }),
    mark('Minima', null, { n: 6, nClass: 'hidden' }),
  ],
  statements: [
    statement('De medewerkers behandelen mij met respect', 0.91, { previous: 0.9, comparison: 'in-line' }),
    statement('Ik hoef aan de balie niet lang te wachten', 0.42, { previous: 0.55, comparison: 'significant-lower' }),
    statement('Ik krijg snel antwoord op mijn vragen', 0.66),
  ],
  comparedItems: 24,
};

describe('writeSummary in Dutch', () => {
  it('writes the overall mark in line with last year, the response, the extremes and one significant change', () => {
    expect(writeSummary(base)).toEqual([
      ['Klanten geven de dienstverlening gemiddeld een 7,1.', '8% geeft een onvoldoende (een 5 of lager).', 'Dat is in lijn met vorig jaar (7,2).'],
      ['412 klanten vulden de vragenlijst in. Dat is 34% van de 1.200 klanten die een uitnodiging kregen.'],
      [
        'Van de onderdelen krijgt ‘Intakegesprek’ het hoogste cijfer (7,8) en ‘Hulp bij schulden’ het laagste (6,4).',
        'De meeste klanten zijn het eens met ‘De medewerkers behandelen mij met respect’ (91%). De minste klanten zijn het eens met ‘Ik hoef aan de balie niet lang te wachten’ (42%).',
      ],
      [
        'Eén uitkomst is significant anders dan vorig jaar: ‘Ik hoef aan de balie niet lang te wachten’ is lager (42%, was 55%).',
        'Significant betekent: het verschil is zo groot dat het bijna zeker niet door toeval komt. Omdat we 24 vergelijkingen maakten, hebben we rekening gehouden met toevallige uitschieters.',
      ],
    ]);
  });

  it('says "significant hoger" only when the test says so', () => {
    const higher = writeSummary({ ...base, overall: mark('Algemeen', 7.14, { previous: 6.8, comparison: 'significant-higher' }) });
    expect(higher[0]).toContain('Dat is significant hoger dan vorig jaar (6,8).');
    const lower = writeSummary({ ...base, overall: mark('Algemeen', 6.5, { previous: 7.0, comparison: 'significant-lower' }) });
    expect(lower[0]).toContain('Dat is significant lager dan vorig jaar (7,0).');
    // A large raw difference without a significant test still reads "in lijn met".
    const notTested = writeSummary({ ...base, overall: mark('Algemeen', 7.9, { previous: 6.9, comparison: 'in-line' }) });
    expect(notTested[0]).toContain('Dat is in lijn met vorig jaar (6,9).');
    expect(notTested.flat().join(' ')).not.toMatch(/hoger dan|lager dan/);
  });

  it('compares the overall mark with the other municipalities only as far as the test allows', () => {
    const reference = { value: 7.32, organisations: 7 };
    const inLine = writeSummary({ ...base, overall: mark('Algemeen', 7.14, { previous: 7.2, comparison: 'in-line', reference, referenceComparison: 'in-line' }) });
    expect(inLine[0]).toContain('Het cijfer is in lijn met dat van 7 andere gemeenten (gemiddeld 7,3).');
    const lower = writeSummary({ ...base, overall: mark('Algemeen', 6.6, { reference, referenceComparison: 'significant-lower' }) });
    expect(lower[0]).toContain('Het cijfer is significant lager dan bij 7 andere gemeenten (gemiddeld 7,3).');
    const untested = writeSummary({ ...base, overall: mark('Algemeen', 6.6, { reference, referenceComparison: null }) });
    expect(untested[0]).toContain('Bij 7 andere gemeenten (gemiddeld 7,3) konden we dit cijfer niet toetsen, dus we zeggen niet of het verschilt.');
    expect(writeSummary(base).flat().join(' ')).not.toContain('andere gemeenten');
    const english = writeSummary({ ...base, language: 'en', overall: mark('Overall', 7.9, { reference, referenceComparison: 'significant-higher' }) });
    expect(english[0]).toContain('The mark is significantly higher than at 7 other municipalities (average 7.3).');
  });

  it('claims nothing when no test could be done', () => {
    const text = writeSummary({ ...base, overall: mark('Algemeen', 7.1, { previous: 7.1, comparison: null }) });
    expect(text[0]).toContain('Bij vorig jaar (7,1) konden we dit cijfer niet toetsen, dus we zeggen niet of het veranderd is.');
  });

  it('marks an indicative overall mark and leaves indicative and hidden figures out of the ranking', () => {
    const text = writeSummary({ ...base, overall: mark('Algemeen', 6.92, { n: 21, nClass: 'indicative' }), overallInsufficient: null, marks: [mark('A', 9.1, { n: 25, nClass: 'indicative' }), mark('B', 7.0), mark('C', null, { n: 4, nClass: 'hidden' })] });
    expect(text[0]).toEqual(['Klanten geven de dienstverlening gemiddeld een 6,9.', 'Dit cijfer is indicatief: het komt van maar 21 klanten. Het is een grove schatting.']);
    // Only one mark is reportable, so there is no highest and lowest among the topics.
    expect(text.flat().join(' ')).not.toContain('Van de onderdelen');
    expect(text.flat().join(' ')).not.toContain('‘C’');
  });

  it('never shows a hidden overall mark', () => {
    const text = writeSummary({ ...base, overall: mark('Algemeen', null, { n: 7, nClass: 'hidden' }), overallInsufficient: null });
    expect(text[0]).toEqual(['Te weinig klanten gaven een rapportcijfer (minder dan 10) om een gemiddelde te tonen.']);
  });

  it('says the figures are provisional during fieldwork, and handles an open round and no previous round', () => {
    const text = writeSummary({ ...base, provisional: true, delivered: null, responseRate: null, previousRound: null, overall: mark('Algemeen', 7.14) });
    expect(text[0]).toEqual(['Het onderzoek loopt nog. De cijfers zijn voorlopig en kunnen nog veranderen.']);
    expect(text[1]).toEqual(['Klanten geven de dienstverlening gemiddeld een 7,1.', '8% geeft een onvoldoende (een 5 of lager).']);
    expect(text[2]).toEqual(['412 klanten vulden de vragenlijst in.']);
    expect(text[text.length - 1]).toEqual(['Er is geen eerdere meting om mee te vergelijken.']);
  });

  it('names an older previous round by its year', () => {
    const text = writeSummary({ ...base, previousRound: { year: 2022, name: 'KTO 2022' } });
    expect(text[0]).toContain('Dat is in lijn met de vorige meting (2022) (7,2).');
  });

  it('has nothing to summarise without answers', () => {
    expect(writeSummary({ ...base, completed: 0 })).toEqual([['Er zijn nog geen ingevulde vragenlijsten.']]);
  });
});

describe('writeSummary in English', () => {
  it('writes the same figures in English with a decimal point', () => {
    expect(writeSummary({ ...base, language: 'en' })).toEqual([
      ['Clients give the service an average mark of 7.1.', '8% give a fail mark (5 or lower).', 'That is in line with last year (7.2).'],
      ['412 clients filled in the questionnaire. That is 34% of the 1,200 clients who received an invitation.'],
      [
        'Of the topics, ‘Intakegesprek’ gets the highest mark (7.8) and ‘Hulp bij schulden’ the lowest (6.4).',
        'Most clients agree with ‘De medewerkers behandelen mij met respect’ (91%). Fewest clients agree with ‘Ik hoef aan de balie niet lang te wachten’ (42%).',
      ],
      [
        'One result is significantly different from last year: ‘Ik hoef aan de balie niet lang te wachten’ is lower (42%, was 55%).',
        'Significant means: the difference is so large that it is almost certainly not due to chance. Because we made 24 comparisons, we allowed for chance outliers.',
      ],
    ]);
  });

  it('says "significantly higher" only with a significant test', () => {
    const text = writeSummary({ ...base, language: 'en', overall: mark('Overall', 7.14, { previous: 6.8, comparison: 'significant-higher' }), marks: [], statements: [statement('X', 0.5, { previous: 0.4, comparison: 'significant-higher' })] });
    expect(text[0]).toContain('That is significantly higher than last year (6.8).');
    expect(text[2]).toContain('One result is significantly different from last year: ‘X’ is higher (50%, was 40%).');
  });

  it('marks indicative and hidden overall marks in English', () => {
    expect(writeSummary({ ...base, language: 'en', overall: mark('O', 6.92, { n: 21, nClass: 'indicative' }), overallInsufficient: null })[0])
      .toEqual(['Clients give the service an average mark of 6.9.', 'This mark is indicative: it comes from only 21 clients. It is a rough estimate.']);
    expect(writeSummary({ ...base, language: 'en', overall: mark('O', null, { n: 7, nClass: 'hidden' }), overallInsufficient: null })[0])
      .toEqual(['Too few clients gave a mark (fewer than 10) to show an average.']);
  });
});
