// The desk of the signed-in member, over the tab's realtime connection (no React): my seat and status,
// offers, my conversations and their logs kept current from desk.* pushes, replies through chat.send
// (idempotent: one clientMsgId per message for every retry), notes, transfer, close; and for
// supervisors, joining and taking over. After a reconnect that could not resume, everything is asked again.
import { ApiError } from '../api';
import { Outbox } from '../chat/outbox';
import type { SendResult } from '../chat/types';
import { newUuid } from '../uuid';
import type { Realtime } from '../realtime';
import { deskReducer, emptyDesk, type DeskAction, type DeskView } from './deskState';
import type { AgentStatus, Canned, ConversationPush, DeskConversation, Detail, Entry, Floor, Note, Offer, QueuePush, Seat } from './types';

const PAGE = 200;
const REFRESH_MS = 60_000;

export class DeskStore {
  private state: DeskView = emptyDesk;
  private readonly listeners = new Set<() => void>();
  private unsubs: (() => void)[] = [];
  private readonly outbox: Outbox;
  private mineTimer: ReturnType<typeof setTimeout> | null = null;
  private tick: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(private readonly rt: Realtime, private readonly me: string) {
    this.outbox = new Outbox({
      send: (m) => this.rt.request<SendResult>('chat.send', { conversationId: m.conversationId, clientMsgId: m.clientMsgId, kind: 'text', text: m.text }),
      onSent: (_m, entry) => { if (entry) this.dispatch({ type: 'entry', entry }); },
      onChange: () => this.dispatch({ type: 'outbox', outbox: this.outbox.all() }),
      newId: newUuid,
    });
  }

  subscribe = (l: () => void) => { this.listeners.add(l); return () => { this.listeners.delete(l); }; };
  getState = () => this.state;

  private dispatch(a: DeskAction) {
    const next = deskReducer(this.state, a, this.me);
    if (next === this.state) return;
    this.state = next;
    this.listeners.forEach((l) => l());
  }

  /** Subscribes before the connection starts, so no push is missed. */
  start() {
    this.unsubs = [
      this.rt.subscribe('desk.offer', (d) => { this.dispatch({ type: 'offer', offer: d as Offer }); this.refreshMineSoon(); }),
      this.rt.subscribe('desk.conversation', (d) => { this.dispatch({ type: 'push', push: d as ConversationPush }); this.refreshMineSoon(); }),
      this.rt.subscribe('desk.entry', (d) => { this.outbox.confirm(d as Entry); this.dispatch({ type: 'entry', entry: d as Entry }); }),
      this.rt.subscribe('desk.queue', (d) => this.dispatch({ type: 'queue', queue: d as QueuePush })),
      this.rt.onReady((info) => {
        this.outbox.resendAll();
        if (!info.resumed || !this.state.checked) this.refresh().catch(() => {});
      }),
    ];
    // SLA timers and loads are snapshots: asked again now and then while I hold a seat
    this.tick = setInterval(() => { if (this.state.seat && this.rt.connected) this.refreshMine().catch(() => {}); }, REFRESH_MS);
  }

  stop() {
    this.stopped = true;
    this.unsubs.forEach((u) => u());
    if (this.mineTimer) clearTimeout(this.mineTimer);
    if (this.tick) clearInterval(this.tick);
  }

  /** Seat, conversations, canned responses, and every log on screen caught up. */
  async refresh() {
    let seat: Seat | null = null;
    try {
      seat = await this.rt.request<Seat>('desk.me', {});
    } catch (e) {
      if (!(e instanceof ApiError && (e.code === 'not_an_agent' || e.code === 'agents_only'))) throw e;
    }
    this.dispatch({ type: 'seat', seat });
    // the logs first: a conversation that ended meanwhile is then known as ended when the list comes
    for (const id of Object.keys(this.state.logs)) await this.loadDetail(id).catch(() => {});
    if (seat) {
      await this.refreshMine();
      this.rt.request<{ items: Canned[] }>('desk.canned', {}).then((r) => this.dispatch({ type: 'canned', items: r.items }), () => {});
    }
  }

  private refreshMineSoon() {
    if (this.mineTimer || this.stopped) return;
    this.mineTimer = setTimeout(() => { this.mineTimer = null; this.refreshMine().catch(() => {}); }, 100);
  }

  /** My conversations, and my seat with them (its load moves with every offer, transfer and close). */
  async refreshMine() {
    if (!this.state.seat) return;
    const [r, seat] = await Promise.all([
      this.rt.request<{ conversations: DeskConversation[] }>('desk.mine', {}),
      this.rt.request<Seat>('desk.me', {}),
    ]);
    this.dispatch({ type: 'mine', conversations: r.conversations });
    this.dispatch({ type: 'seat', seat });
  }

  async setStatus(status: AgentStatus) {
    this.dispatch({ type: 'seat', seat: await this.rt.request<Seat>('desk.status', { status }) });
    if (status !== 'online') await this.refreshMine();
  }

  async accept(id: string) {
    const c = await this.rt.request<DeskConversation>('desk.accept', { conversationId: id });
    this.dispatch({ type: 'conversation', conversation: c });
    this.refreshMineSoon();
    await this.open(id);
  }

  async decline(id: string) {
    await this.rt.request('desk.decline', { conversationId: id });
    this.dispatch({ type: 'push', push: { conversationId: id, state: 'withdrawn', outcome: 'declined' } });
  }

  /** Puts a conversation on screen: its log is loaded the first time, and what comes in is read. */
  async open(id: string | null) {
    this.dispatch({ type: 'active', id });
    if (id && !this.state.logs[id]) await this.loadDetail(id);
  }

  /** desk.detail after the last seq held, every page. */
  async loadDetail(id: string) {
    let after = this.state.logs[id]?.lastSeq ?? 0;
    for (;;) {
      const d = await this.rt.request<Detail>('desk.detail', { conversationId: id, after });
      this.dispatch({ type: 'detail', conversation: d.conversation, entries: d.entries, notes: d.notes });
      if (d.entries.length < PAGE) return;
      after = d.entries[d.entries.length - 1].seq;
    }
  }

  send(conversationId: string, text: string) {
    const t = text.trim();
    if (t) this.outbox.enqueue(conversationId, t);
  }

  retrySend(clientMsgId: string) { this.outbox.retry(clientMsgId); }
  discardSend(clientMsgId: string) { this.outbox.discard(clientMsgId); }

  async note(conversationId: string, text: string) {
    const n = await this.rt.request<Note>('desk.note', { conversationId, text });
    this.dispatch({ type: 'note', note: n });
  }

  async transfer(conversationId: string, to: { agentId: string } | { groupId: string }) {
    const c = await this.rt.request<DeskConversation>('desk.transfer', { conversationId, ...to });
    this.dispatch({ type: 'conversation', conversation: c });
    this.refreshMineSoon();
  }

  async close(conversationId: string, tags: string[]) {
    const c = await this.rt.request<DeskConversation>('desk.close', { conversationId, tags });
    this.dispatch({ type: 'conversation', conversation: c });
    this.refreshMineSoon();
  }

  /** Supervisors: read along and write in a conversation. */
  async join(conversationId: string) {
    const c = await this.rt.request<DeskConversation>('desk.join', { conversationId });
    this.dispatch({ type: 'conversation', conversation: c });
    this.dispatch({ type: 'watch', id: conversationId });
    await this.loadDetail(conversationId);
  }

  /** Supervisors with a seat: become the conversation's agent. */
  async takeover(conversationId: string) {
    const c = await this.rt.request<DeskConversation>('desk.takeover', { conversationId });
    this.dispatch({ type: 'conversation', conversation: c });
    await this.loadDetail(conversationId);
    await this.refreshMine();
  }

  /** Who waits in one of my groups (supervisors: any group), in serving order. */
  async queue(groupId: string): Promise<DeskConversation[]> {
    const r = await this.rt.request<{ items: DeskConversation[] }>('desk.queue', { groupId, limit: 50 });
    return r.items;
  }

  /** Supervisors: the floor (every group's queue, every agent's status and load). */
  floor(): Promise<Floor> {
    return this.rt.request<Floor>('desk.floor', {});
  }

  dismiss(id: string) { this.dispatch({ type: 'dismiss', id }); }
}
