import { describe, expect, it } from 'vitest';
import type { Survey } from '../../../src/app/respondent/respondent-survey.ts';
import { SurveyStateCache } from '../../../src/app/respondent/survey-state-cache.ts';

function state(id: string, revision: number, roundId = 'round-1'): Survey {
  return {
    organisationName: 'Gemeente Alfa', roundId, roundName: 'Ronde', access: 'codes',
    questionnaire: { key: 'q', version: 1, title: { nl: 'Q' }, blocks: [] } as unknown as Survey['questionnaire'],
    answers: new Map(),
    response: { id, organisationId: 'org', roundId, status: 'in_progress', language: 'nl', channel: 'web', lastBlock: null, revision },
  };
}

describe('the state of responses kept in memory', () => {
  it('serves only the revision the browser names', () => {
    const cache = new SurveyStateCache();
    const kept = state('r1', 3);
    cache.put(kept);
    expect(cache.get('r1', 3)).toBe(kept);
    // Saved since on another process (revision 4) or never seen by this browser: not from memory.
    expect(cache.get('r1', 4)).toBeUndefined();
    expect(cache.get('r1', 2)).toBeUndefined();
    expect(cache.get('r1', undefined)).toBeUndefined();
    expect(cache.get('r2', 3)).toBeUndefined();
  });

  it('forgets a state older than its age limit', () => {
    let now = 1_000_000;
    const cache = new SurveyStateCache(100, 60_000, () => now);
    cache.put(state('r1', 0));
    now += 60_000;
    expect(cache.get('r1', 0)).toBeDefined();
    now += 1;
    expect(cache.get('r1', 0)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('counts the age of a state made by saving onto a held one from the last database read', () => {
    let now = 0;
    const cache = new SurveyStateCache(100, 60_000, () => now);
    cache.put(state('r1', 0));
    now = 50_000;
    cache.put(state('r1', 1), true); // a save onto the held state: the round's name etc. are as old as before
    expect(cache.latest('r1')?.response.revision).toBe(1);
    now = 60_001;
    expect(cache.get('r1', 1)).toBeUndefined();
    cache.put(state('r1', 2)); // read from the database: young again
    now = 100_000;
    expect(cache.get('r1', 2)).toBeDefined();
  });

  it('keeps at most its number of entries, dropping the one stored longest ago', () => {
    const cache = new SurveyStateCache(2);
    cache.put(state('r1', 0));
    cache.put(state('r2', 0));
    cache.put(state('r1', 1)); // stored again: now the newest
    cache.put(state('r3', 0));
    expect(cache.size).toBe(2);
    expect(cache.get('r2', 0)).toBeUndefined();
    expect(cache.get('r1', 1)).toBeDefined();
    expect(cache.get('r3', 0)).toBeDefined();
  });

  it('forgets a response, and every response of a round', () => {
    const cache = new SurveyStateCache();
    cache.put(state('r1', 0, 'round-1'));
    cache.put(state('r2', 0, 'round-1'));
    cache.put(state('r3', 0, 'round-2'));
    cache.forget('r3');
    expect(cache.get('r3', 0)).toBeUndefined();
    cache.forgetRound('round-1');
    expect(cache.size).toBe(0);
  });
});
