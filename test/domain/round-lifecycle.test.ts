import { describe, expect, it } from 'vitest';
import { availableActions, nextStatus, staffMayDesign } from '../../src/domain/round-lifecycle.ts';

describe('round lifecycle', () => {
  it('goes draft → fieldwork → closed → published', () => {
    expect(nextStatus('draft', 'start-fieldwork', 'researcher')).toEqual({ ok: true, value: 'fieldwork' });
    expect(nextStatus('fieldwork', 'close', 'researcher')).toEqual({ ok: true, value: 'closed' });
    expect(nextStatus('closed', 'publish', 'researcher')).toEqual({ ok: true, value: 'published' });
    expect(nextStatus('published', 'unpublish', 'administrator')).toEqual({ ok: true, value: 'closed' });
  });

  it('refuses steps that skip or go back, and lets only administrators reopen', () => {
    expect(nextStatus('draft', 'close', 'administrator')).toEqual({ ok: false, error: 'not-allowed-now' });
    expect(nextStatus('draft', 'publish', 'administrator')).toEqual({ ok: false, error: 'not-allowed-now' });
    expect(nextStatus('fieldwork', 'start-fieldwork', 'administrator')).toEqual({ ok: false, error: 'not-allowed-now' });
    expect(nextStatus('closed', 'reopen', 'researcher')).toEqual({ ok: false, error: 'role' });
    expect(nextStatus('closed', 'reopen', 'administrator')).toEqual({ ok: true, value: 'fieldwork' });
    expect(nextStatus('fieldwork', 'close', 'viewer')).toEqual({ ok: false, error: 'role' });
  });

  it('offers each role only what it may do', () => {
    expect(availableActions('closed', 'researcher')).toEqual(['publish']);
    expect(availableActions('closed', 'administrator')).toEqual(['publish', 'reopen']);
    expect(availableActions('fieldwork', 'viewer')).toEqual([]);
  });

  it('leaves running a client council\'s survey to the council, publishing it to staff', () => {
    expect(availableActions('draft', 'administrator', 'council')).toEqual([]);
    expect(availableActions('fieldwork', 'researcher', 'council')).toEqual([]);
    expect(availableActions('closed', 'administrator', 'council')).toEqual(['publish', 'reopen']);
    expect(availableActions('published', 'researcher', 'council')).toEqual(['unpublish']);
    expect(availableActions('fieldwork', 'researcher', 'organisation')).toEqual(['close']);
    expect(staffMayDesign('council')).toBe(false);
    expect(staffMayDesign('organisation')).toBe(true);
  });
});
