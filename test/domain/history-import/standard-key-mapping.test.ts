import { describe, expect, it } from 'vitest';
import { compatibleStandardItems, mapToStandardKeys } from '../../../src/domain/history-import/standard-key-mapping.ts';
import { parseQuestionnaire } from '../../../src/domain/questionnaire/questionnaire-schema.ts';
import type { Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';

function questionnaire(input: unknown): Questionnaire {
  const parsed = parseQuestionnaire(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const yesNo = (key: string, showIf?: string) => ({ key, type: 'yesno', text: { nl: key }, ...(showIf ? { showIf } : {}) });
const choice = (key: string, codes: string[]) => ({ key, type: 'single', text: { nl: key }, options: codes.map((code) => ({ code, label: { nl: code } })) });

const standard = questionnaire({
  key: 'standaard', title: { nl: 'S' }, languages: ['nl'], modules: [{ key: 'm', title: { nl: 'M' } }],
  blocks: [{ key: 'b', module: 'm', title: { nl: 'B' }, items: [yesNo('situatie.intake'), choice('achtergrond.huishouden', ['alleen', 'samen']), { key: 'algemeen.cijfer', type: 'mark', text: { nl: 'c' } }] }],
});
const imported = questionnaire({
  key: 'limesurvey-1', title: { nl: 'I' }, languages: ['nl'], modules: [{ key: 'import', title: { nl: 'I' } }],
  blocks: [
    { key: 'blok1', module: 'import', title: { nl: '1' }, items: [yesNo('import.intake'), choice('import.hh', ['alleen', 'samen']), choice('import.anders', ['a', 'b'])] },
    { key: 'blok2', module: 'import', title: { nl: '2' }, showIf: "import.intake = ja and import.hh = 'samen'", items: [yesNo('import.vervolg', 'import.intake = nee')] },
  ],
});

describe('standard key mapping', () => {
  it('offers only standard items with the same type and answer codes', () => {
    const [intake, hh, anders] = imported.blocks[0]!.items;
    expect(compatibleStandardItems(intake!, standard).map((item) => item.key)).toEqual(['situatie.intake']);
    expect(compatibleStandardItems(hh!, standard).map((item) => item.key)).toEqual(['achtergrond.huishouden']);
    expect(compatibleStandardItems(anders!, standard)).toEqual([]);
  });

  it('renames items and the routing that refers to them, and leaves the rest', () => {
    const mapped = mapToStandardKeys(imported, standard, { 'import.intake': 'situatie.intake', 'import.hh': 'achtergrond.huishouden', 'import.anders': '' });
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.value.blocks[0]!.items.map((item) => item.key)).toEqual(['situatie.intake', 'achtergrond.huishouden', 'import.anders']);
    expect(mapped.value.blocks[1]!.showIf).toBe("situatie.intake = ja and achtergrond.huishouden = 'samen'");
    expect(mapped.value.blocks[1]!.items[0]!.showIf).toBe('situatie.intake = nee');
  });

  it('refuses incompatible, unknown and doubled links, naming the imported question', () => {
    const mapped = mapToStandardKeys(imported, standard, {
      'import.anders': 'achtergrond.huishouden',
      'import.vervolg': 'situatie.intake',
      'import.intake': 'situatie.intake',
      'import.hh': 'bestaat.niet',
    });
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.error.map((issue) => [issue.key, issue.message.en])).toEqual([
      ['import.anders', "'import.anders' does not fit 'achtergrond.huishouden': the answer type or the answer codes differ"],
      ['import.intake', "'situatie.intake' is already linked to 'import.vervolg'"],
      ['import.hh', "'bestaat.niet' is not a question of the standard questionnaire"],
    ]);
  });
});
