// The widget's state, as a pure reducer: what the visitor's conversation holds (its log, whether the
// bot, a queue or an agent has it), the forms it asks for (offline message, satisfaction survey), and
// the connection. Pushes, answers and the visitor's own actions all come in as actions, in any order:
// an entry seen twice (push and answer) is kept once, and entries of another conversation are ignored.
import type { Outgoing } from '../chat/outbox';
import { contiguousSeq, eventType, isMessage, mergeEntries } from '../desk/log';
import { isOpenState, type Entry, type VisitorConversation, type VisitorStatePush } from '../desk/types';

export type Phase = 'idle' | 'starting' | 'prechat' | 'connecting' | 'ready' | 'failed';
export type OfflineReason = 'closed_hours' | 'max_wait';

export interface WidgetState {
  phase: Phase;
  /** Why starting failed (an ApiError, or anything thrown). */
  failure: unknown;
  visitorId: string | null;
  conversation: VisitorConversation | null;
  entries: Entry[];
  /** Everything up to here is held: what visitor.open / visitor.transcript ask for after. */
  lastSeq: number;
  queue: { position?: number; etaSeconds?: number } | null;
  offlineForm: OfflineReason | null;
  offlineSent: boolean;
  /** A person talked to the visitor in this conversation: the survey is offered when it closes. */
  hadAgent: boolean;
  csat: 'none' | 'ask' | 'sent';
  /** The bot's answers the visitor rated (seq → helpful). */
  rated: Record<number, boolean>;
  outbox: readonly Outgoing[];
  connected: boolean;
  panelOpen: boolean;
  unread: number;
}

export const initialState: WidgetState = {
  phase: 'idle', failure: null, visitorId: null, conversation: null, entries: [], lastSeq: 0, queue: null, offlineForm: null,
  offlineSent: false, hadAgent: false, csat: 'none', rated: {}, outbox: [], connected: false, panelOpen: false, unread: 0,
};

export type WidgetAction =
  | { type: 'phase'; phase: Phase; failure?: unknown }
  | { type: 'session'; visitorId: string }
  | { type: 'opened'; conversation: VisitorConversation; entries: Entry[] }
  | { type: 'entries'; conversationId: string; entries: Entry[] }
  | { type: 'entry'; entry: Entry }
  | { type: 'state'; push: VisitorStatePush }
  | { type: 'human'; outcome: string }
  | { type: 'ended'; conversation: VisitorConversation }
  | { type: 'outbox'; outbox: readonly Outgoing[] }
  | { type: 'answerRated'; seq: number; helpful: boolean }
  | { type: 'csatSent' }
  | { type: 'offlineSent' }
  | { type: 'connection'; connected: boolean }
  | { type: 'panel'; open: boolean }
  /** What the visitor had seen of this conversation on an earlier page: the rest is unread. */
  | { type: 'seen'; seq: number }
  /** The visitor starts over after a conversation ended. */
  | { type: 'newConversation' };

export const isClosed = (s: WidgetState) => !!s.conversation && !isOpenState(s.conversation.state);
export const isOwn = (s: WidgetState, e: Entry) => !!s.visitorId && e.senderId === s.visitorId;

/**
 * Entries that arrive: kept once, and what they say about the conversation applied; counted as unread
 * while the panel is closed (`count`: not the log loaded with a conversation, only what comes later).
 * Before a conversation is known they are only kept (its opening picks out its own).
 */
function withEntries(s: WidgetState, incoming: Entry[], count = true): WidgetState {
  const c = s.conversation;
  if (!c) return { ...s, entries: mergeEntries(s.entries, incoming) };
  const mine = incoming.filter((e) => e.conversationId === c.id);
  const entries = mergeEntries(s.entries, mine);
  if (entries === s.entries) return s;
  const held = new Set(s.entries.map((e) => e.seq));
  const fresh = mine.filter((e) => !held.has(e.seq));
  let next: WidgetState = { ...s, entries, lastSeq: contiguousSeq(entries) };
  if (count && !s.panelOpen) {
    const theirs = fresh.filter((e) => isMessage(e) && !isOwn(s, e)).length;
    if (theirs) next = { ...next, unread: next.unread + theirs };
  }
  for (const e of fresh) next = applyEvent(next, e);
  return next;
}

/** What a system entry says about the conversation. */
function applyEvent(s: WidgetState, e: Entry): WidgetState {
  const c = s.conversation;
  if (!c || e.conversationId !== c.id) return s;
  switch (eventType(e)) {
    case 'agent_joined': case 'takeover': case 'transfer':
      return { ...s, hadAgent: true, queue: null };
    case 'handoff':
      return c.state === 'bot' ? { ...s, conversation: { ...c, state: 'queued' }, queue: s.queue ?? {} } : s;
    case 'closed':
      return closed(s, 'closed', false);
    case 'missed':
      return { ...closed(s, 'missed', false), offlineForm: s.offlineSent ? null : 'max_wait' };
    default:
      return s;
  }
}

/** The conversation ended; the survey is asked for once, when a person had it (or the server says so). */
function closed(s: WidgetState, state: 'closed' | 'missed', serverAsks: boolean): WidgetState {
  const c = s.conversation!;
  const eligible = serverAsks || (state === 'closed' && (s.hadAgent || !!c.agentId));
  const csat = s.csat === 'none' && eligible && c.csatScore === undefined ? 'ask' : s.csat;
  return { ...s, conversation: { ...c, state }, queue: null, csat };
}

export function widgetReducer(s: WidgetState, a: WidgetAction): WidgetState {
  switch (a.type) {
    case 'phase':
      return { ...s, phase: a.phase, failure: a.failure ?? null };
    case 'session':
      return { ...s, visitorId: a.visitorId };
    case 'opened': {
      const c = a.conversation;
      let next: WidgetState;
      if (s.conversation?.id === c.id) {
        next = { ...s, conversation: { ...s.conversation, ...c } };
      } else {
        // a new conversation (or the first): entries pushed before the answer are kept if they are its own
        next = { ...s, conversation: c, entries: [], lastSeq: 0, queue: null, offlineForm: null, offlineSent: false,
          hadAgent: !!c.agentId, csat: 'none', rated: {} };
        next = withEntries(next, mergeEntries(s.entries.filter((e) => e.conversationId === c.id), a.entries), false);
      }
      next = withEntries({ ...next, phase: 'ready' }, a.entries);
      if (c.state === 'assigned') next = { ...next, hadAgent: true, queue: null };
      if ((c.state === 'queued' || c.state === 'offered') && !next.queue) next = { ...next, queue: {} };
      if (!isOpenState(c.state) && isOpenState(s.conversation?.state ?? 'bot')) next = closed(next, c.state as 'closed' | 'missed', false);
      return next;
    }
    case 'entries':
      if (!s.conversation || a.conversationId !== s.conversation.id) return s;
      return withEntries(s, a.entries);
    case 'entry':
      if (s.conversation && a.entry.conversationId !== s.conversation.id) return s;
      return withEntries(s, [a.entry]);
    case 'state': {
      const p = a.push;
      const c = s.conversation;
      if (!c || p.conversationId !== c.id) return s;
      let next: WidgetState = { ...s, conversation: { ...c, state: p.state, agentId: p.agentId ?? c.agentId } };
      if (p.state === 'queued') {
        const q = { ...(s.queue ?? {}) };
        if (p.position !== undefined) {
          q.position = p.position;
          q.etaSeconds = p.estimatedWaitSeconds; // absent: nobody was served lately, no estimate
        }
        next = { ...next, queue: q };
      } else if (p.state === 'assigned') {
        next = { ...next, queue: null, hadAgent: true };
      } else if (p.state === 'bot') {
        next = { ...next, queue: null };
      }
      if (p.state === 'closed' || p.state === 'missed') next = closed({ ...next, conversation: c }, p.state, !!p.csat);
      if (p.offlineForm && !next.offlineSent) next = { ...next, offlineForm: p.offlineForm };
      return next;
    }
    case 'human':
      if (a.outcome === 'closed_hours' && !s.offlineSent) return { ...s, offlineForm: 'closed_hours' };
      if (a.outcome === 'queued' && s.conversation?.state === 'bot') return { ...s, conversation: { ...s.conversation, state: 'queued' }, queue: s.queue ?? {} };
      return s;
    case 'ended':
      if (!s.conversation || a.conversation.id !== s.conversation.id || isClosed(s)) return s;
      return closed({ ...s, conversation: { ...s.conversation, agentId: a.conversation.agentId ?? s.conversation.agentId } }, 'closed', false);
    case 'outbox':
      return { ...s, outbox: a.outbox };
    case 'answerRated':
      return { ...s, rated: { ...s.rated, [a.seq]: a.helpful } };
    case 'csatSent':
      return { ...s, csat: 'sent' };
    case 'offlineSent':
      return { ...s, offlineSent: true, offlineForm: null };
    case 'connection':
      return s.connected === a.connected ? s : { ...s, connected: a.connected };
    case 'panel':
      return { ...s, panelOpen: a.open, unread: a.open ? 0 : s.unread };
    case 'seen': {
      if (s.panelOpen) return s;
      const unread = s.entries.filter((e) => e.seq > a.seq && isMessage(e) && !isOwn(s, e)).length;
      return unread === s.unread ? s : { ...s, unread };
    }
    case 'newConversation':
      return { ...initialState, phase: s.phase, visitorId: s.visitorId, connected: s.connected, panelOpen: s.panelOpen };
  }
}
