// A realtime connection for the desk's and the widget's tests: requests answered by handlers (or held
// until the test answers them), pushes and (re)connects on demand.
import { ApiError } from '../api';
import type { Realtime, ReadyInfo } from '../realtime';
import type { Entry } from './types';

export type Handler = (data: Record<string, unknown>) => unknown;

export class FakeRt implements Realtime {
  connected = false;
  started = 0;
  stopped = 0;
  requests: { op: string; data: Record<string, unknown> }[] = [];
  private topics = new Map<string, Set<(d: unknown) => void>>();
  private ready = new Set<(i: ReadyInfo) => void>();
  private drops = new Set<() => void>();

  constructor(public handlers: Record<string, Handler> = {}) {}

  request<T>(op: string, data: unknown): Promise<T> {
    const d = (data ?? {}) as Record<string, unknown>;
    this.requests.push({ op, data: d });
    if (!this.connected) return Promise.reject(new ApiError(0, 'disconnected', undefined, 'disconnected'));
    const h = this.handlers[op];
    if (!h) return Promise.reject(new ApiError(404, 'unknown_op', undefined, op));
    try {
      return Promise.resolve(h(d) as T);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  subscribe(topic: string, handler: (d: unknown) => void) {
    const set = this.topics.get(topic) ?? new Set();
    set.add(handler);
    this.topics.set(topic, set);
    return () => { set.delete(handler); };
  }

  onReady(h: (i: ReadyInfo) => void) { this.ready.add(h); return () => { this.ready.delete(h); }; }
  onDisconnect(h: () => void) { this.drops.add(h); return () => { this.drops.delete(h); }; }
  start() { this.started++; }
  stop() { this.stopped++; this.connected = false; }

  push(topic: string, data: unknown) { this.topics.get(topic)?.forEach((h) => h(data)); }
  becomeReady(resumed = false) { this.connected = true; this.ready.forEach((h) => h({ resumed })); }
  drop() { this.connected = false; this.drops.forEach((h) => h()); }
  ops(op: string) { return this.requests.filter((r) => r.op === op).map((r) => r.data); }
}

export const flush = async () => { for (let i = 0; i < 10; i++) await Promise.resolve(); };

export function entry(conversationId: string, seq: number, senderId: string, extra: Partial<Entry> = {}): Entry {
  return {
    id: `${conversationId}-${seq}`, conversationId, seq, senderId, clientMsgId: `srv-${seq}`, kind: 'text', body: { text: `#${seq}` },
    createdAt: `2027-01-01T00:00:${String(seq).padStart(2, '0')}Z`, ...extra,
  };
}

export const system = (conversationId: string, seq: number, type: string, extra: Record<string, unknown> = {}): Entry =>
  entry(conversationId, seq, 'someone', { kind: 'system', body: { event: { type, ...extra } } });
