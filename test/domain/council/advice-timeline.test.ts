import { describe, expect, it } from 'vitest';
import { checkAdviceResponse } from '../../../src/domain/council/advice-response-rules.ts';
import { adviceTimeline } from '../../../src/domain/council/advice-timeline.ts';

describe('the organisation\'s response to a point', () => {
  it('needs reasons unless the point is adopted', () => {
    expect(checkAdviceResponse('adopted', '')).toEqual({ ok: true, value: { decision: 'adopted', reasons: '' } });
    expect(checkAdviceResponse('partly', '  ')).toEqual({ ok: false, error: ['reasons-missing'] });
    expect(checkAdviceResponse('not_adopted', ' Past niet in de begroting. ')).toEqual({ ok: true, value: { decision: 'not_adopted', reasons: 'Past niet in de begroting.' } });
    expect(checkAdviceResponse('maybe', '')).toEqual({ ok: false, error: ['decision'] });
    expect(checkAdviceResponse(undefined, 'x'.repeat(5001))).toEqual({ ok: false, error: ['decision', 'reasons-too-long'] });
  });
});

describe('the advice timeline', () => {
  it('puts advices and responses in date order, leaves drafts out, and keeps the order of a day', () => {
    const spring = { name: 'voorjaar', sentOn: '2025-03-01', responses: [{ n: 1, respondedOn: '2025-05-01' }, { n: 2, respondedOn: '2025-03-01' }] };
    const autumn = { name: 'najaar', sentOn: '2025-04-01', responses: [] };
    const draft = { name: 'concept', sentOn: null, responses: [] };
    const events = adviceTimeline<typeof spring | typeof autumn | typeof draft, { n: number; respondedOn: string }>([spring, draft, autumn]);
    expect(events.map((e) => (e.kind === 'advice' ? `${e.on} advies ${e.advice.name}` : `${e.on} reactie ${e.response.n}`))).toEqual([
      '2025-03-01 advies voorjaar',
      '2025-03-01 reactie 2',
      '2025-04-01 advies najaar',
      '2025-05-01 reactie 1',
    ]);
  });
});
