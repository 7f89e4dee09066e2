// The visitor's side of the desk, without React: starting (or resuming) the visitor over HTTP, the
// realtime connection with the visitor token, the conversation kept current from pushes, and after a
// reconnect caught up from the last seq seen. Sends are idempotent: each message keeps one clientMsgId
// for every retry, so a resend after a lost answer is stored once.
import { ApiError, problemOf } from '../api';
import { Outbox, type Outgoing } from '../chat/outbox';
import type { SendResult } from '../chat/types';
import { eventType } from '../desk/log';
import type { Entry, VisitorConversation, VisitorStatePush } from '../desk/types';
import { newUuid } from '../uuid';
import { RealtimeConnection, type ReadyInfo, type Realtime } from '../realtime';
import { initialState, isClosed, widgetReducer, type WidgetAction, type WidgetState } from './state';
import { VisitorStorage, storageKey } from './storage';

export interface WidgetConfig { widgetKey: string; userId?: string | null; signature?: string | null }
export interface PreChat { name: string; email?: string; phone?: string }
export interface SessionAnswer {
  token: string; expiresAt: string; visitorId: string; channel: { name: string; preChatForm: boolean }; gatewayUrl: string;
}

/** A realtime connection the client can start and stop (tests pass a fake). */
export type Connection = Realtime & { start(): void; stop(): void };

export interface ClientDeps {
  http?: (method: string, path: string, body?: unknown, token?: string) => Promise<unknown>;
  connect?: (url: string, token: string, onSignedOut: (reason: string) => void) => Connection;
  storage?: VisitorStorage;
  schedule?: (fn: () => void, ms: number) => () => void;
}

/** visitor.open and visitor.transcript answer at most this many entries at once. */
const PAGE = 200;

export class VisitorClient {
  private state: WidgetState = initialState;
  private readonly listeners = new Set<() => void>();
  private readonly http: NonNullable<ClientDeps['http']>;
  private readonly connectTo: NonNullable<ClientDeps['connect']>;
  private readonly storage: VisitorStorage;
  private readonly outbox: Outbox;
  private rt: Connection | null = null;
  private unsubs: (() => void)[] = [];
  private token: string | null = null;
  private channelName = '';
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private restartedAfterSignOut = false;
  private stopped = false;

  constructor(private readonly config: WidgetConfig, deps: ClientDeps = {}) {
    this.http = deps.http ?? widgetHttp;
    this.connectTo = deps.connect ?? ((url, token, onSignedOut) => new RealtimeConnection({ url, token, onSignedOut }));
    this.storage = deps.storage ?? new VisitorStorage(storageKey(config.widgetKey, config.userId));
    this.outbox = new Outbox({
      send: (m) => this.request<SendResult>('visitor.send', { clientMsgId: m.clientMsgId, text: m.text }),
      onSent: (_m, entry) => { if (entry) this.dispatch({ type: 'entry', entry }); },
      onChange: () => this.dispatch({ type: 'outbox', outbox: this.outbox.all() }),
      newId: newUuid,
      schedule: deps.schedule,
    });
  }

  subscribe = (l: () => void) => { this.listeners.add(l); return () => { this.listeners.delete(l); }; };
  getState = () => this.state;
  get channel() { return this.channelName; }

  private dispatch(a: WidgetAction) {
    const next = widgetReducer(this.state, a);
    if (next === this.state) return;
    this.state = next;
    this.rememberSeen();
    this.listeners.forEach((l) => l());
  }

  /** While the panel is open, what is on screen is seen: remembered for the next page. */
  private seenSaved = -1;
  private rememberSeen() {
    const s = this.state;
    const last = s.entries.length ? s.entries[s.entries.length - 1].seq : 0;
    if (!s.panelOpen || !s.conversation || last <= this.seenSaved || s.phase !== 'ready') return;
    this.seenSaved = last;
    this.storage.save({ seenSeq: last });
  }

  /**
   * The page loaded. A visitor who left a conversation open comes back to it at once (so what the agent
   * says meanwhile shows on the launcher); anyone else starts when they open the chat.
   */
  boot() {
    const stored = this.storage.load();
    if (stored?.conversationId) this.start();
  }

  setPanel(open: boolean) {
    this.dispatch({ type: 'panel', open });
    if (open && (this.state.phase === 'idle' || this.state.phase === 'failed')) this.start();
  }

  /** Starts (or resumes) the visitor; with the pre-chat form's details when the channel asks for them. */
  async start(details?: PreChat): Promise<void> {
    if (this.stopped) return;
    this.dispatch({ type: 'phase', phase: 'starting' });
    const stored = this.storage.load();
    // an anonymous visitor's details go with a new visitor: a token brings back the one it names, unchanged
    const body: Record<string, unknown> = { widgetKey: this.config.widgetKey };
    // the stored token goes with the pre-chat details too: the server fills them into the same visitor
    if (this.config.userId) { body.userId = this.config.userId; body.signature = this.config.signature ?? ''; } else if (stored) body.token = stored.token;
    if (details) Object.assign(body, clean(details));
    let s: SessionAnswer;
    try {
      s = await this.http('POST', '/api/v1/desk/widget/sessions', body) as SessionAnswer;
    } catch (e) {
      this.dispatch({ type: 'phase', phase: details ? 'prechat' : 'failed', failure: e });
      if (details) throw e;
      return;
    }
    const same = stored?.visitorId === s.visitorId;
    const prechatDone = !!details || (same && !!stored?.prechatDone);
    this.storage.save({ token: s.token, expiresAt: s.expiresAt, visitorId: s.visitorId, prechatDone,
      conversationId: same ? stored?.conversationId ?? null : null });
    this.channelName = s.channel.name;
    this.dispatch({ type: 'session', visitorId: s.visitorId });
    if (s.channel.preChatForm && !prechatDone) {
      this.dispatch({ type: 'phase', phase: 'prechat' });
      return;
    }
    this.connect(s.token, s.gatewayUrl);
  }

  private connect(token: string, gatewayUrl: string) {
    this.disconnect();
    this.token = token;
    this.dispatch({ type: 'phase', phase: 'connecting' });
    const rt = this.connectTo(gatewayUrl, token, (reason) => this.signedOut(reason));
    this.rt = rt;
    this.unsubs = [
      rt.subscribe('visitor.entry', (d) => this.onEntry(d as Entry)),
      rt.subscribe('visitor.state', (d) => this.dispatch({ type: 'state', push: d as VisitorStatePush })),
      rt.onReady((info) => this.onReady(info)),
      rt.onDisconnect(() => this.dispatch({ type: 'connection', connected: false })),
    ];
    rt.start();
  }

  private disconnect() {
    this.unsubs.forEach((u) => u());
    this.unsubs = [];
    this.rt?.stop();
    this.rt = null;
  }

  /** The token is not accepted any more (expired, or the visitor was removed): start once as a new visitor. */
  private signedOut(_reason: string) {
    this.disconnect();
    this.storage.clear();
    this.dispatch({ type: 'connection', connected: false });
    if (this.restartedAfterSignOut) {
      this.dispatch({ type: 'phase', phase: 'failed', failure: new ApiError(401, 'auth_failed', undefined, 'visitor token refused') });
      return;
    }
    this.restartedAfterSignOut = true;
    this.dispatch({ type: 'newConversation' });
    this.start();
  }

  private onEntry(e: Entry) {
    this.outbox.confirm(e);
    this.dispatch({ type: 'entry', entry: e });
  }

  private onReady(info: ReadyInfo) {
    this.dispatch({ type: 'connection', connected: true });
    // resumed: every push since the drop was replayed, nothing to fetch
    if (info.resumed && this.state.conversation) { this.outbox.resendAll(); return; }
    this.sync().then(() => this.outbox.resendAll(), () => {});
  }

  /** Brings the conversation up to date; one at a time (a reconnect during a sync syncs again after it). */
  sync(): Promise<void> {
    if (this.syncing) { this.syncAgain = true; return this.syncing; }
    this.syncing = (async () => {
      try {
        do {
          this.syncAgain = false;
          await this.syncOnce();
        } while (this.syncAgain);
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  private async syncOnce() {
    const s = this.state;
    if (isClosed(s)) return; // an ended conversation stays on screen; a new one starts when the visitor asks
    const id = s.conversation?.id ?? this.storage.load()?.conversationId ?? null;
    if (id) {
      // catch up on it first: it may have ended while we were away, and visitor.open would start a new one
      const entries = await this.transcript(id, s.conversation?.id === id ? s.lastSeq : 0).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) { this.storage.save({ conversationId: null }); return []; } // not this visitor's
        throw e;
      });
      if (!s.conversation && entries.length) {
        const ended = entries.some((e) => eventType(e) === 'closed' || eventType(e) === 'missed');
        if (ended) {
          this.dispatch({ type: 'opened', conversation: { id, state: 'bot', openedAt: entries[0].createdAt }, entries });
          return;
        }
      } else if (s.conversation) {
        this.dispatch({ type: 'entries', conversationId: id, entries });
        if (isClosed(this.state)) return;
      }
    }
    const mine = this.state.conversation;
    const r = await this.request<{ conversation: VisitorConversation; entries: Entry[] }>('visitor.open', { after: mine ? this.state.lastSeq : 0 });
    if (mine && r.conversation.id !== mine.id) {
      // ended between the two calls: show how it ended (it is closed now) rather than a new conversation
      this.dispatch({ type: 'entries', conversationId: mine.id, entries: await this.transcript(mine.id, this.state.lastSeq) });
      if (isClosed(this.state)) return;
    }
    const stored = this.storage.load();
    const carried = !mine && stored?.conversationId === r.conversation.id ? stored : null; // from an earlier page
    if (!carried && stored?.conversationId !== r.conversation.id) {
      this.storage.save({ conversationId: r.conversation.id, seenSeq: 0 });
      this.seenSaved = -1;
    }
    this.dispatch({ type: 'opened', conversation: r.conversation, entries: r.entries });
    if (r.entries.length >= PAGE) this.dispatch({ type: 'entries', conversationId: r.conversation.id, entries: await this.transcript(r.conversation.id, this.state.lastSeq) });
    // what came after the visitor last looked (on the earlier page) is unread
    if (carried?.seenSeq !== undefined) this.dispatch({ type: 'seen', seq: carried.seenSeq });
  }

  /** The log of one of the visitor's conversations after `after`, every page of it. */
  private async transcript(conversationId: string, after: number): Promise<Entry[]> {
    const all: Entry[] = [];
    for (;;) {
      const r = await this.request<{ entries: Entry[] }>('visitor.transcript', { conversationId, after });
      all.push(...r.entries);
      if (r.entries.length < PAGE) return all;
      after = r.entries[r.entries.length - 1].seq;
    }
  }

  private request<T>(op: string, data: unknown): Promise<T> {
    if (!this.rt) return Promise.reject(new ApiError(0, 'disconnected', undefined, 'not connected'));
    return this.rt.request<T>(op, data);
  }

  send(text: string) {
    const t = text.trim();
    const c = this.state.conversation;
    if (!t || !c) return;
    this.outbox.enqueue(c.id, t);
  }

  retry(clientMsgId: string) { this.outbox.retry(clientMsgId); }
  discard(clientMsgId: string) { this.outbox.discard(clientMsgId); }

  async rateAnswer(seq: number, helpful: boolean) {
    const c = this.state.conversation;
    if (!c) return;
    try {
      await this.request('visitor.rate-answer', { conversationId: c.id, seq, helpful });
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'already_rated')) throw e;
    }
    this.dispatch({ type: 'answerRated', seq, helpful });
  }

  async human() {
    const r = await this.request<{ outcome: string }>('visitor.human', {});
    this.dispatch({ type: 'human', outcome: r.outcome });
    return r.outcome;
  }

  async end() {
    const c = await this.request<VisitorConversation>('visitor.end', {});
    this.dispatch({ type: 'ended', conversation: c });
  }

  async rate(score: number, comment: string) {
    const c = this.state.conversation;
    if (!c) return;
    try {
      await this.request('visitor.rate', { conversationId: c.id, score, comment: comment.trim() || undefined });
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'already_rated')) throw e;
    }
    this.dispatch({ type: 'csatSent' });
    this.storage.save({ conversationId: null });
  }

  async leaveMessage(m: { name: string; email: string; phone: string; text: string }) {
    await this.request('visitor.leave-message', clean(m));
    this.dispatch({ type: 'offlineSent' });
  }

  /** After a conversation ended: a new one, greeted by the bot. */
  async newConversation() {
    this.storage.save({ conversationId: null, seenSeq: 0 });
    this.seenSaved = -1;
    this.dispatch({ type: 'newConversation' });
    await this.sync();
  }

  /** The conversation as a text file (the HTTP transcript with the visitor token). */
  async transcriptText(): Promise<string> {
    const c = this.state.conversation;
    if (!c || !this.token) return '';
    return await this.http('GET', `/api/v1/desk/visitor/conversations/${c.id}/transcript?format=text`, undefined, this.token) as string;
  }

  stop() {
    this.stopped = true;
    this.disconnect();
  }
}

function clean<T extends object>(o: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v !== 'string' || v.trim()) out[k] = typeof v === 'string' ? v.trim() : v;
  return out as Partial<T>;
}

/** The widget's own HTTP (not api.ts: that one carries a signed-in member's token, which a visitor must never send). */
export async function widgetHttp(method: string, path: string, body?: unknown, token?: string): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json, text/plain' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network_error', undefined, 'network');
  }
  const text = await res.text();
  if (!res.ok) throw problemOf(res.status, res.statusText, text, false);
  if ((res.headers.get('Content-Type') ?? '').includes('json')) return text ? JSON.parse(text) : null;
  return text;
}

export type { Outgoing };
