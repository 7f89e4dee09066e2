// The client side of the realtime gateway (docs/realtime-protocol.md): one WebSocket per tab,
// authenticated in the first frame, kept alive with app-level pings (browsers cannot see WebSocket
// pings), resumed after a drop, and closed for good when the server ends the session.

/** Close codes after which the person must sign in again (session over, not a network problem). */
const SIGNED_OUT: Record<number, string> = { 4002: 'auth_failed', 4004: 'session_revoked', 4005: 'member_deactivated', 4000: 'disconnected' };
const DO_NOT_RECONNECT = new Set([4013]); // connection_replaced: another socket of this tab took over

export interface RealtimeOptions {
  url: string;
  token: string;
  onSignedOut: (reason: string) => void;
  onPush?: (topic: string, data: unknown) => void;
}

export class RealtimeConnection {
  private ws: WebSocket | null = null;
  private resumeKey: string | null = null;
  private lastSeq = 0;
  private heartbeatMs = 25_000;
  private lastHeard = Date.now();
  private timer: ReturnType<typeof setInterval> | null = null;
  private retry = 0;
  private stopped = false;

  constructor(private readonly opts: RealtimeOptions) {}

  start() {
    this.connect();
    this.timer = setInterval(() => this.watchdog(), 5_000);
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.ws?.close(1000);
  }

  private connect() {
    if (this.stopped) return;
    const ws = new WebSocket(this.opts.url);
    this.ws = ws;
    ws.onopen = () => {
      const auth: Record<string, unknown> = { t: 'auth', token: this.opts.token };
      if (this.resumeKey) auth.resume = { connection: this.resumeKey, lastSeq: this.lastSeq };
      ws.send(JSON.stringify(auth));
    };
    ws.onmessage = (e) => this.onFrame(JSON.parse(String(e.data)));
    ws.onclose = (e) => {
      if (this.ws !== ws || this.stopped) return;
      const reason = SIGNED_OUT[e.code];
      if (reason) {
        this.stop();
        this.opts.onSignedOut(reason);
      } else if (!DO_NOT_RECONNECT.has(e.code)) {
        // exponential backoff with jitter, so a restarted node is not hit by every client at once
        const delay = Math.min(30_000, 500 * 2 ** this.retry++) * (0.5 + Math.random() / 2);
        setTimeout(() => this.connect(), delay);
      }
    };
  }

  private onFrame(f: { t: string; [k: string]: unknown }) {
    this.lastHeard = Date.now();
    if (f.t === 'ready') {
      this.retry = 0;
      this.resumeKey = String(f.resumeKey);
      this.lastSeq = Number(f.seq);
      this.heartbeatMs = Number(f.heartbeatMs) || this.heartbeatMs;
    } else if (f.t === 'push') {
      this.lastSeq = Number(f.seq);
      this.opts.onPush?.(String(f.topic), f.data);
      this.ws?.send(JSON.stringify({ t: 'ack', seq: this.lastSeq }));
    }
  }

  /** A silent socket may be dead: ping it, and reconnect (with resume) if even the ping goes unanswered. */
  private watchdog() {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const quiet = Date.now() - this.lastHeard;
    if (quiet > this.heartbeatMs + 10_000) ws.close(4000 + 999); // our own code: reconnect path
    else if (quiet > this.heartbeatMs) ws.send(JSON.stringify({ t: 'ping' }));
  }
}
