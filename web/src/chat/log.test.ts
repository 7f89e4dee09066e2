import { describe, expect, it } from 'vitest';
import { applyChange, emptyLog, fill, findMsg, forceHeld, loadInitial, prependOlder, receive, toMsg, type LogState } from './log';
import type { Entry, EntryKind } from './types';

const C = 'c1';
let n = 0;
function entry(seq: number, kind: EntryKind = 'text', extra: Partial<Entry> = {}): Entry {
  return {
    id: `e${++n}`, conversationId: C, seq, senderId: 'alice', clientMsgId: `m${seq}`, kind,
    body: kind === 'text' ? { text: `#${seq}` } : {}, createdAt: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}Z`, ...extra,
  };
}
const edit = (seq: number, target: number, text: string, by = 'alice') => entry(seq, 'edit', { targetSeq: target, body: { text }, senderId: by });
const recall = (seq: number, target: number) => entry(seq, 'recall', { targetSeq: target });
const react = (seq: number, target: number, emoji: string, by: string, added = true) => entry(seq, 'reaction', { targetSeq: target, senderId: by, body: { emoji, added } });
const seqs = (l: LogState) => l.messages.map((m) => m.seq);
const ready = (...newestFirst: Entry[]) => loadInitial(emptyLog(C), newestFirst, 50).log;

describe('ordered apply', () => {
  it('applies the next number at once and ignores what it already has', () => {
    let l = ready(entry(2), entry(1));
    const r = receive(l, entry(3));
    expect(r.gapAfter).toBeNull();
    expect(r.applied.map((e) => e.seq)).toEqual([3]);
    l = r.log;
    expect(l.last).toBe(3);
    const again = receive(l, entry(3));
    expect(again.log).toBe(l);
    expect(again.applied).toEqual([]);
    expect(seqs(l)).toEqual([1, 2, 3]);
  });

  it('holds an entry beyond a gap and asks for what is missing', () => {
    const l = ready(entry(1));
    const r = receive(l, entry(4));
    expect(r.gapAfter).toBe(1);
    expect(r.applied).toEqual([]);
    expect(r.log.last).toBe(1);
    expect(seqs(r.log)).toEqual([1]);
    expect(r.log.held.map((e) => e.seq)).toEqual([4]);
  });

  it('applies held entries in order once the gap is filled by pushes arriving late', () => {
    let l = ready(entry(1));
    l = receive(l, entry(4)).log;
    l = receive(l, entry(3)).log;
    expect(l.held.map((e) => e.seq)).toEqual([3, 4]);
    const r = receive(l, entry(2));
    expect(r.gapAfter).toBeNull();
    expect(r.applied.map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(r.log.last).toBe(4);
    expect(r.log.held).toEqual([]);
    expect(seqs(r.log)).toEqual([1, 2, 3, 4]);
  });

  it('fills a gap from the server and then drains what was held', () => {
    let l = ready(entry(1));
    l = receive(l, entry(5)).log;
    const r = fill(l, [entry(2), entry(3), entry(4), entry(5)]);
    expect(r.gapAfter).toBeNull();
    expect(r.applied.map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    expect(r.log.last).toBe(5);
    expect(seqs(r.log)).toEqual([1, 2, 3, 4, 5]);
    expect(r.log.held).toEqual([]);
  });

  it('reports a gap again when one fill page was not enough', () => {
    let l = ready(entry(1));
    l = receive(l, entry(9)).log;
    const r = fill(l, [entry(2), entry(3)]);
    expect(r.gapAfter).toBe(3);
    expect(r.log.held.map((e) => e.seq)).toEqual([9]);
  });

  it('treats numbers the server skips in a fill as not visible', () => {
    // joined at 10: the server answers after=0 with entries from 11 on
    let l = loadInitial(emptyLog(C), [], 50).log;
    l = receive(l, entry(12)).log;
    const r = fill(l, [entry(11), entry(12)]);
    expect(r.log.last).toBe(12);
    expect(seqs(r.log)).toEqual([11, 12]);
    expect(r.gapAfter).toBeNull();
  });

  it('holds every push until the first page is in, then keeps only what follows it', () => {
    let l = emptyLog(C);
    l = receive(l, entry(3)).log;
    l = receive(l, entry(4)).log;
    const r = loadInitial(l, [entry(3), entry(2), entry(1)], 50);
    expect(r.log.last).toBe(4);
    expect(r.applied.map((e) => e.seq)).toEqual([4]);
    expect(seqs(r.log)).toEqual([1, 2, 3, 4]);
    expect(r.gapAfter).toBeNull();
  });

  it('starts an empty log at the member’s visibility point', () => {
    const r = loadInitial(emptyLog(C), [], 50, 7);
    expect(r.log.last).toBe(7);
    expect(receive(r.log, entry(8)).log.last).toBe(8);
  });

  it('gives up waiting and applies what is held in order', () => {
    let l = ready(entry(1));
    l = receive(l, entry(5)).log;
    l = receive(l, entry(4)).log;
    const r = forceHeld(l);
    expect(r.log.last).toBe(5);
    expect(r.applied.map((e) => e.seq)).toEqual([4, 5]);
    expect(r.log.held).toEqual([]);
  });
});

describe('entry reducers', () => {
  it('an edit changes the text and marks it edited', () => {
    const m = applyChange(toMsg(entry(1)), edit(2, 1, 'fixed'));
    expect(m.body.text).toBe('fixed');
    expect(m.editedAt).not.toBeNull();
  });

  it('a recall forgets the content and the reactions, and nothing changes it afterwards', () => {
    let m = applyChange(toMsg(entry(1)), react(2, 1, '👍', 'bob'));
    m = applyChange(m, recall(3, 1));
    expect(m.recalled).toBe(true);
    expect(m.body).toEqual({});
    expect(m.reactions).toEqual({});
    expect(applyChange(m, edit(4, 1, 'again'))).toBe(m);
    expect(applyChange(m, react(5, 1, '👍', 'bob'))).toBe(m);
  });

  it('reactions are per person: added once, taken back, emptied', () => {
    let m = toMsg(entry(1));
    m = applyChange(m, react(2, 1, '👍', 'bob'));
    m = applyChange(m, react(3, 1, '👍', 'bob'));
    m = applyChange(m, react(4, 1, '👍', 'carol'));
    expect(m.reactions['👍']).toEqual(['bob', 'carol']);
    m = applyChange(m, react(5, 1, '👍', 'bob', false));
    expect(m.reactions['👍']).toEqual(['carol']);
    m = applyChange(m, react(6, 1, '👍', 'carol', false));
    expect(m.reactions).toEqual({});
  });

  it('a history entry that was recalled shows as recalled', () => {
    const m = toMsg(entry(1, 'text', { body: {}, recalledAt: '2026-01-01T00:01:00Z' }));
    expect(m.recalled).toBe(true);
  });

  it('changes that arrive in the log are applied to their message, and not shown themselves', () => {
    let l = ready(entry(1));
    l = receive(l, edit(2, 1, 'v2')).log;
    l = receive(l, react(3, 1, '🎉', 'bob')).log;
    l = receive(l, recall(4, 1)).log;
    expect(seqs(l)).toEqual([1]);
    expect(findMsg(l, 1)?.recalled).toBe(true);
    expect(l.last).toBe(4);
  });

  it('a fill with a message and its later edit ends with the latest text', () => {
    let l = ready(entry(1));
    l = receive(l, edit(5, 2, 'v3')).log;
    // the server's copy of message 2 is current (v3); the edits in between replay in order
    const r = fill(l, [entry(2, 'text', { body: { text: 'v3' }, editedAt: 'x' }), edit(3, 2, 'v1'), edit(4, 2, 'v2'), edit(5, 2, 'v3')]);
    expect(findMsg(r.log, 2)?.body.text).toBe('v3');
  });

  it('keeps changes to messages not loaded yet and applies them when their page comes in', () => {
    // newest page holds 51..100; a live edit of message 10 arrives
    const page = Array.from({ length: 50 }, (_, i) => entry(100 - i));
    let l = loadInitial(emptyLog(C), page, 50).log;
    expect(l.hasOlder).toBe(true);
    expect(l.oldest).toBe(51);
    l = receive(l, edit(101, 10, 'late edit')).log;
    expect(l.orphans).toHaveLength(1);
    const older = Array.from({ length: 50 }, (_, i) => entry(50 - i));
    l = prependOlder(l, older, 50);
    expect(l.oldest).toBe(1);
    expect(l.hasOlder).toBe(false);
    expect(findMsg(l, 10)?.body.text).toBe('late edit');
    expect(l.orphans).toEqual([]);
    expect(seqs(l)).toHaveLength(100);
    expect(seqs(l)[0]).toBe(1);
  });

  it('system entries are shown as notes in their place', () => {
    const l = ready(entry(2), entry(1, 'system', { body: { event: { type: 'group_created', by: 'alice', count: 1, memberIds: ['bob'] } } }));
    expect(l.messages.map((m) => m.kind)).toEqual(['system', 'text']);
  });
});
