import { describe, expect, it } from 'vitest';
import { changeWindow, emptyLog, extendWindow, findMsg, joinWindow, loadInitial, meets, receive, windowAround, type LogState } from './log';
import type { Entry, EntryKind } from './types';

const C = 'c1';
function entry(seq: number, kind: EntryKind = 'text', extra: Partial<Entry> = {}): Entry {
  return {
    id: `e${seq}-${kind}`, conversationId: C, seq, senderId: 'alice', clientMsgId: `m${seq}`, kind,
    body: kind === 'text' ? { text: `#${seq}` } : {}, createdAt: '2026-01-01T00:00:00Z', ...extra,
  };
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));
const seqs = (l: LogState) => l.messages.map((m) => m.seq);
/** The live log after opening a conversation with `last` entries: the newest 50. */
const live = (last: number) => loadInitial(emptyLog(C), range(last - 49, last).reverse(), 50).log;

describe('a window on earlier history', () => {
  it('holds the page after a number, and knows whether there is more above', () => {
    const w = windowAround(C, range(90, 139), 89);
    expect(w.oldest).toBe(90);
    expect(w.last).toBe(139);
    expect(w.hasOlder).toBe(true);
    expect(seqs(w)).toHaveLength(50);
    expect(windowAround(C, range(1, 20), 0).hasOlder).toBe(false);
    // a member who joined at 80 sees nothing before it
    expect(windowAround(C, range(81, 100), 80, 80).hasOlder).toBe(false);
  });

  it('extends downward and meets the live log, then the two become one', () => {
    const l = live(1000); // 951..1000
    let w = windowAround(C, range(890, 939), 889);
    expect(meets(w, l)).toBe(false);
    w = extendWindow(w, range(940, 960)); // overlaps the live log
    expect(meets(w, l)).toBe(true);
    const one = joinWindow(w, l);
    expect(seqs(one)).toEqual(Array.from({ length: 111 }, (_, i) => 890 + i));
    expect(one.oldest).toBe(890);
    expect(one.last).toBe(1000);
    expect(one.hasOlder).toBe(true);
    // the joined log goes on as a live log
    expect(seqs(receive(one, entry(1001)).log).slice(-1)).toEqual([1001]);
  });

  it('applies changes to its messages: from the pages after it, and live', () => {
    let w = windowAround(C, range(10, 20), 9);
    w = extendWindow(w, [entry(21), entry(22, 'edit', { targetSeq: 15, body: { text: 'changed' } })]);
    expect(findMsg(w, 15)?.body.text).toBe('changed');
    const r = changeWindow(w, [entry(2000, 'recall', { targetSeq: 12 }), entry(2001, 'reaction', { targetSeq: 999, body: { emoji: '👍' } })]);
    expect(findMsg(r, 12)?.recalled).toBe(true);
    expect(r.orphans).toEqual([]);
  });

  it('changes the live log held for older messages apply when the window joins', () => {
    let l = live(100); // 51..100
    l = receive(l, entry(101, 'edit', { targetSeq: 45, body: { text: 'edited later' } })).log;
    expect(l.orphans).toHaveLength(1);
    const w = extendWindow(windowAround(C, range(40, 45), 39), range(46, 50));
    expect(findMsg(w, 45)?.body.text).toBe('#45');
    const one = joinWindow(w, l);
    expect(findMsg(one, 45)?.body.text).toBe('edited later');
    expect(one.orphans).toEqual([]);
  });
});
