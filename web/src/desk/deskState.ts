// The agent desk's state as a pure reducer: my seat, the offers waiting for me, the conversations I
// hold (and the ones I joined as a supervisor), their logs and internal notes, unread counts, my groups'
// queues. Pushes and answers arrive in any order; each action says what it learnt.
import type { Outgoing } from '../chat/outbox';
import { contiguousSeq, eventType, isMessage, mergeEntries } from './log';
import type { Canned, ConversationPush, DeskConversation, Entry, Note, Offer, QueuePush, Seat } from './types';

export interface ConvLog { entries: Entry[]; notes: Note[]; lastSeq: number }

export interface DeskView {
  /** desk.me answered (a seat, or none). */
  checked: boolean;
  seat: Seat | null;
  conversations: Record<string, DeskConversation>;
  /** Offered to or assigned to me (and ended while I had them, until dismissed), newest handoff last. */
  mine: string[];
  /** Joined as a supervisor. */
  watching: string[];
  offers: Record<string, Offer>;
  logs: Record<string, ConvLog>;
  unread: Record<string, number>;
  /** The conversation on screen: what arrives there is read. */
  active: string | null;
  queues: Record<string, QueuePush>;
  outbox: readonly Outgoing[];
  canned: Canned[];
}

export const emptyDesk: DeskView = {
  checked: false, seat: null, conversations: {}, mine: [], watching: [], offers: {}, logs: {}, unread: {}, active: null, queues: {},
  outbox: [], canned: [],
};

export type DeskAction =
  | { type: 'seat'; seat: Seat | null }
  | { type: 'mine'; conversations: DeskConversation[] }
  | { type: 'offer'; offer: Offer }
  | { type: 'push'; push: ConversationPush }
  | { type: 'conversation'; conversation: DeskConversation }
  | { type: 'detail'; conversation: DeskConversation; entries: Entry[]; notes: Note[] }
  | { type: 'entry'; entry: Entry }
  | { type: 'note'; note: Note }
  | { type: 'queue'; queue: QueuePush }
  | { type: 'active'; id: string | null }
  | { type: 'watch'; id: string }
  | { type: 'dismiss'; id: string }
  | { type: 'outbox'; outbox: readonly Outgoing[] }
  | { type: 'canned'; items: Canned[] };

const without = <T,>(r: Record<string, T>, id: string): Record<string, T> => {
  if (!(id in r)) return r;
  const next = { ...r };
  delete next[id];
  return next;
};

const ended = (c: DeskConversation | undefined) => !!c && (c.state === 'closed' || c.state === 'missed');

export function deskReducer(s: DeskView, a: DeskAction, me: string): DeskView {
  switch (a.type) {
    case 'seat':
      return { ...s, checked: true, seat: a.seat };
    case 'mine': {
      const conversations = { ...s.conversations };
      let offers = { ...s.offers };
      for (const c of a.conversations) {
        conversations[c.id] = { ...conversations[c.id], ...c };
        if (c.state === 'offered' && c.offerExpiresAt) offers[c.id] = { conversationId: c.id, groupId: c.groupId, reason: c.handoffReason, expiresAt: c.offerExpiresAt };
        else if (c.state !== 'offered') offers = without(offers, c.id);
      }
      const listed = new Set(a.conversations.map((c) => c.id));
      // what I held and is not listed any more ended (or went elsewhere) meanwhile: keep the ended ones to read
      const kept = s.mine.filter((id) => !listed.has(id) && ended(conversations[id]));
      const ordered = [...a.conversations].sort((x, y) => (x.queuedAt ?? x.openedAt).localeCompare(y.queuedAt ?? y.openedAt)).map((c) => c.id);
      return { ...s, conversations, offers, mine: [...kept, ...ordered] };
    }
    case 'offer':
      return { ...s, offers: { ...s.offers, [a.offer.conversationId]: a.offer } };
    case 'push': {
      const p = a.push;
      const id = p.conversationId;
      const c = s.conversations[id];
      if (p.state === 'withdrawn') {
        return { ...s, offers: without(s.offers, id), mine: c?.state === 'offered' || !c ? s.mine.filter((x) => x !== id) : s.mine };
      }
      const updated = c ? { ...c, state: p.state, agentId: p.agentId ?? c.agentId } : undefined;
      const conversations = updated ? { ...s.conversations, [id]: updated } : s.conversations;
      const offers = without(s.offers, id);
      if (p.state === 'assigned' && p.agentId && p.agentId !== me) {
        // transferred away or taken over: no longer mine (a supervisor watching it keeps it)
        return { ...s, conversations, offers, mine: s.mine.filter((x) => x !== id) };
      }
      return { ...s, conversations, offers };
    }
    case 'conversation': {
      const c = { ...s.conversations[a.conversation.id], ...a.conversation };
      let next: DeskView = { ...s, conversations: { ...s.conversations, [c.id]: c } };
      if (c.state !== 'offered') next = { ...next, offers: without(next.offers, c.id) };
      if (c.state === 'assigned' && c.agentId === me && !next.mine.includes(c.id)) next = { ...next, mine: [...next.mine, c.id] };
      if (c.state === 'assigned' && c.agentId !== me) next = { ...next, mine: next.mine.filter((x) => x !== c.id) };
      return next;
    }
    case 'detail': {
      const old = s.logs[a.conversation.id];
      const entries = mergeEntries(old?.entries ?? [], a.entries);
      const notes = mergeNotes(old?.notes ?? [], a.notes);
      const conversations = { ...s.conversations, [a.conversation.id]: { ...s.conversations[a.conversation.id], ...a.conversation } };
      return { ...s, conversations, logs: { ...s.logs, [a.conversation.id]: { entries, notes, lastSeq: contiguousSeq(entries) } } };
    }
    case 'entry': {
      const e = a.entry;
      const id = e.conversationId;
      let next = s;
      const log = s.logs[id];
      if (log) {
        const entries = mergeEntries(log.entries, [e]);
        if (entries === log.entries) return s; // seen already
        next = { ...next, logs: { ...next.logs, [id]: { ...log, entries, lastSeq: contiguousSeq(entries) } } };
      }
      if (isMessage(e) && e.senderId !== me && s.active !== id) next = { ...next, unread: { ...next.unread, [id]: (next.unread[id] ?? 0) + 1 } };
      const ev = eventType(e);
      const c = next.conversations[id];
      if (c && (ev === 'closed' || ev === 'missed')) next = { ...next, conversations: { ...next.conversations, [id]: { ...c, state: ev } } };
      return next;
    }
    case 'note': {
      const log = s.logs[a.note.conversationId] ?? { entries: [], notes: [], lastSeq: 0 };
      return { ...s, logs: { ...s.logs, [a.note.conversationId]: { ...log, notes: mergeNotes(log.notes, [a.note]) } } };
    }
    case 'queue':
      return { ...s, queues: { ...s.queues, [a.queue.groupId]: a.queue } };
    case 'active':
      return { ...s, active: a.id, unread: a.id ? without(s.unread, a.id) : s.unread };
    case 'watch':
      return s.watching.includes(a.id) ? s : { ...s, watching: [...s.watching, a.id] };
    case 'dismiss':
      return { ...s, mine: s.mine.filter((x) => x !== a.id), watching: s.watching.filter((x) => x !== a.id), active: s.active === a.id ? null : s.active,
        unread: without(s.unread, a.id) };
    case 'outbox':
      return { ...s, outbox: a.outbox };
    case 'canned':
      return { ...s, canned: a.items };
  }
}

function mergeNotes(a: Note[], b: Note[]): Note[] {
  if (!b.length) return a;
  const byId = new Map(a.map((n) => [n.id, n]));
  for (const n of b) byId.set(n.id, n);
  return [...byId.values()].sort((x, y) => x.createdAt.localeCompare(y.createdAt));
}

/** Offers still open at `now` (a lapsed one goes away before the server's push says so). */
export function liveOffers(offers: DeskView['offers'], now: number): Offer[] {
  return Object.values(offers).filter((o) => Date.parse(o.expiresAt) > now).sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}
