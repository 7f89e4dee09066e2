// The sender's view of one notice, as a pure reducer: the counts and the two paged lists of people
// (confirmed, not yet), kept current by notice.confirmed pushes without loading again. A push may
// overtake a page that is on its way, so what pushes said wins over what the pages say.
import type { ConfirmedPush, RecipientState, UrgentNotice } from './types';

export interface RecipientList { ids: string[]; cursor: string | null; loaded: boolean }

export interface Progress {
  noticeId: string;
  notice: UrgentNotice | null;
  confirmedCount: number;
  recipientCount: number;
  confirmed: RecipientList;
  unconfirmed: RecipientList;
  /** Members whose confirmation was pushed (member → confirmedAt). */
  live: Record<string, string>;
}

export type ProgressAction =
  | { type: 'notice'; notice: UrgentNotice }
  | { type: 'page'; state: RecipientState; ids: string[]; cursor: string | null; append: boolean }
  | { type: 'pushed'; push: ConfirmedPush };

const emptyList: RecipientList = { ids: [], cursor: null, loaded: false };

export const initialProgress = (noticeId: string): Progress => ({
  noticeId, notice: null, confirmedCount: 0, recipientCount: 0, confirmed: emptyList, unconfirmed: emptyList, live: {},
});

const unique = (ids: string[]) => [...new Set(ids)];

export function progressReducer(p: Progress, action: ProgressAction): Progress {
  switch (action.type) {
    case 'notice': {
      const n = action.notice;
      if (n.id !== p.noticeId) return p;
      // counts only grow: a push may already have counted a confirmation this answer predates
      return { ...p, notice: n, confirmedCount: Math.max(p.confirmedCount, n.confirmedCount), recipientCount: n.recipientCount };
    }
    case 'page': {
      const key = action.state;
      const before = action.append ? p[key].ids : key === 'confirmed' ? p.confirmed.ids.filter((id) => p.live[id]) : [];
      const ids = key === 'unconfirmed'
        ? unique([...before, ...action.ids.filter((id) => !p.live[id])])
        : unique([...before, ...action.ids]);
      return { ...p, [key]: { ids, cursor: action.cursor, loaded: true } };
    }
    case 'pushed': {
      const push = action.push;
      if (push.noticeId !== p.noticeId) return p;
      const id = push.memberId;
      return {
        ...p,
        confirmedCount: Math.max(p.confirmedCount, push.confirmedCount),
        recipientCount: push.recipientCount || p.recipientCount,
        live: { ...p.live, [id]: push.confirmedAt },
        unconfirmed: { ...p.unconfirmed, ids: p.unconfirmed.ids.filter((x) => x !== id) },
        confirmed: { ...p.confirmed, ids: p.confirmed.ids.includes(id) ? p.confirmed.ids : [id, ...p.confirmed.ids] },
      };
    }
  }
}

/** The list of notices I sent, with a confirmation counted (counts only grow). */
export function countConfirmation(list: UrgentNotice[], push: ConfirmedPush): UrgentNotice[] {
  return list.map((n) => (n.id === push.noticeId && push.confirmedCount > n.confirmedCount
    ? { ...n, confirmedCount: push.confirmedCount, recipientCount: push.recipientCount || n.recipientCount } : n));
}

/**
 * Oldest first. By the instant, not the text: the server writes createdAt with nanoseconds when it
 * answers a send or pushes, and with microseconds when it lists (ties: ids are time-ordered).
 */
export function byTime(a: UrgentNotice, b: UrgentNotice): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id);
}

/** Notices I sent, held and freshly loaded, each once (the higher count wins), newest first. */
export function mergeSent(held: UrgentNotice[], loaded: UrgentNotice[]): UrgentNotice[] {
  const byId = new Map<string, UrgentNotice>();
  for (const n of [...held, ...loaded]) {
    const h = byId.get(n.id);
    byId.set(n.id, h && h.confirmedCount > n.confirmedCount ? { ...n, confirmedCount: h.confirmedCount } : n);
  }
  return [...byId.values()].sort((a, b) => byTime(b, a));
}

/** Whole seconds until `until` (ms since epoch), never negative. */
export const secondsLeft = (until: number | null, now: number) => (until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000)));

/** Percent confirmed, for the bar (0 when nobody was reached). */
export const percent = (confirmed: number, total: number) => (total > 0 ? Math.min(100, Math.round((confirmed / total) * 100)) : 0);
