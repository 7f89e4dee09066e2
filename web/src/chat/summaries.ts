// The conversation list kept current between page loads: previews, unread counts and read
// positions follow the entries and read pushes as they arrive. Pure functions.
import type { LogState } from './log';
import { isMessageKind, type ConversationSummary, type Entry, type Membership } from './types';

export const UNREAD_CAP = 100;

/** The unread badge: null for none, "99+" from 100 (the server stops counting there). */
export function badge(s: Pick<ConversationSummary, 'unread' | 'unreadCapped'>): string | null {
  if (s.unreadCapped || s.unread > 99) return '99+';
  return s.unread > 0 ? String(s.unread) : null;
}

/**
 * An entry reached this member. `viewing`: the conversation is open and visible, so the entry is read
 * at once and does not count. The server moves a sender's read position to what they post.
 */
export function summaryOnEntry(s: ConversationSummary, e: Entry, me: string, viewing: boolean): ConversationSummary {
  if (e.seq <= s.lastSeq) return s; // already counted (the list, or the same entry twice)
  const next: ConversationSummary = { ...s, lastSeq: Math.max(s.lastSeq, e.seq), lastEntryAt: e.createdAt > s.lastEntryAt ? e.createdAt : s.lastEntryAt };
  if (isMessageKind(e.kind) || e.kind === 'system') {
    if (!s.lastEntry || e.seq > s.lastEntry.seq) next.lastEntry = e;
  } else if (s.lastEntry && e.targetSeq === s.lastEntry.seq) {
    if (e.kind === 'recall') next.lastEntry = { ...s.lastEntry, body: {}, recalledAt: e.createdAt, recalled: true };
    else if (e.kind === 'edit') next.lastEntry = { ...s.lastEntry, body: { ...s.lastEntry.body, text: e.body.text } };
  }
  if (e.kind === 'system' && e.body.event) {
    const ev = e.body.event;
    if (ev.type === 'group_updated') {
      if (typeof ev.title === 'string') next.title = ev.title;
      if (typeof ev.announcement === 'string') next.announcement = ev.announcement || null;
    }
    if (ev.type === 'group_dissolved') next.dissolved = true;
  }
  if (e.senderId === me) {
    next.readSeq = Math.max(s.readSeq, e.seq);
    next.unread = 0;
    next.unreadCapped = false;
  } else if (viewing) {
    // read as it arrives; the read position follows when chat.read is answered
  } else if (isMessageKind(e.kind) && e.seq > s.readSeq) {
    next.unread = Math.min(UNREAD_CAP, s.unread + 1);
    next.unreadCapped = next.unread >= UNREAD_CAP;
  }
  return next;
}

/**
 * My read position moved (here or on another device). What is still unread is counted from the
 * loaded log when it reaches back far enough; `null` means "cannot tell, reload the list".
 */
export function summaryOnRead(s: ConversationSummary, readSeq: number, me: string, log?: LogState): ConversationSummary | null {
  if (readSeq <= s.readSeq) return s;
  const next = { ...s, readSeq };
  if (readSeq >= s.lastSeq) return { ...next, unread: 0, unreadCapped: false };
  if (log && log.ready && log.oldest !== null && (log.oldest <= readSeq + 1 || !log.hasOlder)) {
    const unread = log.messages.filter((m) => m.seq > readSeq && m.senderId !== me && isMessageKind(m.kind) && !m.recalled).length;
    return { ...next, unread: Math.min(unread, UNREAD_CAP), unreadCapped: unread >= UNREAD_CAP };
  }
  return null;
}

/** Most recent activity first, as the server lists them. */
export function sortSummaries(list: ConversationSummary[]): ConversationSummary[] {
  return [...list].sort((a, b) => (a.lastEntryAt === b.lastEntryAt ? b.id.localeCompare(a.id) : b.lastEntryAt.localeCompare(a.lastEntryAt)));
}

/**
 * A freshly loaded list merged with what arrived meanwhile: where this device already holds a newer
 * entry than the page (a push raced the request), it keeps its own preview and read state.
 */
export function mergeSummaries(loaded: ConversationSummary[], held: Record<string, ConversationSummary>): ConversationSummary[] {
  return sortSummaries(loaded.map((s) => {
    const mine = held[s.id];
    if (!mine || mine.lastSeq <= s.lastSeq) return s;
    return { ...s, lastSeq: mine.lastSeq, lastEntry: mine.lastEntry, lastEntryAt: mine.lastEntryAt, unread: mine.unread,
      unreadCapped: mine.unreadCapped, readSeq: Math.max(s.readSeq, mine.readSeq) };
  }));
}

/**
 * Group read receipts from the member list: how many others have not read message `seq` yet. Only
 * members who were there when it was sent count (the list has no "visible after", so the join time is used).
 */
export function unreadBy(members: Membership[], msg: { seq: number; senderId: string; createdAt: string }): number {
  const sent = Date.parse(msg.createdAt);
  return members.filter((m) => m.memberId !== msg.senderId && m.readSeq < msg.seq && Date.parse(m.joinedAt) <= sent).length;
}
