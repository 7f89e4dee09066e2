import { describe, expect, it } from 'vitest';
import { countConfirmation, initialProgress, mergeSent, percent, progressReducer, secondsLeft, type ProgressAction } from './progress';
import type { ConfirmedPush, UrgentNotice } from './types';

const notice = (id: string, confirmedCount = 0, recipientCount = 3, second = 0): UrgentNotice => ({
  id, senderId: 'me', text: 'drill', recipientCount, confirmedCount, createdAt: `2026-01-01T00:00:${String(second).padStart(2, '0')}Z`, renotified: false,
});
const push = (memberId: string, confirmedCount: number, noticeId = 'n1'): ConfirmedPush => ({
  noticeId, memberId, confirmedCount, recipientCount: 3, confirmedAt: '2026-01-01T00:01:00Z',
});
const run = (...actions: ProgressAction[]) => actions.reduce(progressReducer, initialProgress('n1'));

describe('sender progress', () => {
  it('moves a confirming member from unconfirmed to confirmed and counts them', () => {
    const p = run({ type: 'notice', notice: notice('n1') },
      { type: 'page', state: 'unconfirmed', ids: ['a', 'b', 'c'], cursor: null, append: false },
      { type: 'page', state: 'confirmed', ids: [], cursor: null, append: false },
      { type: 'pushed', push: push('b', 1) });
    expect(p.confirmedCount).toBe(1);
    expect(p.unconfirmed.ids).toEqual(['a', 'c']);
    expect(p.confirmed.ids).toEqual(['b']);
  });

  it('ignores pushes of other notices', () => {
    const p = run({ type: 'notice', notice: notice('n1') }, { type: 'pushed', push: push('b', 1, 'n2') });
    expect(p.confirmedCount).toBe(0);
    expect(p.confirmed.ids).toEqual([]);
  });

  it('a push that overtakes the loads wins over what they say', () => {
    const p = run({ type: 'pushed', push: push('b', 2) },
      { type: 'notice', notice: notice('n1', 1) },
      { type: 'page', state: 'unconfirmed', ids: ['a', 'b'], cursor: null, append: false },
      { type: 'page', state: 'confirmed', ids: ['c'], cursor: null, append: false });
    expect(p.confirmedCount).toBe(2);
    expect(p.unconfirmed.ids).toEqual(['a']);
    expect(p.confirmed.ids).toEqual(['b', 'c']);
  });

  it('pages append without repeating anyone', () => {
    const p = run({ type: 'page', state: 'confirmed', ids: ['a', 'b'], cursor: 'k', append: false },
      { type: 'pushed', push: push('x', 3) },
      { type: 'page', state: 'confirmed', ids: ['c', 'x'], cursor: null, append: true });
    expect(p.confirmed.ids).toEqual(['x', 'a', 'b', 'c']);
    expect(p.confirmed.cursor).toBeNull();
  });

  it('the same push twice counts once', () => {
    const p = run({ type: 'page', state: 'unconfirmed', ids: ['a'], cursor: null, append: false }, { type: 'pushed', push: push('a', 1) }, { type: 'pushed', push: push('a', 1) });
    expect(p.confirmed.ids).toEqual(['a']);
    expect(p.confirmedCount).toBe(1);
  });

  it('counts confirmations in the list of sent notices, never backwards', () => {
    const list = [notice('n1', 1), notice('n2', 0)];
    expect(countConfirmation(list, push('a', 2)).map((n) => n.confirmedCount)).toEqual([2, 0]);
    expect(countConfirmation(list, push('a', 0)).map((n) => n.confirmedCount)).toEqual([1, 0]); // a late push changes nothing
  });

  it('merges sent notices newest first, each once, keeping the higher count', () => {
    const held = [notice('new', 2, 3, 9), notice('n1', 0, 3, 1)];
    const loaded = [notice('n2', 0, 3, 2), notice('n1', 0, 3, 1)].reverse();
    const merged = mergeSent(held, [notice('new', 1, 3, 9), ...loaded]);
    expect(merged.map((n) => n.id)).toEqual(['new', 'n2', 'n1']);
    expect(merged[0].confirmedCount).toBe(2);
  });

  it('counts down and measures', () => {
    expect(secondsLeft(null, 0)).toBe(0);
    expect(secondsLeft(10_500, 1_000)).toBe(10);
    expect(secondsLeft(1_000, 5_000)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(percent(3, 3)).toBe(100);
  });
});
