import { describe, expect, it } from 'vitest';
import { DURATION_EN, DURATION_ZH, formatDuration, secondsUntil, slaBadge } from './sla';
import type { Sla } from './types';

const now = Date.parse('2027-01-04T10:00:00Z');
const timer = (extra: Partial<Sla['firstResponse']> = {}) => ({ elapsedSeconds: 0, running: false, breached: false, ...extra });

describe('SLA badges', () => {
  it('count down the first running clock', () => {
    const sla: Sla = { firstResponse: timer({ targetSeconds: 300, due: '2027-01-04T10:04:00Z', running: true }), resolution: timer({ targetSeconds: 3600, due: '2027-01-04T11:00:00Z', running: true }) };
    expect(slaBadge(sla, now)).toEqual({ kind: 'due', which: 'firstResponse', seconds: 240 });
  });
  it('say breached when the server says so or the due time passed', () => {
    expect(slaBadge({ firstResponse: timer({ targetSeconds: 60, running: true, breached: true }), resolution: timer() }, now)).toEqual({ kind: 'breached', which: 'firstResponse' });
    expect(slaBadge({ firstResponse: timer({ targetSeconds: 60, due: '2027-01-04T09:59:00Z', running: true }), resolution: timer() }, now)?.kind).toBe('breached');
  });
  it('move on to resolution once answered, and say nothing without targets', () => {
    const answered: Sla = { firstResponse: timer({ targetSeconds: 300 }), resolution: timer({ targetSeconds: 3600, due: '2027-01-04T10:30:00Z', running: true }) };
    expect(slaBadge(answered, now)).toEqual({ kind: 'due', which: 'resolution', seconds: 1800 });
    expect(slaBadge({ firstResponse: timer({ running: true }), resolution: timer({ running: true }) }, now)).toBeNull();
    expect(slaBadge(undefined, now)).toBeNull();
  });
});

describe('durations', () => {
  it('read in two units at most', () => {
    expect(formatDuration(45, DURATION_EN)).toBe('45 s');
    expect(formatDuration(150, DURATION_EN)).toBe('2 min 30 s');
    expect(formatDuration(1500, DURATION_EN)).toBe('25 min');
    expect(formatDuration(3900, DURATION_ZH)).toBe('1 小时 5 分');
    expect(formatDuration(-5, DURATION_ZH)).toBe('0 秒');
  });
  it('count whole seconds left, never below zero', () => {
    expect(secondsUntil('2027-01-04T10:00:29.200Z', now)).toBe(30);
    expect(secondsUntil('2027-01-04T09:00:00Z', now)).toBe(0);
    expect(secondsUntil(undefined, now)).toBe(0);
  });
});

describe('the SLA the log shows', () => {
  it('stops the first-response clock once a person answered after the handoff', async () => {
    const { currentSla } = await import('./log');
    const { entry } = await import('./fakeRt.test-util');
    const sla: Sla = { firstResponse: timer({ targetSeconds: 300, due: '2027-01-04T10:04:00Z', running: true }), resolution: timer() };
    const c = { id: 'c', state: 'assigned' as const, openedAt: '2027-01-01T00:00:00Z', queuedAt: '2027-01-01T00:00:03Z', visitorId: 'v', sla };
    const visitorAndBot = [entry('c', 1, 'v'), entry('c', 2, '00000000-0000-0000-0000-000000000b07'), entry('c', 4, 'v')];
    expect(currentSla(c, visitorAndBot)?.firstResponse.running).toBe(true);
    expect(currentSla(c, [...visitorAndBot, entry('c', 5, 'agent')])?.firstResponse.running).toBe(false);
    expect(currentSla(c, undefined)).toBe(sla);
  });
});
