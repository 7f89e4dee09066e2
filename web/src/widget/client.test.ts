import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { entry, FakeRt, flush, system, type Handler } from '../desk/fakeRt.test-util';
import { BOT_ID, type Entry } from '../desk/types';
import { VisitorClient, type SessionAnswer } from './client';
import { VisitorStorage } from './storage';

const KEY = 'qw_test';
const V = 'visitor-1';
const C = 'conv-1';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
  removeItem(k: string) { this.data.delete(k); }
}

function session(extra: Partial<SessionAnswer> = {}): SessionAnswer {
  return { token: `qv_${Math.random().toString(36).slice(2)}`, expiresAt: '2099-01-01T00:00:00Z', visitorId: V, channel: { name: '官网', preChatForm: false }, gatewayUrl: 'ws://x/ws', ...extra };
}

/** A visitor client over a fake server: `log` is the conversation's log as the server holds it. */
function setup(opts: { preChatForm?: boolean; stored?: string; handlers?: Record<string, Handler> } = {}) {
  const log: Entry[] = [entry(C, 1, BOT_ID)];
  let closed = false;
  const rt = new FakeRt({
    'visitor.open': (d) => ({ conversation: { id: C, state: closed ? 'closed' : 'bot', openedAt: '' }, entries: log.filter((e) => e.seq > Number(d.after ?? 0)) }),
    'visitor.transcript': (d) => ({ entries: log.filter((e) => e.seq > Number(d.after ?? 0)) }),
    'visitor.send': (d) => {
      const existing = log.find((e) => e.clientMsgId === d.clientMsgId);
      if (existing) return { entry: existing, duplicate: true };
      const e = entry(C, log.length + 1, V, { clientMsgId: String(d.clientMsgId), body: { text: String(d.text) } });
      log.push(e);
      return { entry: e, duplicate: false };
    },
    ...opts.handlers,
  });
  const mem = new MemoryStorage();
  if (opts.stored) mem.setItem(`queqiao.widget.${KEY}`, opts.stored);
  const storage = new VisitorStorage(`queqiao.widget.${KEY}`, mem);
  const http = vi.fn(async (_m: string, _p: string, _b?: unknown) => session({ channel: { name: '官网', preChatForm: !!opts.preChatForm } }));
  const connect = vi.fn(() => rt);
  const client = new VisitorClient({ widgetKey: KEY }, { http, connect, storage, schedule: (fn) => { const t = setTimeout(fn, 0); return () => clearTimeout(t); } });
  return { client, rt, log, mem, storage, http, connect, close: () => { closed = true; } };
}

describe('the visitor client', () => {
  it('starts when the panel opens, opens the conversation once connected, and keeps the token', async () => {
    const { client, rt, http, storage } = setup();
    client.setPanel(true);
    await flush();
    expect(http).toHaveBeenCalledWith('POST', '/api/v1/desk/widget/sessions', { widgetKey: KEY });
    expect(client.getState().phase).toBe('connecting');
    rt.becomeReady(false);
    await flush();
    expect(rt.ops('visitor.open')).toEqual([{ after: 0 }]);
    expect(client.getState().phase).toBe('ready');
    expect(client.getState().entries.map((e) => e.seq)).toEqual([1]);
    expect(storage.load()).toMatchObject({ visitorId: V, conversationId: C });
  });

  it('comes back as the same visitor: the stored token goes with the next start', async () => {
    const { client, http } = setup({ stored: JSON.stringify({ token: 'qv_old', expiresAt: '2099-01-01T00:00:00Z', visitorId: V }) });
    client.setPanel(true);
    await flush();
    expect(http.mock.calls[0][2]).toEqual({ widgetKey: KEY, token: 'qv_old' });
  });

  it('after a reconnect that could not resume, fetches what it missed after the last seq and reopens from there', async () => {
    const { client, rt, log } = setup();
    client.setPanel(true);
    await flush();
    rt.becomeReady(false);
    await flush();
    rt.drop();
    expect(client.getState().connected).toBe(false);
    log.push(entry(C, 2, V), entry(C, 3, BOT_ID)); // said while the socket was down
    rt.becomeReady(false);
    await flush();
    expect(rt.ops('visitor.transcript').at(-1)).toEqual({ conversationId: C, after: 1 });
    expect(rt.ops('visitor.open').at(-1)).toEqual({ after: 3 });
    expect(client.getState().entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(client.getState().connected).toBe(true);
  });

  it('does not ask again when the server resumed the session (nothing was missed)', async () => {
    const { client, rt } = setup();
    client.setPanel(true);
    await flush();
    rt.becomeReady(false);
    await flush();
    const before = rt.requests.length;
    rt.drop();
    rt.becomeReady(true);
    await flush();
    expect(rt.requests.length).toBe(before);
  });

  it('when the conversation ended while away, shows the end (and the survey) instead of starting a new one', async () => {
    const { client, rt, log } = setup();
    client.setPanel(true);
    await flush();
    rt.becomeReady(false);
    await flush();
    rt.drop();
    log.push(system(C, 2, 'agent_joined'), entry(C, 3, 'agent'), system(C, 4, 'closed'));
    const opens = rt.ops('visitor.open').length;
    rt.becomeReady(false);
    await flush();
    expect(rt.ops('visitor.open').length).toBe(opens);
    expect(client.getState().conversation?.state).toBe('closed');
    expect(client.getState().csat).toBe('ask');
  });

  it('resends a message that lost its answer with the same clientMsgId, stored once', async () => {
    let fail = true;
    const { client, rt, log } = setup({
      handlers: {
        'visitor.send': (d) => {
          if (!log.some((e) => e.clientMsgId === d.clientMsgId)) log.push(entry(C, log.length + 1, V, { clientMsgId: String(d.clientMsgId), body: { text: String(d.text) } }));
          if (fail) { fail = false; throw new ApiError(0, 'timeout', undefined, 'no answer'); }
          return { entry: log.find((e) => e.clientMsgId === d.clientMsgId), duplicate: true };
        },
      },
    });
    client.setPanel(true);
    await flush();
    rt.becomeReady(false);
    await flush();
    client.send('  怎么退货  ');
    await flush();
    expect(client.getState().outbox).toHaveLength(1);
    expect(client.getState().outbox[0].state).toBe('sending');
    await new Promise((r) => setTimeout(r, 5));
    await flush();
    const sends = rt.ops('visitor.send');
    expect(sends).toHaveLength(2);
    expect(sends[0].clientMsgId).toBe(sends[1].clientMsgId);
    expect(sends[0].text).toBe('怎么退货');
    expect(log.filter((e) => e.senderId === V)).toHaveLength(1);
    expect(client.getState().outbox).toHaveLength(0);
    expect(client.getState().entries.map((e) => e.body.text)).toContain('怎么退货');
  });

  it('shows a message that cannot be sent as failed, with the server’s reason', async () => {
    const { client, rt } = setup({ handlers: { 'visitor.send': () => { throw new ApiError(400, 'text_too_long', 'text', 'too long'); } } });
    client.setPanel(true);
    await flush();
    rt.becomeReady(false);
    await flush();
    client.send('x');
    await flush();
    expect(client.getState().outbox[0]).toMatchObject({ state: 'failed' });
    expect(client.getState().outbox[0].error?.code).toBe('text_too_long');
  });

  it('asks for the pre-chat form when the channel wants it, then gives the details to the same visitor', async () => {
    const { client, rt, http, storage } = setup({ preChatForm: true });
    client.setPanel(true);
    await flush();
    expect(client.getState().phase).toBe('prechat');
    await client.start({ name: '王女士', email: 'wang@example.cn', phone: '' });
    expect(http.mock.calls[1][2]).toEqual({ widgetKey: KEY, token: expect.stringMatching(/^qv_/), name: '王女士', email: 'wang@example.cn' });
    expect(storage.load()?.prechatDone).toBe(true);
    rt.becomeReady(false);
    await flush();
    expect(client.getState().phase).toBe('ready');
  });

  it('a returning visitor with an open conversation connects at page load and counts what the agent said since they looked', async () => {
    const { client, rt, connect, log, storage } = setup({ stored: JSON.stringify({ token: 'qv_old', expiresAt: '2099-01-01T00:00:00Z', visitorId: V, conversationId: C, seenSeq: 2 }) });
    log.push(entry(C, 2, V), entry(C, 3, 'agent')); // the agent answered after the visitor left the page
    client.boot();
    await flush();
    expect(connect).toHaveBeenCalled();
    rt.becomeReady(false);
    await flush();
    expect(client.getState().unread).toBe(1);
    rt.push('visitor.entry', entry(C, 4, 'agent'));
    expect(client.getState().unread).toBe(2);
    client.setPanel(true); // looked: seen up to the newest, remembered for the next page
    expect(client.getState().unread).toBe(0);
    expect(storage.load()?.seenSeq).toBe(4);
  });

  it('a new visitor does not connect until they open the chat', async () => {
    const { client, connect } = setup();
    client.boot();
    await flush();
    expect(connect).not.toHaveBeenCalled();
  });

  it('starts again as a new visitor once when the token is refused', async () => {
    let signOut: (reason: string) => void = () => {};
    const { http, rt, mem } = setup();
    const connect = vi.fn((_u: string, _t: string, onSignedOut: (r: string) => void) => { signOut = onSignedOut; return rt; });
    const c2 = new VisitorClient({ widgetKey: KEY }, { http, connect, storage: new VisitorStorage(`queqiao.widget.${KEY}`, mem) });
    c2.setPanel(true);
    await flush();
    signOut('auth_failed');
    await flush();
    expect(http).toHaveBeenCalledTimes(2);
    expect(http.mock.calls[1][2]).toEqual({ widgetKey: KEY });
    signOut('auth_failed');
    await flush();
    expect(c2.getState().phase).toBe('failed');
  });

  it('names a channel that does not exist plainly', async () => {
    const { client, http } = setup();
    http.mockRejectedValueOnce(new ApiError(404, 'no_such_channel', 'widgetKey', 'No chat channel has this key'));
    client.setPanel(true);
    await flush();
    expect(client.getState().phase).toBe('failed');
    expect((client.getState().failure as ApiError).code).toBe('no_such_channel');
  });
});
