import { describe, expect, it } from 'vitest';
import { translateRelevance, type RelevanceTarget } from '../../../src/domain/history-import/relevance-translation.ts';

const targets: Record<string, RelevanceTarget> = {
  Q01: { kind: 'item', key: 'import.q01', type: 'single' },
  jn: { kind: 'item', key: 'import.jn', type: 'yesno' },
  num: { kind: 'item', key: 'import.num', type: 'number' },
  txt: { kind: 'item', key: 'import.txt', type: 'open' },
  mc_A: { kind: 'option', key: 'import.mc', code: 'A' },
};
const translate = (source: string) => translateRelevance(source, (name) => targets[name]);
const condition = (source: string) => {
  const result = translate(source);
  return result.ok && result.value.kind === 'condition' ? result.value.source : result;
};

describe('translateRelevance', () => {
  it('knows "always" and "never"', () => {
    expect(translate('1')).toEqual({ ok: true, value: { kind: 'always' } });
    expect(translate('')).toEqual({ ok: true, value: { kind: 'always' } });
    expect(translate('0')).toEqual({ ok: true, value: { kind: 'never' } });
  });

  it.each([
    ['((Q01.NAOK == "A2"))', "import.q01 = 'A2'"],
    ["Q01 != 'A1'", "import.q01 != 'A1'"],
    ['jn == "Y"', 'import.jn = ja'],
    ['jn.NAOK eq "N"', 'import.jn = nee'],
    ['num >= 18', 'import.num >= 18'],
    ['18 <= num', 'import.num >= 18'],
    ['num gt "5"', 'import.num > 5'],
    ['!is_empty(txt)', 'answered(import.txt)'],
    ['is_empty(txt.NAOK)', 'not (answered(import.txt))'],
    ['mc_A == "Y"', "import.mc contains 'A'"],
    ['mc_A.NAOK != "Y"', "not (import.mc contains 'A')"],
    ['Q01 == "A1" || (jn == "Y" && num < 3)', "(import.q01 = 'A1') or ((import.jn = ja) and (import.num < 3))"],
    ['!(Q01 == "A1") and txt', "(not (import.q01 = 'A1')) and (answered(import.txt))"],
  ])('%s → %s', (source, expected) => {
    expect(condition(source)).toBe(expected);
  });

  it.each([
    ['sum(num, 2) > 3', 'function sum'],
    ['later == "Y"', 'question later unknown or not earlier'],
    ['num + 1 > 3', "character '+'"],
    ['Q01 == num', 'only comparisons with a constant'],
    ['txt == "abc"', 'cannot be translated'],
    ['Q01.shown == "Y" && (', 'expression not recognised'],
    ['('.repeat(100) + 'num > 1' + ')'.repeat(100), 'nested too deeply'],
  ])('refuses %s with a reason', (source, reason) => {
    const result = translate(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});
