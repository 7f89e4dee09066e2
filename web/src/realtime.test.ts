import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { RealtimeConnection } from './realtime';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) { FakeSocket.all.push(this); }
  send(s: string) { this.sent.push(JSON.parse(s)); }
  closedWith: number | null = null;
  close(code = 1000) { this.closedWith = code; }
  open() { this.readyState = 1; this.onopen?.(); }
  frame(f: unknown) { this.onmessage?.({ data: JSON.stringify(f) }); }
  drop(code = 1006) { this.readyState = 3; this.onclose?.({ code }); }
  of(t: string) { return this.sent.filter((f) => f.t === t); }
}

function connect(network?: EventTarget) {
  FakeSocket.all = [];
  const rt = new RealtimeConnection({ url: 'ws://x/ws', token: 'tok', onSignedOut: vi.fn(), webSocket: FakeSocket as unknown as new (u: string) => WebSocket, network });
  rt.start();
  const ws = FakeSocket.all[0];
  return { rt, ws };
}

describe('realtime requests and pushes', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('holds requests until ready, then matches answers by id', async () => {
    const { rt, ws } = connect();
    ws.open();
    expect(ws.sent[0]).toEqual({ t: 'auth', token: 'tok' });
    const p = rt.request('chat.send', { text: 'hi' });
    expect(ws.of('req')).toHaveLength(0); // the server drops frames sent before ready
    ws.frame({ t: 'ready', resumeKey: 'k1', seq: 0, heartbeatMs: 25000, resumed: false });
    const [req] = ws.of('req');
    expect(req).toEqual({ t: 'req', id: expect.any(String), op: 'chat.send', data: { text: 'hi' } });
    expect(String(req.id).length).toBeLessThanOrEqual(64);
    ws.frame({ t: 'res', id: req.id, ok: true, data: { entry: { seq: 1 } } });
    await expect(p).resolves.toEqual({ entry: { seq: 1 } });
    rt.stop();
  });

  it('turns a failed answer into an ApiError with the server’s code and field', async () => {
    const { rt, ws } = connect();
    ws.open();
    ws.frame({ t: 'ready', resumeKey: 'k1', seq: 0, resumed: false });
    const p = rt.request('chat.send', {});
    const id = ws.of('req')[0].id;
    ws.frame({ t: 'res', id, ok: false, error: { status: 400, code: 'text_too_long', message: 'too long', field: 'text' } });
    const err = (await p.catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('text_too_long');
    expect(err.field).toBe('text');
    expect(err.status).toBe(400);
    rt.stop();
  });

  it('times out a request whose answer does not come', async () => {
    vi.useFakeTimers();
    const { rt, ws } = connect();
    ws.open();
    ws.frame({ t: 'ready', resumeKey: 'k1', seq: 0, resumed: false });
    const p = rt.request('chat.read', {}, 1000).catch((e) => e);
    await vi.advanceTimersByTimeAsync(1001);
    expect(((await p) as ApiError).code).toBe('timeout');
    rt.stop();
  });

  it('a dropped socket fails the requests it carried; the next socket resumes and reports ready', async () => {
    vi.useFakeTimers();
    const { rt, ws } = connect();
    const ready = vi.fn();
    rt.onReady(ready);
    ws.open();
    ws.frame({ t: 'ready', resumeKey: 'k1', seq: 0, resumed: false });
    ws.frame({ t: 'push', seq: 1, topic: 'chat.entry', data: { seq: 7 } });
    const p = rt.request('chat.send', {}).catch((e) => e);
    ws.drop();
    expect(((await p) as ApiError).code).toBe('disconnected');
    expect(rt.connected).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    const ws2 = FakeSocket.all[1];
    ws2.open();
    expect(ws2.sent[0]).toEqual({ t: 'auth', token: 'tok', resume: { connection: 'k1', lastSeq: 1 } });
    ws2.frame({ t: 'ready', resumeKey: 'k1', seq: 1, resumed: true });
    expect(ready).toHaveBeenLastCalledWith({ resumed: true });
    rt.stop();
  });

  it('hands pushes to the subscribers of their topic and acknowledges them in batches', async () => {
    vi.useFakeTimers();
    const { rt, ws } = connect();
    const entries = vi.fn();
    const reads = vi.fn();
    rt.subscribe('chat.entry', entries);
    const off = rt.subscribe('chat.read', reads);
    ws.open();
    ws.frame({ t: 'ready', resumeKey: 'k1', seq: 0, resumed: false });
    ws.frame({ t: 'push', seq: 1, topic: 'chat.entry', data: { seq: 3 } });
    off();
    ws.frame({ t: 'push', seq: 2, topic: 'chat.read', data: {} });
    expect(entries).toHaveBeenCalledWith({ seq: 3 });
    expect(reads).not.toHaveBeenCalled();
    expect(ws.of('ack')).toEqual([]); // not one frame per push: the gateway limits frames per second
    await vi.advanceTimersByTimeAsync(1000);
    expect(ws.of('ack')).toEqual([{ t: 'ack', seq: 2 }]);
    for (let seq = 3; seq <= 60; seq++) ws.frame({ t: 'push', seq, topic: 'chat.entry', data: {} });
    expect(ws.of('ack')).toEqual([{ t: 'ack', seq: 2 }, { t: 'ack', seq: 52 }]);
    rt.stop();
  });

  it('reconnects as soon as the network is back instead of waiting out the backoff', async () => {
    vi.useFakeTimers();
    const network = new EventTarget();
    const { rt, ws } = connect(network);
    ws.open();
    ws.frame({ t: 'ready', resumeKey: 'k1', seq: 0, resumed: false });
    ws.drop();
    for (let i = 1; i <= 4; i++) { // offline: each try fails, and the next waits longer
      await vi.advanceTimersByTimeAsync(500 * 2 ** (i - 1));
      expect(FakeSocket.all).toHaveLength(i + 1);
      FakeSocket.all[i].drop();
    }
    network.dispatchEvent(new Event('online'));
    expect(FakeSocket.all).toHaveLength(6); // now, not in 4–8 s
    const ws2 = FakeSocket.all[5];
    ws2.open();
    expect(ws2.sent[0]).toEqual({ t: 'auth', token: 'tok', resume: { connection: 'k1', lastSeq: 0 } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeSocket.all).toHaveLength(6); // the backoff's timer is gone
    rt.stop();
  });

  it('when the network is back and the socket still looks open, pings it and replaces it if nothing answers', async () => {
    vi.useFakeTimers();
    const network = new EventTarget();
    const { rt, ws } = connect(network);
    ws.open();
    ws.frame({ t: 'ready', resumeKey: 'k1', seq: 0, resumed: false });
    network.dispatchEvent(new Event('online'));
    expect(ws.of('ping')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    ws.frame({ t: 'pong' }); // alive: kept
    await vi.advanceTimersByTimeAsync(3000);
    expect(ws.closedWith).toBeNull();
    network.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(3000); // dead: closed, and the reconnect path takes over
    expect(ws.closedWith).toBe(4999);
    rt.stop();
  });

  it('stops listening to the network when stopped', () => {
    const network = new EventTarget();
    const { rt, ws } = connect(network);
    ws.open();
    ws.drop();
    rt.stop();
    network.dispatchEvent(new Event('online'));
    expect(FakeSocket.all).toHaveLength(1);
  });
});
