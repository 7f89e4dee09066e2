// Messages on their way: shown as "sending" until the server answers. When the answer does not come
// (timeout, dropped socket) the message is sent again with the SAME clientMsgId, which the server
// recognises and answers with the stored message instead of storing a copy.
import type { ApiError } from '../api';
import type { Entry, SendResult } from './types';
import { newUuid } from '../uuid';

export interface Outgoing {
  clientMsgId: string; conversationId: string; text: string; createdAt: string;
  state: 'sending' | 'failed'; attempts: number; error: ApiError | null;
}

export interface OutboxDeps {
  send: (m: Outgoing) => Promise<SendResult>;
  /** The server stored it (the answer, or our own entry seen in a push). */
  onSent: (m: Outgoing, entry: Entry | null) => void;
  onChange: () => void;
  newId?: () => string;
  schedule?: (fn: () => void, ms: number) => () => void;
  maxAttempts?: number;
}

/** Worth sending again as it is: the answer was lost, or the server asked us to slow down. */
export function isRetryable(e: ApiError): boolean {
  return e.status === 0 || e.status === 429 || e.status >= 500 || e.code === 'timeout' || e.code === 'disconnected' || e.code === 'network_error';
}

export function retryDelayMs(e: ApiError, attempt: number): number {
  const hinted = Number((e.extra as Record<string, unknown>).retryAfterSeconds);
  if (hinted > 0) return hinted * 1000;
  return Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1));
}

export class Outbox {
  private items: Outgoing[] = [];
  private inFlight = new Set<string>();
  private waiting = new Map<string, () => void>();
  private readonly maxAttempts: number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  private readonly newId: () => string;

  constructor(private readonly deps: OutboxDeps) {
    this.maxAttempts = deps.maxAttempts ?? 6;
    this.schedule = deps.schedule ?? ((fn, ms) => { const t = setTimeout(fn, ms); return () => clearTimeout(t); });
    this.newId = deps.newId ?? newUuid;
  }

  all(): readonly Outgoing[] { return this.items; }

  of(conversationId: string): Outgoing[] { return this.items.filter((m) => m.conversationId === conversationId); }

  enqueue(conversationId: string, text: string): Outgoing {
    const m: Outgoing = { clientMsgId: this.newId(), conversationId, text, createdAt: new Date().toISOString(), state: 'sending', attempts: 0, error: null };
    this.items = [...this.items, m];
    this.deps.onChange();
    this.attempt(m.clientMsgId);
    return m;
  }

  /** Sends a failed message again, with its first clientMsgId. */
  retry(clientMsgId: string) {
    this.update(clientMsgId, { state: 'sending', error: null, attempts: 0 });
    this.attempt(clientMsgId);
  }

  discard(clientMsgId: string) {
    this.cancelWait(clientMsgId);
    this.items = this.items.filter((m) => m.clientMsgId !== clientMsgId);
    this.deps.onChange();
  }

  /** The connection is back: everything still sending goes out now instead of after its back-off. */
  resendAll() {
    for (const m of this.items) if (m.state === 'sending' && !this.inFlight.has(m.clientMsgId)) this.attempt(m.clientMsgId);
  }

  /** One of our entries arrived by push: if it is a message on its way here, it made it. */
  confirm(entry: Entry) {
    const m = this.items.find((x) => x.clientMsgId === entry.clientMsgId && x.conversationId === entry.conversationId);
    if (m) this.done(m, entry);
  }

  private done(m: Outgoing, entry: Entry | null) {
    if (!this.items.some((x) => x.clientMsgId === m.clientMsgId)) return;
    this.cancelWait(m.clientMsgId);
    this.items = this.items.filter((x) => x.clientMsgId !== m.clientMsgId);
    this.deps.onSent(m, entry);
    this.deps.onChange();
  }

  private attempt(clientMsgId: string) {
    const m = this.items.find((x) => x.clientMsgId === clientMsgId);
    if (!m || this.inFlight.has(clientMsgId)) return;
    this.cancelWait(clientMsgId);
    this.inFlight.add(clientMsgId);
    const current = this.update(clientMsgId, { attempts: m.attempts + 1 })!;
    this.deps.send(current).then(
      (res) => {
        this.inFlight.delete(clientMsgId);
        const now = this.items.find((x) => x.clientMsgId === clientMsgId);
        if (now) this.done(now, res.entry);
      },
      (e: ApiError) => {
        this.inFlight.delete(clientMsgId);
        const now = this.items.find((x) => x.clientMsgId === clientMsgId);
        if (!now) return; // confirmed by a push meanwhile, or discarded
        if (isRetryable(e) && now.attempts < this.maxAttempts) {
          this.waiting.set(clientMsgId, this.schedule(() => { this.waiting.delete(clientMsgId); this.attempt(clientMsgId); }, retryDelayMs(e, now.attempts)));
          if (now.error !== e) this.update(clientMsgId, { error: e });
        } else {
          this.update(clientMsgId, { state: 'failed', error: e });
        }
      },
    );
  }

  private cancelWait(clientMsgId: string) {
    const cancel = this.waiting.get(clientMsgId);
    if (cancel) { cancel(); this.waiting.delete(clientMsgId); }
  }

  private update(clientMsgId: string, patch: Partial<Outgoing>): Outgoing | undefined {
    let out: Outgoing | undefined;
    this.items = this.items.map((m) => (m.clientMsgId === clientMsgId ? (out = { ...m, ...patch }) : m));
    this.deps.onChange();
    return out;
  }
}
