import { describe, expect, it } from 'vitest';
import { checkFocusPoint, checkMeasure, parseTargetDate } from '../../../src/domain/plan/plan-input.ts';

describe('plan input', () => {
  it('reads a target date as day-month-year or ISO, and refuses dates that do not exist', () => {
    expect(parseTargetDate('31-3-2026')).toBe('2026-03-31');
    expect(parseTargetDate(' 1/3/2026 ')).toBe('2026-03-01');
    expect(parseTargetDate('01.03.2026')).toBe('2026-03-01');
    expect(parseTargetDate('2026-03-31')).toBe('2026-03-31');
    expect(parseTargetDate('')).toBeNull();
    expect(parseTargetDate('31-2-2026')).toBeUndefined();
    expect(parseTargetDate('29-2-2025')).toBeUndefined();
    expect(parseTargetDate('29-2-2028')).toBe('2028-02-29');
    expect(parseTargetDate('3-31-2026')).toBeUndefined();
    expect(parseTargetDate('morgen')).toBeUndefined();
    expect(parseTargetDate('1-1-1999')).toBeUndefined();
  });

  it('names every wrong field of a measure at once', () => {
    const checked = checkMeasure({ description: ' ', owner: 'x'.repeat(201), targetDate: '32-1-2026', status: 'bijna', note: '' });
    expect(checked.ok ? [] : checked.error).toEqual([
      { field: 'description', code: 'required' }, { field: 'owner', code: 'too-long' },
      { field: 'targetDate', code: 'invalid-date' }, { field: 'status', code: 'invalid-status' },
    ]);
    expect(checkMeasure({ description: ' Terugbellen\r\n', owner: '', targetDate: '', status: 'done', note: '' }))
      .toEqual({ ok: true, value: { description: 'Terugbellen', owner: '', targetDate: null, status: 'done', note: '' } });
  });

  it('links a focus point only to items of the round, each once', () => {
    const linkable = new Set(['a.b', 'c.d']);
    expect(checkFocusPoint({ title: 'T', description: '', itemKeys: ['a.b', 'a.b', 'c.d'] }, linkable))
      .toEqual({ ok: true, value: { title: 'T', description: '', itemKeys: ['a.b', 'c.d'] } });
    const wrong = checkFocusPoint({ title: '', description: '', itemKeys: ['x.y'] }, linkable);
    expect(wrong.ok ? [] : wrong.error).toEqual([{ field: 'title', code: 'required' }, { field: 'items', code: 'unknown-item' }]);
  });
});
