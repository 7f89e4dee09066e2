import { describe, expect, it } from 'vitest';
import { emptyLog, loadInitial } from './log';
import { badge, mergeSummaries, summaryOnEntry, summaryOnRead, unreadBy } from './summaries';
import type { ConversationSummary, Entry, Membership } from './types';

const base: ConversationSummary = {
  id: 'c1', kind: 'direct', title: null, announcement: null, peerId: 'bob', departmentId: null, lastSeq: 3, memberCount: 2,
  lastEntryAt: '2026-01-01T00:00:03Z', createdBy: 'me', createdAt: '2026-01-01T00:00:00Z', dissolved: false,
  role: 'member', readSeq: 3, visibleAfter: 0, unread: 0, unreadCapped: false, mutedUntil: null, lastEntry: null,
};
const e = (seq: number, senderId = 'bob', extra: Partial<Entry> = {}): Entry => ({
  id: `e${seq}`, conversationId: 'c1', seq, senderId, clientMsgId: `m${seq}`, kind: 'text', body: { text: `#${seq}` },
  createdAt: `2026-01-01T00:00:${String(seq).padStart(2, '0')}Z`, ...extra,
});

describe('unread badge', () => {
  it('is empty at zero, a number below 100, and 99+ when the server capped it', () => {
    expect(badge({ unread: 0, unreadCapped: false })).toBeNull();
    expect(badge({ unread: 7, unreadCapped: false })).toBe('7');
    expect(badge({ unread: 99, unreadCapped: false })).toBe('99');
    expect(badge({ unread: 100, unreadCapped: true })).toBe('99+');
  });
});

describe('conversation list updates', () => {
  it('a message from someone else counts as unread and becomes the preview', () => {
    const s = summaryOnEntry(base, e(4), 'me', false);
    expect(s.unread).toBe(1);
    expect(s.lastSeq).toBe(4);
    expect(s.lastEntry?.body.text).toBe('#4');
    expect(s.lastEntryAt).toBe('2026-01-01T00:00:04Z');
  });

  it('does not count the same entry twice, nor while the conversation is being read', () => {
    const once = summaryOnEntry(base, e(4), 'me', false);
    expect(summaryOnEntry(once, e(4), 'me', false)).toBe(once);
    expect(summaryOnEntry(base, e(4), 'me', true).unread).toBe(0);
  });

  it('stops at the cap', () => {
    const s = summaryOnEntry({ ...base, unread: 99 }, e(4), 'me', false);
    expect(s.unread).toBe(100);
    expect(s.unreadCapped).toBe(true);
  });

  it('my own message moves my read position: nothing before it is unread', () => {
    const s = summaryOnEntry({ ...base, unread: 5, readSeq: 1 }, e(4, 'me'), 'me', false);
    expect(s.unread).toBe(0);
    expect(s.readSeq).toBe(4);
  });

  it('a recall of the last message shows in the preview; edits, reactions and system notes do not count', () => {
    let s = summaryOnEntry(base, e(4), 'me', false);
    s = summaryOnEntry(s, e(5, 'bob', { kind: 'edit', targetSeq: 4, body: { text: 'new' } }), 'me', false);
    expect(s.lastEntry?.body.text).toBe('new');
    s = summaryOnEntry(s, e(6, 'bob', { kind: 'reaction', targetSeq: 4, body: { emoji: '👍' } }), 'me', false);
    s = summaryOnEntry(s, e(7, 'bob', { kind: 'recall', targetSeq: 4, body: {} }), 'me', false);
    expect(s.lastEntry?.recalled).toBe(true);
    expect(s.unread).toBe(1);
    s = summaryOnEntry(s, e(8, 'bob', { kind: 'system', body: { event: { type: 'group_updated', title: 'New name' } } }), 'me', false);
    expect(s.unread).toBe(1);
    expect(s.title).toBe('New name');
  });

  it('reading up to the end clears the badge; reading part of it counts from the loaded log', () => {
    const s = { ...base, lastSeq: 6, readSeq: 3, unread: 3 };
    expect(summaryOnRead(s, 6, 'me')).toEqual(expect.objectContaining({ unread: 0, readSeq: 6 }));
    const log = loadInitial(emptyLog('c1'), [e(6), e(5), e(4), e(3), e(2), e(1)], 50).log;
    expect(summaryOnRead(s, 4, 'me', log)?.unread).toBe(2);
    expect(summaryOnRead(s, 4, 'me')).toBeNull(); // no log: ask the server
    expect(summaryOnRead(s, 2, 'me')).toBe(s); // never moves back
  });

  it('a reloaded list keeps what this device received after the request went out', () => {
    const mine = summaryOnEntry(base, e(4), 'me', false);
    const [merged] = mergeSummaries([base], { c1: mine });
    expect(merged.lastSeq).toBe(4);
    expect(merged.unread).toBe(1);
    const [fresh] = mergeSummaries([{ ...base, lastSeq: 9 }], { c1: mine });
    expect(fresh.lastSeq).toBe(9);
  });
});

describe('group receipts from the member list', () => {
  const m = (memberId: string, readSeq: number, joinedAt = '2026-01-01T00:00:00Z'): Membership => ({ memberId, role: 'member', readSeq, mutedUntil: null, joinedAt });
  it('counts the others who have not read it, leaving out the sender and later joiners', () => {
    const msg = { seq: 5, senderId: 'me', createdAt: '2026-01-01T00:00:05Z' };
    const members = [m('me', 5), m('bob', 5), m('carol', 4), m('dave', 0), m('erin', 0, '2026-01-01T00:01:00Z')];
    expect(unreadBy(members, msg)).toBe(2);
    expect(unreadBy(members.map((x) => ({ ...x, readSeq: 9 })), msg)).toBe(0);
  });
});
