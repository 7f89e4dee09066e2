import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import type { Realtime, ReadyInfo } from '../realtime';
import type { chatApi } from './chatApi';
import { ChatEngine, type ChatDeps } from './engine';
import type { ConversationSummary, Entry, Membership } from './types';

const ME = 'me';
const summary = (id: string, extra: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id, kind: 'direct', title: null, announcement: null, peerId: 'bob', departmentId: null, lastSeq: 2, memberCount: 2,
  lastEntryAt: '2026-01-01T00:00:02Z', createdBy: ME, createdAt: '2026-01-01T00:00:00Z', dissolved: false,
  role: 'member', readSeq: 2, visibleAfter: 0, unread: 0, unreadCapped: false, mutedUntil: null, lastEntry: null, ...extra,
});
const entry = (conversationId: string, seq: number, senderId = 'bob', extra: Partial<Entry> = {}): Entry => ({
  id: `${conversationId}-${seq}`, conversationId, seq, senderId, clientMsgId: `m${seq}`, kind: 'text', body: { text: `#${seq}` },
  createdAt: `2026-01-01T00:00:${String(seq).padStart(2, '0')}Z`, ...extra,
});

type Handler = (data: Record<string, unknown>) => unknown;

class FakeRt implements Realtime {
  connected = true;
  requests: { op: string; data: Record<string, unknown> }[] = [];
  private topics = new Map<string, ((d: unknown) => void)[]>();
  private ready: ((i: ReadyInfo) => void)[] = [];
  constructor(private readonly handlers: Record<string, Handler>) {}
  request<T>(op: string, data: unknown): Promise<T> {
    const d = data as Record<string, unknown>;
    this.requests.push({ op, data: d });
    const h = this.handlers[op];
    if (!h) return Promise.reject(new ApiError(404, 'unknown_op', 'op', op));
    try {
      return Promise.resolve(h(d) as T);
    } catch (e) {
      return Promise.reject(e);
    }
  }
  subscribe(topic: string, handler: (d: unknown) => void) {
    this.topics.set(topic, [...(this.topics.get(topic) ?? []), handler]);
    return () => {};
  }
  onReady(h: (i: ReadyInfo) => void) { this.ready.push(h); return () => {}; }
  onDisconnect() { return () => {}; }
  push(topic: string, data: unknown) { this.topics.get(topic)?.forEach((h) => h(data)); }
  becomeReady(resumed: boolean) { this.ready.forEach((h) => h({ resumed })); }
  ops(op: string) { return this.requests.filter((r) => r.op === op).map((r) => r.data); }
}

function setup(opts: {
  summaries?: ConversationSummary[]; page?: Entry[]; members?: Membership[]; handlers?: Record<string, Handler>;
  http?: Record<string, unknown>; upload?: ChatDeps['upload'];
} = {}) {
  const http = {
    conversations: vi.fn(async () => ({ items: opts.summaries ?? [summary('c1')], nextCursor: null })),
    entriesBefore: vi.fn(async () => opts.page ?? [entry('c1', 2), entry('c1', 1)]),
    members: vi.fn(async () => ({ items: opts.members ?? [], nextCursor: null })),
    ...opts.http,
  } as unknown as typeof chatApi;
  const rt = new FakeRt({
    'chat.read': (d) => ({ readSeq: d.seq }),
    'chat.send': (d) => ({ duplicate: false, entry: entry(String(d.conversationId), 3, ME, { clientMsgId: String(d.clientMsgId), body: { text: String(d.text) } }) }),
    ...opts.handlers,
  });
  let ids = 0;
  const engine = new ChatEngine({ rt, me: ME, http, visible: () => true, newId: () => `id-${++ids}`, upload: opts.upload, maxFileBytes: async () => null });
  engine.start();
  return { engine, rt, http };
}
const shown = (engine: ChatEngine, id = 'c1') => engine.getState().logs[id]?.messages.map((m) => m.seq);

describe('chat engine', () => {
  it('fills a gap with chat.history before applying a push that came early', async () => {
    const { engine, rt } = setup({ handlers: { 'chat.history': () => ({ entries: [entry('c1', 3), entry('c1', 4)] }) } });
    await engine.open('c1');
    rt.push('chat.entry', entry('c1', 4));
    await vi.waitFor(() => expect(shown(engine)).toEqual([1, 2, 3, 4]));
    expect(rt.ops('chat.history')).toEqual([{ conversationId: 'c1', after: 2, limit: 200 }]);
    // a late copy of 3 changes nothing
    rt.push('chat.entry', entry('c1', 3));
    expect(shown(engine)).toEqual([1, 2, 3, 4]);
  });

  it('counts unread for conversations not open, and clears them when opened and read', async () => {
    const { engine, rt } = setup({ page: [entry('c1', 4), entry('c1', 3), entry('c1', 2), entry('c1', 1)] });
    await vi.waitFor(() => expect(engine.getState().listLoaded).toBe(true));
    rt.push('chat.entry', entry('c1', 3));
    rt.push('chat.entry', entry('c1', 4));
    expect(engine.getState().summaries[0].unread).toBe(2);
    expect(engine.getState().summaries[0].lastEntry?.body.text).toBe('#4');
    engine.setActive('c1');
    await engine.open('c1');
    await vi.waitFor(() => expect(rt.ops('chat.read')).toEqual([{ conversationId: 'c1', seq: 4 }]));
    await vi.waitFor(() => expect(engine.getState().summaries[0].unread).toBe(0));
    expect(engine.getState().summaries[0].readSeq).toBe(4);
  });

  it('marks read what arrives while the conversation is open, and follows reads from other devices', async () => {
    const { engine, rt } = setup({ summaries: [summary('c1'), summary('c2', { lastSeq: 9, readSeq: 4, unread: 5 })] });
    engine.setActive('c1');
    await engine.open('c1');
    rt.push('chat.entry', entry('c1', 3));
    await vi.waitFor(() => expect(rt.ops('chat.read')).toContainEqual({ conversationId: 'c1', seq: 3 }));
    expect(engine.getState().summaries.find((s) => s.id === 'c1')?.unread).toBe(0);
    // read on my phone
    rt.push('chat.read', { conversationId: 'c2', memberId: ME, readSeq: 9 });
    expect(engine.getState().summaries.find((s) => s.id === 'c2')?.unread).toBe(0);
  });

  it('keeps the peer’s read position for the "Read" mark', async () => {
    const members: Membership[] = [
      { memberId: ME, role: 'member', readSeq: 2, mutedUntil: null, joinedAt: '2026-01-01T00:00:00Z' },
      { memberId: 'bob', role: 'member', readSeq: 1, mutedUntil: null, joinedAt: '2026-01-01T00:00:00Z' },
    ];
    const { engine, rt } = setup({ members });
    await engine.open('c1');
    rt.push('chat.read', { conversationId: 'c1', memberId: 'bob', readSeq: 2 });
    expect(engine.getState().members.c1.find((m) => m.memberId === 'bob')?.readSeq).toBe(2);
    rt.push('chat.read', { conversationId: 'c1', memberId: 'bob', readSeq: 1 }); // never backwards
    expect(engine.getState().members.c1.find((m) => m.memberId === 'bob')?.readSeq).toBe(2);
  });

  it('sends over the socket, shows the message pending, then in the log', async () => {
    const { engine, rt } = setup();
    await engine.open('c1');
    engine.send('c1', 'hello');
    expect(engine.getState().outbox).toHaveLength(1);
    await vi.waitFor(() => expect(engine.getState().outbox).toHaveLength(0));
    expect(rt.ops('chat.send')).toEqual([{ conversationId: 'c1', clientMsgId: 'id-1', kind: 'text', text: 'hello' }]);
    expect(shown(engine)).toEqual([1, 2, 3]);
  });

  it('after a reconnect catches up with chat.sync from the cursors it holds', async () => {
    const { engine, rt } = setup({
      summaries: [summary('c1'), summary('c2', { lastSeq: 5, readSeq: 5 })],
      handlers: {
        'chat.sync': () => ({
          conversations: [
            { conversationId: 'c1', kind: 'direct', lastSeq: 4, readSeq: 2, entries: [entry('c1', 3), entry('c1', 4)], more: false },
            { conversationId: 'c2', kind: 'direct', lastSeq: 6, readSeq: 5, entries: [entry('c2', 6)], more: false },
          ],
          removed: [], more: false,
        }),
      },
    });
    await engine.open('c1');
    rt.becomeReady(false);
    await vi.waitFor(() => expect(shown(engine)).toEqual([1, 2, 3, 4]));
    expect(rt.ops('chat.sync')).toEqual([{ cursors: { c1: 2, c2: 5 } }]);
    expect(engine.getState().summaries.find((s) => s.id === 'c2')?.unread).toBe(1);
  });

  it('applies edits, recalls and reactions to the message they change', async () => {
    const { engine, rt } = setup();
    await engine.open('c1');
    rt.push('chat.entry', entry('c1', 3, 'bob', { kind: 'edit', targetSeq: 2, body: { text: 'edited' } }));
    rt.push('chat.entry', entry('c1', 4, ME, { kind: 'reaction', targetSeq: 2, body: { emoji: '👍', added: true } }));
    const msg = () => engine.getState().logs.c1.messages.find((m) => m.seq === 2)!;
    expect(msg().body.text).toBe('edited');
    expect(msg().reactions).toEqual({ '👍': [ME] });
    rt.push('chat.entry', entry('c1', 5, 'bob', { kind: 'recall', targetSeq: 2, body: {} }));
    expect(msg().recalled).toBe(true);
  });

  it('forgets a conversation I was removed from', async () => {
    const { engine, rt } = setup();
    await engine.open('c1');
    rt.push('chat.removed', { conversationId: 'c1' });
    expect(engine.getState().summaries).toEqual([]);
    expect(engine.getState().logs.c1).toBeUndefined();
    expect(engine.getState().gone.c1.code).toBe('no_such_conversation');
  });

  it('marks read what was on screen when the person leaves before the debounce ran', async () => {
    const { engine, rt } = setup();
    engine.setActive('c1');
    await engine.open('c1');
    await vi.waitFor(() => expect(engine.getState().logs.c1.ready).toBe(true));
    rt.push('chat.entry', entry('c1', 3));
    engine.setActive(null);
    await vi.waitFor(() => expect(rt.ops('chat.read')).toContainEqual({ conversationId: 'c1', seq: 3 }));
  });

  it('a sender has read up to what they post: group receipts follow without a chat.read push', async () => {
    const members: Membership[] = [
      { memberId: ME, role: 'owner', readSeq: 2, mutedUntil: null, joinedAt: '2026-01-01T00:00:00Z' },
      { memberId: 'bob', role: 'member', readSeq: 0, mutedUntil: null, joinedAt: '2026-01-01T00:00:00Z' },
    ];
    const { engine, rt } = setup({ summaries: [summary('c1', { kind: 'group', peerId: null, title: 'G' })], members });
    await engine.open('c1');
    rt.push('chat.entry', entry('c1', 3, 'bob'));
    expect(engine.getState().members.c1.find((m) => m.memberId === 'bob')?.readSeq).toBe(3);
  });

  it('applies what it holds when the server has nothing to fill the gap with', async () => {
    const { engine, rt } = setup({ handlers: { 'chat.history': () => ({ entries: [] }) } });
    await engine.open('c1');
    rt.push('chat.entry', entry('c1', 5));
    await vi.waitFor(() => expect(shown(engine)).toEqual([1, 2, 5]));
  });
});

describe('chat engine: files, refused words, jumping to a message', () => {
  it('gives a message refused for its words back to the composer, naming them, instead of keeping a failed bubble', async () => {
    const refusal = new ApiError(400, 'sensitive_content', 'text', 'blocked', { words: ['降价'] });
    const { engine } = setup({ handlers: { 'chat.send': () => { throw refusal; } } });
    await engine.open('c1');
    engine.send('c1', '下周降价');
    await vi.waitFor(() => expect(engine.getState().refused.c1?.text).toBe('下周降价'));
    expect(engine.getState().refused.c1?.error.extra.words).toEqual(['降价']);
    expect(engine.getState().outbox).toEqual([]);
    engine.clearRefused('c1');
    expect(engine.getState().refused.c1).toBeUndefined();
  });

  it('uploads a file and shows the posted message in the log', async () => {
    const upload = vi.fn(async (u: { conversationId: string; clientMsgId: string; name: string }, progress: (n: number) => void) => {
      progress(3);
      return { duplicate: false, entry: entry(u.conversationId, 3, ME, { clientMsgId: u.clientMsgId, kind: 'file', body: { file: { sha256: 'h', name: u.name, size: 3 } } }) };
    });
    const { engine } = setup({ upload: upload as unknown as ChatDeps['upload'] });
    await engine.open('c1');
    engine.sendFile('c1', new Blob(['abc'], { type: 'text/plain' }), '报告.txt');
    expect(engine.getState().uploads).toHaveLength(1);
    await vi.waitFor(() => expect(shown(engine)).toEqual([1, 2, 3]));
    expect(engine.getState().uploads).toEqual([]);
    expect(upload.mock.calls[0][0]).toMatchObject({ clientMsgId: 'id-1', name: '报告.txt', contentType: 'text/plain' });
  });

  it('jumps to a message far back through a window around it, which joins the live log when scrolled down to it', async () => {
    const newest = Array.from({ length: 50 }, (_, i) => entry('c1', 1000 - i));
    const after = vi.fn(async (_id: string, from: number, limit: number) =>
      Array.from({ length: Math.min(limit, 1000 - from) }, (_, i) => entry('c1', from + 1 + i)));
    const { engine } = setup({ summaries: [summary('c1', { lastSeq: 1000, readSeq: 1000 })], page: newest, http: { entriesAfter: after } });
    await engine.jumpTo('c1', 300);
    expect(after).toHaveBeenCalledWith('c1', 289, 50);
    const win = engine.getState().windows.c1!;
    expect(win.oldest).toBe(290);
    expect(engine.getState().focus).toMatchObject({ conversationId: 'c1', seq: 300 });
    for (let i = 0; i < 20 && engine.getState().windows.c1; i++) await engine.loadNewerInWindow('c1');
    expect(engine.getState().windows.c1).toBeUndefined();
    const seqs = shown(engine)!;
    expect(seqs[0]).toBe(290);
    expect(seqs[seqs.length - 1]).toBe(1000);
    expect(seqs).toHaveLength(711);
  });

  it('jumps to a message a few pages back by loading those pages into the live log', async () => {
    const before = vi.fn(async (_id: string, b: number | null, limit: number) => {
      const top = b === null ? 1000 : b - 1;
      return Array.from({ length: limit }, (_, i) => entry('c1', top - i));
    });
    const after = vi.fn();
    const { engine } = setup({ summaries: [summary('c1', { lastSeq: 1000, readSeq: 1000 })], http: { entriesBefore: before, entriesAfter: after } });
    await engine.jumpTo('c1', 880);
    expect(after).not.toHaveBeenCalled();
    expect(engine.getState().windows.c1).toBeUndefined();
    expect(engine.getState().logs.c1!.oldest).toBeLessThanOrEqual(870);
    expect(engine.getState().focus?.seq).toBe(880);
  });
});
