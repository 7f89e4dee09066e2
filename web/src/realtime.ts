// The client side of the realtime gateway (docs/realtime-protocol.md): one WebSocket per tab,
// authenticated in the first frame, kept alive with app-level pings (browsers cannot see WebSocket
// pings), resumed after a drop, and closed for good when the server ends the session.
// On top of it: requests answered by id (`req` → `res`, e.g. chat.send) and pushes by topic.
import { ApiError } from './api';

/** Close codes after which the person must sign in again (session over, not a network problem). */
const SIGNED_OUT: Record<number, string> = { 4002: 'auth_failed', 4004: 'session_revoked', 4005: 'member_deactivated', 4000: 'disconnected' };
const DO_NOT_RECONNECT = new Set([4013]); // connection_replaced: another socket of this tab took over
const RECONNECT_AT_ONCE = new Set([4006, 4007]); // slow_consumer, idle_timeout: resume without waiting

export interface RealtimeOptions {
  url: string;
  token: string;
  onSignedOut: (reason: string) => void;
  onPush?: (topic: string, data: unknown) => void;
  /** For tests: a WebSocket stand-in. */
  webSocket?: new (url: string) => WebSocket;
  /** Where `online` events come from (the window; tests pass a stand-in). */
  network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

/** `resumed`: nothing was missed. Otherwise the server could not replay, and state must be fetched again. */
export interface ReadyInfo { resumed: boolean }

/** What the app needs from a connection (the chat engine takes this, so tests can fake it). */
export interface Realtime {
  request<T>(op: string, data: unknown, timeoutMs?: number): Promise<T>;
  subscribe(topic: string, handler: (data: unknown) => void): () => void;
  onReady(handler: (info: ReadyInfo) => void): () => void;
  /** The socket dropped (a reconnect follows unless the session ended). */
  onDisconnect(handler: () => void): () => void;
  readonly connected: boolean;
}

interface Pending { frame: string; sent: boolean; resolve: (v: unknown) => void; reject: (e: ApiError) => void; timer: ReturnType<typeof setTimeout> }

export const REQUEST_TIMEOUT_MS = 10_000;
/** Acknowledge after this many pushes or this long (each frame counts against the gateway's inbound rate). */
const ACK_EVERY = 50;
const ACK_AFTER_MS = 1_000;
/** After the network came back with the socket still open: no answer to a ping this long means it is dead. */
const PROBE_MS = 3_000;

export class RealtimeConnection implements Realtime {
  private ws: WebSocket | null = null;
  private resumeKey: string | null = null;
  private lastSeq = 0;
  private heartbeatMs = 25_000;
  private lastHeard = Date.now();
  private timer: ReturnType<typeof setInterval> | null = null;
  private retry = 0;
  private stopped = false;
  private isReady = false;
  private nextId = 0;
  private readonly idPrefix = Math.random().toString(36).slice(2, 8);
  private readonly pending = new Map<string, Pending>();
  private readonly topics = new Map<string, Set<(data: unknown) => void>>();
  private readonly readyHandlers = new Set<(info: ReadyInfo) => void>();
  private readonly disconnectHandlers = new Set<() => void>();
  private acked = 0;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly network: RealtimeOptions['network'];

  constructor(private readonly opts: RealtimeOptions) {
    this.network = opts.network ?? (typeof window !== 'undefined' ? window : undefined);
  }

  get connected() { return this.isReady; }

  start() {
    this.connect();
    this.timer = setInterval(() => this.watchdog(), 5_000);
    this.network?.addEventListener('online', this.onOnline);
  }

  stop() {
    this.stopped = true;
    this.isReady = false;
    this.network?.removeEventListener('online', this.onOnline);
    if (this.timer) clearInterval(this.timer);
    if (this.ackTimer) clearTimeout(this.ackTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.ws?.close(1000);
    this.failPending(() => true, 'disconnected');
  }

  /**
   * Sends a request and resolves with the `data` of its answer, or rejects with an ApiError carrying
   * the server's code. Before the connection is ready the request waits (frames sent before `ready`
   * are dropped by the server). `timeout` and `disconnected` mean: the answer may be lost, the
   * request may or may not have run; resend it (chat operations are idempotent by clientMsgId).
   */
  request<T>(op: string, data: unknown, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
    if (this.stopped) return Promise.reject(new ApiError(0, 'disconnected', undefined, 'connection stopped'));
    const id = `${this.idPrefix}-${++this.nextId}`;
    const frame = JSON.stringify({ t: 'req', id, op, data: data ?? {} });
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending.delete(id)) reject(new ApiError(0, 'timeout', undefined, `no answer to ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      const p: Pending = { frame, sent: false, resolve: resolve as (v: unknown) => void, reject, timer };
      this.pending.set(id, p);
      if (this.isReady) this.sendPending(p);
    });
  }

  subscribe(topic: string, handler: (data: unknown) => void): () => void {
    const set = this.topics.get(topic) ?? new Set();
    set.add(handler);
    this.topics.set(topic, set);
    return () => { set.delete(handler); };
  }

  onReady(handler: (info: ReadyInfo) => void): () => void {
    this.readyHandlers.add(handler);
    return () => { this.readyHandlers.delete(handler); };
  }

  onDisconnect(handler: () => void): () => void {
    this.disconnectHandlers.add(handler);
    return () => { this.disconnectHandlers.delete(handler); };
  }

  private sendPending(p: Pending) {
    if (!this.ws || this.ws.readyState !== 1 /* OPEN */) return;
    p.sent = true;
    this.ws.send(p.frame);
  }

  private failPending(which: (p: Pending) => boolean, code: string) {
    for (const [id, p] of [...this.pending]) {
      if (!which(p)) continue;
      this.pending.delete(id);
      clearTimeout(p.timer);
      p.reject(new ApiError(0, code, undefined, code));
    }
  }

  /**
   * The network is back (the browser's `online` event). A reconnect waiting out its backoff goes now, as
   * does one still trying on the old network; an open socket may have died meanwhile without a word, so
   * it is pinged and replaced unless something arrives within PROBE_MS.
   */
  private readonly onOnline = () => {
    if (this.stopped) return;
    const ws = this.ws;
    if (ws && ws.readyState === 1 /* OPEN */) {
      const asked = Date.now();
      ws.send(JSON.stringify({ t: 'ping' }));
      if (this.probeTimer) clearTimeout(this.probeTimer);
      this.probeTimer = setTimeout(() => {
        this.probeTimer = null;
        if (this.ws === ws && ws.readyState === 1 && this.lastHeard < asked) ws.close(4000 + 999); // reconnect path
      }, PROBE_MS);
      return;
    }
    if (!this.reconnectTimer && !(ws && ws.readyState === 0 /* CONNECTING */)) return; // closed for good
    this.retry = 0;
    this.connect();
  };

  private connect() {
    if (this.stopped) return;
    if (this.reconnectTimer) { clearTimeout(this.reconnectTimer); this.reconnectTimer = null; }
    const old = this.ws;
    if (old && old.readyState === 0 /* CONNECTING */) { this.ws = null; old.close(); } // its onclose is ignored
    const Impl = this.opts.webSocket ?? WebSocket;
    const ws = new Impl(this.opts.url);
    this.ws = ws;
    ws.onopen = () => {
      const auth: Record<string, unknown> = { t: 'auth', token: this.opts.token };
      if (this.resumeKey) auth.resume = { connection: this.resumeKey, lastSeq: this.lastSeq };
      ws.send(JSON.stringify(auth));
    };
    ws.onmessage = (e) => {
      if (this.ws !== ws) return;
      let frame: { t: string; [k: string]: unknown };
      try {
        frame = JSON.parse(String(e.data));
      } catch {
        return;
      }
      this.onFrame(frame);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws || this.stopped) return;
      this.isReady = false;
      if (this.ackTimer) { clearTimeout(this.ackTimer); this.ackTimer = null; }
      // answers to requests sent on this socket will never come: their senders decide whether to resend
      this.failPending((p) => p.sent, 'disconnected');
      this.disconnectHandlers.forEach((h) => h());
      const reason = SIGNED_OUT[e.code];
      if (reason) {
        this.stop();
        this.opts.onSignedOut(reason);
      } else if (!DO_NOT_RECONNECT.has(e.code)) {
        // exponential backoff with jitter, so a restarted node is not hit by every client at once
        const delay = RECONNECT_AT_ONCE.has(e.code) ? 0 : Math.min(30_000, 500 * 2 ** this.retry++) * (0.5 + Math.random() / 2);
        this.reconnectTimer = setTimeout(() => { this.reconnectTimer = null; this.connect(); }, delay);
      }
    };
  }

  private onFrame(f: { t: string; [k: string]: unknown }) {
    this.lastHeard = Date.now();
    if (f.t === 'ready') {
      this.retry = 0;
      this.resumeKey = String(f.resumeKey);
      this.lastSeq = Number(f.seq);
      this.acked = this.lastSeq;
      this.heartbeatMs = Number(f.heartbeatMs) || this.heartbeatMs;
      this.isReady = true;
      for (const p of this.pending.values()) if (!p.sent) this.sendPending(p);
      const info = { resumed: f.resumed === true };
      this.readyHandlers.forEach((h) => h(info));
    } else if (f.t === 'push') {
      const topic = String(f.topic);
      this.opts.onPush?.(topic, f.data);
      this.topics.get(topic)?.forEach((h) => {
        try {
          h(f.data);
        } catch (err) {
          console.error('push handler failed', topic, err);
        }
      });
      this.lastSeq = Number(f.seq);
      if (this.lastSeq - this.acked >= ACK_EVERY) this.ack();
      else if (!this.ackTimer) this.ackTimer = setTimeout(() => this.ack(), ACK_AFTER_MS);
    } else if (f.t === 'res') {
      const id = String(f.id);
      const p = this.pending.get(id);
      if (!p) return; // timed out already
      this.pending.delete(id);
      clearTimeout(p.timer);
      if (f.ok === true) {
        p.resolve(f.data ?? null);
      } else {
        const err = (f.error ?? {}) as Record<string, unknown>;
        p.reject(new ApiError(Number(err.status ?? 0), String(err.code ?? 'request_failed'), err.field as string | undefined,
          String(err.message ?? ''), err));
      }
    }
  }

  private ack() {
    if (this.ackTimer) { clearTimeout(this.ackTimer); this.ackTimer = null; }
    if (this.lastSeq <= this.acked || !this.ws || this.ws.readyState !== 1 /* OPEN */) return;
    this.acked = this.lastSeq;
    this.ws.send(JSON.stringify({ t: 'ack', seq: this.lastSeq }));
  }

  /** A silent socket may be dead: ping it, and reconnect (with resume) if even the ping goes unanswered. */
  private watchdog() {
    const ws = this.ws;
    if (!ws || ws.readyState !== 1 /* OPEN */) return;
    const quiet = Date.now() - this.lastHeard;
    if (quiet > this.heartbeatMs + 10_000) ws.close(4000 + 999); // our own code: reconnect path
    else if (quiet > this.heartbeatMs) ws.send(JSON.stringify({ t: 'ping' }));
  }
}
