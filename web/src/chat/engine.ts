// The chat state of this tab and everything that keeps it current: the conversation list, the logs
// of conversations opened so far, their member lists (read receipts), messages on their way and who
// is typing. Pushes go through the ordered log (log.ts); gaps are filled with chat.history; after a
// reconnect chat.sync catches up from the cursors held. Components read it with useChat().
import { ApiError, api } from '../api';
import type { Realtime, ReadyInfo } from '../realtime';
import { chatApi } from './chatApi';
import { uploadFile } from './fileTransfer';
import {
  changeWindow, emptyLog, extendWindow, forceHeld, joinWindow, loadInitial, meets, prependOlder, receive, fill, windowAround,
  type Applied, type LogState,
} from './log';
import { Outbox, isRetryable, retryDelayMs, type Outgoing } from './outbox';
import { mergeSummaries, sortSummaries, summaryOnEntry, summaryOnRead } from './summaries';
import { Uploads, type Upload, type UploadDeps } from './uploads';
import type {
  ConversationPush, ConversationSummary, Entry, Membership, ReadPush, RemovedPush, SendResult, SyncResult, TypingPush,
} from './types';
import { newUuid } from '../uuid';

export const PAGE = 50;
const HISTORY_FILL = 200;
const TYPING_SHOWN_MS = 5_000;
const TYPING_SEND_EVERY_MS = 3_000;
const MAX_SYNC_ROUNDS = 20;
/** A search hit at most this far before the loaded messages is reached by loading pages; farther, by a window. */
const JUMP_BY_PAGES = 4 * PAGE;
/** Messages shown before the one jumped to. */
const JUMP_CONTEXT = 10;

export interface ChatState {
  online: boolean;
  listLoaded: boolean;
  listError: ApiError | null;
  /** Most recent activity first. */
  summaries: ConversationSummary[];
  logs: Record<string, LogState>;
  /** Member lists of the conversations opened (with read positions). */
  members: Record<string, Membership[]>;
  outbox: readonly Outgoing[];
  /** conversation → member → typing until (ms since epoch) */
  typing: Record<string, Record<string, number>>;
  /** Conversations that failed to open (e.g. no_such_conversation) or that we were removed from. */
  gone: Record<string, ApiError>;
  loadingOlder: Record<string, boolean>;
  /** Files and images on their way. */
  uploads: readonly Upload[];
  /** A message the server refused for its words (sensitive_content): its text goes back to the composer. */
  refused: Record<string, { text: string; error: ApiError } | undefined>;
  /** Windows on earlier history (after jumping to an old search hit), shown instead of the live log. */
  windows: Record<string, LogState | undefined>;
  /** The message to scroll to and mark briefly (a search hit); `token` changes with every jump. */
  focus: { conversationId: string; seq: number; token: number } | null;
}

export interface ChatDeps {
  rt: Realtime;
  me: string;
  http?: typeof chatApi;
  visible?: () => boolean;
  newId?: () => string;
  upload?: UploadDeps['send'];
  /** chat.maxFileBytes from the client config, when the server tells it. */
  maxFileBytes?: () => Promise<number | null>;
}

type Http = typeof chatApi;

export class ChatEngine {
  private state: ChatState = {
    online: false, listLoaded: false, listError: null, summaries: [], logs: {}, members: {}, outbox: [], typing: {}, gone: {}, loadingOlder: {},
    uploads: [], refused: {}, windows: {}, focus: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly outbox: Outbox;
  private readonly uploads: Uploads;
  private maxFileBytes: number | null = null;
  private readonly loadMaxFileBytes: () => Promise<number | null>;
  private focusToken = 0;
  private readonly http: Http;
  private readonly me: string;
  private readonly rt: Realtime;
  private readonly visible: () => boolean;
  private readonly newId: () => string;
  private active: string | null = null;
  private readonly filling = new Set<string>();
  private readonly opening = new Map<string, Promise<void>>();
  private readonly readSent = new Map<string, number>();
  private readonly typingSent = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private unsubs: (() => void)[] = [];
  private listRequest: Promise<void> | null = null;
  private listAgain = false;
  private stopped = false;
  private everReady = false;

  constructor(deps: ChatDeps) {
    this.rt = deps.rt;
    this.me = deps.me;
    this.http = deps.http ?? chatApi;
    this.visible = deps.visible ?? (() => typeof document === 'undefined' || document.visibilityState === 'visible');
    this.newId = deps.newId ?? newUuid;
    this.outbox = new Outbox({
      newId: this.newId,
      send: (m) => this.rt.request<SendResult>('chat.send', { conversationId: m.conversationId, clientMsgId: m.clientMsgId, kind: 'text', text: m.text }),
      onSent: (_m, entry) => { if (entry) this.ingest(entry); },
      onChange: () => this.onOutboxChange(),
    });
    this.uploads = new Uploads({
      newId: this.newId,
      send: deps.upload ?? uploadFile,
      onSent: (_u, entry) => { if (entry) this.ingest(entry); },
      onChange: () => this.set({ uploads: this.uploads.all() }),
      maxBytes: () => this.maxFileBytes,
    });
    this.loadMaxFileBytes = deps.maxFileBytes ?? (async () => {
      const c = await api.clientConfig() as { chat?: { maxFileBytes?: number } };
      return typeof c.chat?.maxFileBytes === 'number' ? c.chat.maxFileBytes : null;
    });
  }

  /** A message refused for its words leaves the outbox: its text goes back to the composer with the words named. */
  private onOutboxChange() {
    const refused = this.outbox.all().filter((m) => m.state === 'failed' && m.error?.code === 'sensitive_content');
    if (!refused.length) { this.set({ outbox: this.outbox.all() }); return; }
    const next = { ...this.state.refused };
    for (const m of refused) next[m.conversationId] = { text: m.text, error: m.error! };
    this.set({ refused: next });
    for (const m of refused) this.outbox.discard(m.clientMsgId);
  }

  // ---- store plumbing (useSyncExternalStore) ----

  subscribe = (l: () => void) => { this.listeners.add(l); return () => { this.listeners.delete(l); }; };
  getState = () => this.state;

  private set(patch: Partial<ChatState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  private setLog(id: string, log: LogState) { this.set({ logs: { ...this.state.logs, [id]: log } }); }

  private summary(id: string) { return this.state.summaries.find((s) => s.id === id); }

  private setSummary(s: ConversationSummary) {
    this.set({ summaries: sortSummaries(this.state.summaries.map((x) => (x.id === s.id ? s : x))) });
  }

  private later(key: string, ms: number, fn: () => void) {
    if (this.timers.has(key) || this.stopped) return;
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); if (!this.stopped) fn(); }, ms));
  }

  // ---- lifecycle ----

  start() {
    const on = <T>(topic: string, fn: (d: T) => void) => this.unsubs.push(this.rt.subscribe(topic, (d) => fn(d as T)));
    on<Entry>('chat.entry', (e) => this.onEntryPush(e));
    on<ReadPush>('chat.read', (r) => this.onReadPush(r));
    on<ConversationPush>('chat.conversation', () => this.loadList());
    on<RemovedPush>('chat.removed', (r) => this.onRemoved(r.conversationId));
    on<TypingPush>('chat.typing', (t) => this.onTyping(t));
    this.unsubs.push(this.rt.onReady((info) => this.onReady(info)));
    this.unsubs.push(this.rt.onDisconnect(() => this.set({ online: false })));
    if (typeof document !== 'undefined') {
      const onVisible = () => { if (this.active) this.scheduleRead(this.active); };
      document.addEventListener('visibilitychange', onVisible);
      window.addEventListener('focus', onVisible);
      this.unsubs.push(() => { document.removeEventListener('visibilitychange', onVisible); window.removeEventListener('focus', onVisible); });
    }
    this.set({ online: this.rt.connected });
    this.loadList();
    this.loadMaxFileBytes().then((n) => { this.maxFileBytes = n; }, () => {});
  }

  stop() {
    this.stopped = true;
    this.unsubs.forEach((u) => u());
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
  }

  /**
   * Connected: messages waiting go out, and we catch up from the cursors we hold (also on the first
   * connect: entries stored between loading the list and the socket being ready were pushed to nobody
   * here). After a reconnect the gateway could not replay, the list is loaded again for exact counts.
   */
  private async onReady(info: ReadyInfo) {
    const first = !this.everReady;
    this.everReady = true;
    this.set({ online: true });
    this.outbox.resendAll();
    this.uploads.resendAll();
    if (this.listRequest) await this.listRequest;
    else if (!this.state.listLoaded) await this.loadList();
    if (!this.state.listLoaded || this.stopped) return;
    await this.sync().catch(() => {});
    if (!first && !info.resumed) this.loadList();
    if (this.active) this.scheduleRead(this.active);
  }

  // ---- the conversation list ----

  /** Loads the list (once at a time; a call during a load reloads after it). */
  loadList(): Promise<void> {
    if (this.listRequest) { this.listAgain = true; return this.listRequest; }
    this.listRequest = (async () => {
      try {
        const loaded: ConversationSummary[] = [];
        let cursor: string | null = null;
        for (let page = 0; page < 10; page++) {
          const r: { items: ConversationSummary[]; nextCursor: string | null } = await this.http.conversations(cursor);
          loaded.push(...r.items);
          cursor = r.nextCursor;
          if (!cursor) break;
        }
        const held = Object.fromEntries(this.state.summaries.map((s) => [s.id, s]));
        this.set({ summaries: mergeSummaries(loaded, held), listLoaded: true, listError: null });
      } catch (e) {
        this.set({ listError: e as ApiError });
      } finally {
        this.listRequest = null;
        if (this.listAgain) { this.listAgain = false; this.loadList(); }
      }
    })();
    return this.listRequest;
  }

  // ---- entries ----

  private onEntryPush(e: Entry) {
    if (e.senderId === this.me) { this.outbox.confirm(e); this.uploads.confirm(e); }
    this.ingest(e);
    if (e.senderId !== this.me) this.clearTyping(e.conversationId, e.senderId);
  }

  /** A live entry (push or an answer): through the ordered log if the conversation is open, else to the list. */
  private ingest(e: Entry) {
    const id = e.conversationId;
    const log = this.state.logs[id];
    if (log) {
      this.apply(id, receive(log, e));
    } else {
      this.toSummary(id, [e]);
    }
  }

  /** A step of a log: store it, update the list from what took effect, fill a gap if one opened. */
  private apply(id: string, step: Applied) {
    this.setLog(id, step.log);
    const win = this.state.windows[id];
    if (win && step.applied.length) {
      const changed = changeWindow(win, step.applied);
      if (changed !== win) this.setWindow(id, changed);
    }
    this.toSummary(id, step.applied);
    this.sendersHaveRead(id, step.applied);
    if (step.applied.some((e) => e.kind === 'system') && this.state.members[id]) this.later(`members:${id}`, 300, () => this.loadMembers(id));
    if (step.gapAfter !== null) this.fillGap(id);
    if (this.active === id) this.scheduleRead(id);
  }

  /** The server moves a sender's read position to what they post (without a chat.read push): receipts follow. */
  private sendersHaveRead(id: string, entries: Entry[]) {
    const members = this.state.members[id];
    if (!members || !entries.length) return;
    const upTo = new Map<string, number>();
    for (const e of entries) upTo.set(e.senderId, Math.max(upTo.get(e.senderId) ?? 0, e.seq));
    if (!members.some((m) => (upTo.get(m.memberId) ?? 0) > m.readSeq)) return;
    this.set({ members: { ...this.state.members, [id]: members.map((m) => ((upTo.get(m.memberId) ?? 0) > m.readSeq ? { ...m, readSeq: upTo.get(m.memberId)! } : m)) } });
  }

  private toSummary(id: string, entries: Entry[]) {
    if (!entries.length) return;
    let s = this.summary(id);
    if (!s) { this.loadList(); return; }
    const viewing = this.active === id && this.visible();
    for (const e of entries) s = summaryOnEntry(s, e, this.me, viewing);
    this.setSummary(s);
  }

  /** Fetches what is missing between the last applied entry and the held ones (one fill at a time per conversation). */
  private async fillGap(id: string) {
    if (this.filling.has(id)) return;
    this.filling.add(id);
    try {
      for (let round = 0; round < 50; round++) {
        const log = this.state.logs[id];
        if (!log || !log.ready || !log.held.length) return;
        let entries: Entry[];
        try {
          entries = (await this.rt.request<{ entries: Entry[] }>('chat.history', { conversationId: id, after: log.last, limit: HISTORY_FILL })).entries;
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) return this.onRemoved(id);
          await new Promise((r) => setTimeout(r, 1000)); // try again (the connection may be coming back)
          continue;
        }
        const now = this.state.logs[id];
        if (!now) return;
        this.apply(id, entries.length ? fill(now, entries) : forceHeld(now));
      }
    } finally {
      this.filling.delete(id);
    }
  }

  /** After a reconnect: everything after the cursors held (a loaded log's last number, else the list's). */
  async sync() {
    for (let round = 0; round < MAX_SYNC_ROUNDS; round++) {
      const cursors: Record<string, number> = {};
      for (const s of this.state.summaries) {
        const log = this.state.logs[s.id];
        cursors[s.id] = log?.ready ? log.last : s.lastSeq;
      }
      const r = await this.rt.request<SyncResult>('chat.sync', { cursors });
      for (const id of r.removed) this.onRemoved(id);
      let moreHere = false;
      for (const news of r.conversations) {
        const log = this.state.logs[news.conversationId];
        if (!this.summary(news.conversationId)) { this.loadList(); continue; }
        if (log?.ready) {
          this.apply(news.conversationId, fill(log, news.entries));
        } else if (log) {
          let l = log;
          for (const e of news.entries) l = receive(l, e).log;
          this.setLog(news.conversationId, l);
          this.toSummary(news.conversationId, news.entries);
        } else {
          this.toSummary(news.conversationId, news.entries);
        }
        this.onRead(news.conversationId, news.readSeq);
        moreHere ||= news.more;
      }
      if (!r.more && !moreHere) return;
    }
  }

  // ---- opening a conversation ----

  /** The conversation on screen (null: none). Its entries are marked read while the page is visible. */
  setActive(id: string | null) {
    const previous = this.active;
    this.active = id;
    // what was on screen when the person left counts as read (the debounced read may not have run yet)
    if (previous && previous !== id && this.timers.has(`read:${previous}`)) {
      clearTimeout(this.timers.get(`read:${previous}`));
      this.timers.delete(`read:${previous}`);
      this.markRead(previous, true);
    }
    if (id) this.scheduleRead(id);
  }

  /** Loads the newest page and the members, once; later pushes keep it current. */
  open(id: string): Promise<void> {
    const existing = this.opening.get(id);
    if (existing) return existing;
    if (this.state.logs[id]?.ready) return Promise.resolve();
    const p = (async () => {
      if (!this.state.logs[id]) this.setLog(id, emptyLog(id));
      try {
        if (!this.summary(id)) await this.loadList();
        const [page] = await Promise.all([this.http.entriesBefore(id, null, PAGE), this.loadMembers(id)]);
        const s = this.summary(id);
        if (s) {
          let next = s;
          for (const e of [...page].sort((a, b) => a.seq - b.seq)) next = summaryOnEntry(next, e, this.me, true);
          this.setSummary(next);
        }
        this.apply(id, loadInitial(this.state.logs[id] ?? emptyLog(id), page, PAGE, s?.visibleAfter ?? 0));
        const { [id]: _, ...gone } = this.state.gone;
        if (_) this.set({ gone });
      } catch (e) {
        const logs = { ...this.state.logs };
        delete logs[id];
        this.set({ logs, gone: { ...this.state.gone, [id]: e as ApiError } });
      } finally {
        this.opening.delete(id);
      }
    })();
    this.opening.set(id, p);
    return p;
  }

  async loadOlder(id: string) {
    const log = this.state.logs[id];
    if (!log?.ready || !log.hasOlder || this.state.loadingOlder[id]) return;
    this.set({ loadingOlder: { ...this.state.loadingOlder, [id]: true } });
    try {
      const page = await this.http.entriesBefore(id, log.oldest, PAGE);
      const now = this.state.logs[id];
      if (now) this.setLog(id, prependOlder(now, page, PAGE, this.summary(id)?.visibleAfter ?? 0));
    } finally {
      this.set({ loadingOlder: { ...this.state.loadingOlder, [id]: false } });
    }
  }

  async loadMembers(id: string) {
    const all: Membership[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const r: { items: Membership[]; nextCursor: string | null } = await this.http.members(id, cursor);
      all.push(...r.items);
      cursor = r.nextCursor;
      if (!cursor) break;
    }
    // read positions pushed while the list was on its way are not older than the list
    const known = new Map((this.state.members[id] ?? []).map((m) => [m.memberId, m.readSeq]));
    this.set({ members: { ...this.state.members, [id]: all.map((m) => ({ ...m, readSeq: Math.max(m.readSeq, known.get(m.memberId) ?? 0) })) } });
  }

  // ---- read state ----

  private scheduleRead(id: string) { this.later(`read:${id}`, 150, () => this.markRead(id)); }

  /** Marks the open conversation read up to what is shown, when the page is visible. */
  async markRead(id: string, leaving = false) {
    if ((!leaving && this.active !== id) || !this.visible()) return;
    const log = this.state.logs[id];
    const s = this.summary(id);
    if (!log?.ready || !s || log.last <= s.readSeq || (this.readSent.get(id) ?? 0) >= log.last) return;
    this.readSent.set(id, log.last);
    try {
      const r = await this.rt.request<{ readSeq: number }>('chat.read', { conversationId: id, seq: log.last });
      this.onRead(id, r.readSeq);
    } catch {
      this.readSent.delete(id); // try again with the next entry or visibility change
    }
  }

  private onReadPush(r: ReadPush) {
    if (r.memberId === this.me) this.onRead(r.conversationId, r.readSeq);
    const members = this.state.members[r.conversationId];
    if (members) {
      this.set({ members: { ...this.state.members, [r.conversationId]: members.map((m) => (m.memberId === r.memberId && m.readSeq < r.readSeq ? { ...m, readSeq: r.readSeq } : m)) } });
    }
  }

  private onRead(id: string, readSeq: number) {
    const s = this.summary(id);
    if (!s) return;
    const next = summaryOnRead(s, readSeq, this.me, this.state.logs[id]);
    if (next === null) {
      this.setSummary({ ...s, readSeq });
      this.loadList(); // cannot count what is still unread here: ask the server
    } else if (next !== s) {
      this.setSummary(next);
    }
  }

  // ---- membership changes pushed ----

  private onRemoved(id: string) {
    const logs = { ...this.state.logs };
    const members = { ...this.state.members };
    const windows = { ...this.state.windows };
    delete logs[id];
    delete members[id];
    delete windows[id];
    this.set({
      summaries: this.state.summaries.filter((s) => s.id !== id), logs, members, windows,
      gone: { ...this.state.gone, [id]: new ApiError(404, 'no_such_conversation', undefined, 'removed') },
    });
  }

  private onTyping(t: TypingPush) {
    if (t.memberId === this.me) return;
    const until = Date.now() + TYPING_SHOWN_MS;
    this.set({ typing: { ...this.state.typing, [t.conversationId]: { ...this.state.typing[t.conversationId], [t.memberId]: until } } });
    setTimeout(() => this.clearTyping(t.conversationId, t.memberId, until), TYPING_SHOWN_MS + 50);
  }

  private clearTyping(id: string, memberId: string, until?: number) {
    const now = this.state.typing[id];
    if (!now || !(memberId in now) || (until !== undefined && now[memberId] !== until)) return;
    const { [memberId]: _, ...rest } = now;
    this.set({ typing: { ...this.state.typing, [id]: rest } });
  }

  // ---- what the person does ----

  send(id: string, text: string): Outgoing {
    this.clearRefused(id);
    this.leaveWindow(id);
    return this.outbox.enqueue(id, text);
  }
  retrySend(clientMsgId: string) { this.outbox.retry(clientMsgId); }
  discardSend(clientMsgId: string) { this.outbox.discard(clientMsgId); }
  clearRefused(id: string) {
    if (!this.state.refused[id]) return;
    const { [id]: _, ...rest } = this.state.refused;
    this.set({ refused: rest });
  }

  // ---- files and images ----

  /** Uploads a file (or image) to a conversation and posts it; progress and failures show in state.uploads. */
  sendFile(id: string, file: Blob, name: string): Upload {
    this.leaveWindow(id);
    return this.uploads.add(id, file, name, file.type);
  }
  retryUpload(clientMsgId: string) { this.uploads.retry(clientMsgId); }
  discardUpload(clientMsgId: string) { this.uploads.discard(clientMsgId); }

  // ---- search and jumping to a message ----

  /** Messages matching q (newest first), in every conversation or in one. */
  search(q: string, conversationId?: string | null, cursor?: string | null) { return this.http.search(q, conversationId, cursor); }

  private setWindow(id: string, win: LogState | undefined) {
    const windows = { ...this.state.windows };
    if (win) windows[id] = win; else delete windows[id];
    this.set({ windows });
  }

  /**
   * Opens a conversation at a message: scrolled to it and marked briefly. A message among (or a few
   * pages before) the loaded ones is reached in the live log; one farther back opens a window around it.
   */
  async jumpTo(id: string, seq: number) {
    this.set({ focus: { conversationId: id, seq, token: ++this.focusToken } });
    await this.open(id);
    let log = this.state.logs[id];
    if (!log?.ready) return;
    const visibleAfter = this.summary(id)?.visibleAfter ?? 0;
    if (log.oldest !== null && seq >= log.oldest) { this.leaveWindow(id); return this.refocus(id, seq); }
    const win = this.state.windows[id];
    if (win?.oldest != null && seq >= win.oldest && seq <= win.last) return this.refocus(id, seq);
    if (log.oldest !== null && log.oldest - seq <= JUMP_BY_PAGES) {
      this.leaveWindow(id);
      for (let i = 0; i < JUMP_BY_PAGES / PAGE && log?.hasOlder && (log.oldest ?? 0) > seq - JUMP_CONTEXT; i++) {
        await this.loadOlder(id);
        log = this.state.logs[id];
      }
      return this.refocus(id, seq);
    }
    const from = Math.max(visibleAfter, seq - JUMP_CONTEXT - 1, 0);
    const page = await this.http.entriesAfter(id, from, PAGE);
    const live = this.state.logs[id];
    if (!live) return;
    const around = windowAround(id, page, from, visibleAfter);
    if (meets(around, live)) {
      this.setLog(id, joinWindow(around, live));
      this.leaveWindow(id);
    } else {
      this.setWindow(id, around);
    }
    this.refocus(id, seq);
  }

  private refocus(id: string, seq: number) {
    this.set({ focus: { conversationId: id, seq, token: ++this.focusToken } });
  }

  /** Back to the newest messages. */
  leaveWindow(id: string) { if (this.state.windows[id]) this.setWindow(id, undefined); }

  /** The window scrolled to its end: the page after it; when it reaches the live log, the two become one. */
  async loadNewerInWindow(id: string) {
    const win = this.state.windows[id];
    if (!win || this.state.loadingOlder[`${id}:newer`]) return;
    this.set({ loadingOlder: { ...this.state.loadingOlder, [`${id}:newer`]: true } });
    try {
      const page = await this.http.entriesAfter(id, win.last, PAGE);
      const now = this.state.windows[id];
      const live = this.state.logs[id];
      if (!now || !live) return;
      const next = extendWindow(now, page);
      if (meets(next, live) || page.length === 0) {
        this.setLog(id, joinWindow(next, live));
        this.setWindow(id, undefined);
      } else {
        this.setWindow(id, next);
      }
    } finally {
      this.set({ loadingOlder: { ...this.state.loadingOlder, [`${id}:newer`]: false } });
    }
  }

  /** The window scrolled to its top: the page before it. */
  async loadOlderInWindow(id: string) {
    const win = this.state.windows[id];
    if (!win?.hasOlder || win.oldest === null || this.state.loadingOlder[id]) return;
    this.set({ loadingOlder: { ...this.state.loadingOlder, [id]: true } });
    try {
      const page = await this.http.entriesBefore(id, win.oldest, PAGE);
      const now = this.state.windows[id];
      if (now) this.setWindow(id, prependOlder(now, page, PAGE, this.summary(id)?.visibleAfter ?? 0));
    } finally {
      this.set({ loadingOlder: { ...this.state.loadingOlder, [id]: false } });
    }
  }

  /** Tells the others we are typing, at most every few seconds. */
  typing(id: string) {
    const now = Date.now();
    if (now - (this.typingSent.get(id) ?? 0) < TYPING_SEND_EVERY_MS) return;
    this.typingSent.set(id, now);
    this.rt.request('chat.typing', { conversationId: id }).catch(() => {});
  }

  edit(id: string, seq: number, text: string) { return this.change('chat.edit', { conversationId: id, seq, text }); }
  recall(id: string, seq: number) { return this.change('chat.recall', { conversationId: id, seq }); }
  react(id: string, seq: number, emoji: string, added: boolean) { return this.change('chat.react', { conversationId: id, seq, emoji, added }); }

  /** An edit, recall or reaction: retried with the same clientMsgId when the answer is lost. */
  private async change(op: string, data: Record<string, unknown>): Promise<void> {
    const clientMsgId = this.newId();
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await this.rt.request<SendResult>(op, { ...data, clientMsgId });
        this.ingest(r.entry);
        return;
      } catch (e) {
        if (!(e instanceof ApiError) || !isRetryable(e) || attempt >= 4) throw e;
        await new Promise((r) => setTimeout(r, retryDelayMs(e, attempt)));
      }
    }
  }

  async openDirect(memberId: string): Promise<string> {
    const c = await this.http.openDirect(memberId);
    if (!this.summary(c.id)) await this.loadList();
    return c.id;
  }

  async createGroup(title: string, memberIds: string[]): Promise<string> {
    const c = await this.http.createGroup(title, memberIds);
    await this.loadList();
    return c.id;
  }

  async updateGroup(id: string, b: { title?: string; announcement?: string }) {
    const c = await this.http.update(id, b);
    const s = this.summary(id);
    if (s) this.setSummary({ ...s, title: c.title, announcement: c.announcement });
  }

  async addMembers(id: string, memberIds: string[]) {
    await this.http.addMembers(id, memberIds);
    await this.loadMembers(id);
  }

  async removeMember(id: string, memberId: string) {
    await this.http.removeMember(id, memberId);
    if (memberId === this.me) this.onRemoved(id);
    else await this.loadMembers(id);
  }

  async dissolve(id: string) {
    await this.http.dissolve(id);
    const s = this.summary(id);
    if (s) this.setSummary({ ...s, dissolved: true });
  }
}
