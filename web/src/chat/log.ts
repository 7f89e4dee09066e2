// One conversation's log as this device holds it: the messages loaded so far, applied strictly in
// `seq` order. Pushes can arrive out of order (different cluster nodes), so an entry beyond the next
// number is held until the gap is filled from the server (chat.history after=last). Pure functions
// over immutable values: React re-renders what changed, and the tests need no server.
import { isChangeKind, isMessageKind, type Entry, type EntryBody, type EntryKind } from './types';

/** A message or system note as shown, in its current state (edits, recall and reactions applied). */
export interface Msg {
  seq: number; id: string; senderId: string; clientMsgId: string; kind: EntryKind; body: EntryBody;
  reactions: Record<string, string[]>; createdAt: string; editedAt: string | null; recalled: boolean;
}

export interface LogState {
  conversationId: string;
  /** The highest number applied with nothing missing before it (0: nothing yet). */
  last: number;
  /** The lowest number loaded, for paging upward (null: nothing loaded). */
  oldest: number | null;
  hasOlder: boolean;
  /** The initial page is in; until then every push is held. */
  ready: boolean;
  /** Shown entries (messages and system notes), by seq. */
  messages: Msg[];
  /** Pushes beyond last+1, by seq, waiting for the gap to be filled. */
  held: Entry[];
  /** Changes to messages older than what is loaded: applied when that page comes in. */
  orphans: Entry[];
}

export interface Applied {
  log: LogState;
  /** The entries that took effect in this step, in seq order (for the conversation list). */
  applied: Entry[];
  /** Fetch the entries after this number to fill a gap (null: no gap). */
  gapAfter: number | null;
}

export function emptyLog(conversationId: string): LogState {
  return { conversationId, last: 0, oldest: null, hasOlder: false, ready: false, messages: [], held: [], orphans: [] };
}

export const isShown = (k: EntryKind) => isMessageKind(k) || k === 'system';

export function toMsg(e: Entry): Msg {
  const recalled = !!e.recalledAt || e.recalled === true;
  return {
    seq: e.seq, id: e.id, senderId: e.senderId, clientMsgId: e.clientMsgId, kind: e.kind, body: recalled ? {} : (e.body ?? {}),
    reactions: recalled ? {} : { ...(e.reactions ?? {}) }, createdAt: e.createdAt, editedAt: e.editedAt ?? null, recalled,
  };
}

/** An edit, recall or reaction applied to its message. Nothing changes a recalled message. */
export function applyChange(m: Msg, e: Entry): Msg {
  if (m.recalled) return m;
  switch (e.kind) {
    case 'edit':
      return { ...m, body: { ...m.body, text: e.body.text }, editedAt: e.createdAt };
    case 'recall':
      return { ...m, body: {}, reactions: {}, recalled: true };
    case 'reaction': {
      const emoji = e.body.emoji;
      if (!emoji) return m;
      const who = m.reactions[emoji] ?? [];
      const added = e.body.added !== false;
      if (added === who.includes(e.senderId)) return m;
      const now = added ? [...who, e.senderId] : who.filter((id) => id !== e.senderId);
      const reactions = { ...m.reactions };
      if (now.length) reactions[emoji] = now; else delete reactions[emoji];
      return { ...m, reactions };
    }
    default:
      return m;
  }
}

function indexOf(messages: Msg[], seq: number): number {
  let lo = 0, hi = messages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (messages[mid].seq === seq) return mid;
    if (messages[mid].seq < seq) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/** Inserts a shown entry in seq order (a copy already there is kept), or applies a change to its target. */
function put(log: LogState, e: Entry): LogState {
  if (isShown(e.kind)) {
    if (indexOf(log.messages, e.seq) >= 0) return log;
    const messages = [...log.messages];
    let i = messages.length;
    while (i > 0 && messages[i - 1].seq > e.seq) i--;
    messages.splice(i, 0, toMsg(e));
    return { ...log, messages, oldest: log.oldest === null ? e.seq : Math.min(log.oldest, e.seq) };
  }
  if (isChangeKind(e.kind) && e.targetSeq) {
    const i = indexOf(log.messages, e.targetSeq);
    if (i >= 0) {
      const changed = applyChange(log.messages[i], e);
      if (changed === log.messages[i]) return log;
      const messages = [...log.messages];
      messages[i] = changed;
      return { ...log, messages };
    }
    // the target is older than what is loaded: remember the change for when its page comes in
    if (log.oldest === null || e.targetSeq < log.oldest) return { ...log, orphans: [...log.orphans, e] };
  }
  return log;
}

/** Applies held entries that now follow on; reports a gap if some are still beyond it. */
function drain(log: LogState, applied: Entry[] = []): Applied {
  let l = log;
  let held = l.held.filter((e) => e.seq > l.last);
  while (held.length && held[0].seq === l.last + 1) {
    applied.push(held[0]);
    l = { ...put(l, held[0]), last: held[0].seq };
    held = held.slice(1);
  }
  return { log: { ...l, held }, applied, gapAfter: held.length ? l.last : null };
}

function hold(log: LogState, e: Entry): LogState {
  if (log.held.some((h) => h.seq === e.seq)) return log;
  const held = [...log.held, e].sort((a, b) => a.seq - b.seq);
  return { ...log, held };
}

/**
 * A live entry (a push, or the answer to our own send): applied if it is the next number, ignored if
 * already applied, held otherwise (then fetch the entries after `gapAfter`).
 */
export function receive(log: LogState, e: Entry): Applied {
  if (!log.ready) return { log: hold(log, e), applied: [], gapAfter: null };
  if (e.seq <= log.last) return { log, applied: [], gapAfter: null };
  if (e.seq === log.last + 1) return drain({ ...put(log, e), last: e.seq }, [e]);
  return { log: hold(log, e), applied: [], gapAfter: log.last };
}

/**
 * The first page (newest first, as GET .../entries answers). Messages come in their current state,
 * so the change entries in the page are already applied. `visibleAfter`: the member sees nothing
 * before it (joined later), so an empty page still tells where the log starts for them.
 */
export function loadInitial(log: LogState, newestFirst: Entry[], pageSize: number, visibleAfter = 0): Applied {
  const asc = [...newestFirst].sort((a, b) => a.seq - b.seq);
  let l: LogState = { ...log, ready: true };
  for (const e of asc) if (isShown(e.kind)) l = put(l, e);
  const top = asc.length ? asc[asc.length - 1].seq : 0;
  const bottom = asc.length ? asc[0].seq : null;
  l = {
    ...l, last: Math.max(l.last, top, visibleAfter),
    oldest: bottom === null ? l.oldest : Math.min(bottom, l.oldest ?? bottom),
    hasOlder: asc.length >= pageSize && (bottom ?? 0) > visibleAfter + 1,
  };
  return drain(l);
}

/**
 * Entries after `last` from the server (chat.history after=last, or chat.sync), oldest first. The
 * server's answer is authoritative: numbers it skips are not visible to this member, so the entries
 * are applied as contiguous. Changes inside are applied to their messages.
 */
export function fill(log: LogState, oldestFirst: Entry[]): Applied {
  let l = log;
  const applied: Entry[] = [];
  for (const e of [...oldestFirst].sort((a, b) => a.seq - b.seq)) {
    if (e.seq <= l.last) continue;
    applied.push(e);
    l = { ...put(l, e), last: e.seq };
  }
  return drain(l, applied);
}

/** Gives up waiting: applies whatever is held, in order (when the server has nothing to fill the gap with). */
export function forceHeld(log: LogState): Applied {
  return fill({ ...log, held: [] }, log.held);
}

/** An older page (scrolling up), newest first; changes seen live for its messages are applied again. */
export function prependOlder(log: LogState, newestFirst: Entry[], pageSize: number, visibleAfter = 0): LogState {
  let l = log;
  const before = log.oldest ?? Number.MAX_SAFE_INTEGER;
  const asc = newestFirst.filter((e) => e.seq < before).sort((a, b) => a.seq - b.seq);
  for (const e of asc) if (isShown(e.kind)) l = put(l, e);
  const bottom = asc.length ? asc[0].seq : null;
  const orphans = l.orphans;
  l = { ...l, orphans: [], oldest: bottom === null ? l.oldest : Math.min(bottom, l.oldest ?? bottom) };
  for (const o of orphans) l = put(l, o);
  return { ...l, hasOlder: newestFirst.length >= pageSize && (bottom ?? 0) > visibleAfter + 1 };
}

export function findMsg(log: LogState | undefined, seq: number): Msg | undefined {
  if (!log) return undefined;
  const i = indexOf(log.messages, seq);
  return i >= 0 ? log.messages[i] : undefined;
}

// ---- a window on earlier history (jumping to a search result far back) ----
// The live log holds the newest entries down to `oldest`. A message far older is shown in a window:
// a LogState of its own, loaded `after` a number before it and extended downward page by page until
// it meets the live log, when the two become one (joinWindow). Live changes to messages in the
// window are applied to it as they come (changeWindow).

/** A window from an `after=<from>` page (oldest first) — messages in their current state. */
export function windowAround(conversationId: string, oldestFirst: Entry[], from: number, visibleAfter = 0): LogState {
  let l: LogState = { ...emptyLog(conversationId), ready: true };
  const asc = [...oldestFirst].sort((a, b) => a.seq - b.seq);
  for (const e of asc) if (isShown(e.kind)) l = put(l, e);
  const bottom = asc.length ? asc[0].seq : from + 1;
  return { ...l, oldest: bottom, last: asc.length ? asc[asc.length - 1].seq : from, hasOlder: bottom > Math.max(visibleAfter, 0) + 1 };
}

/** The page after the window (scrolling down), oldest first: its messages, and its changes to messages shown. */
export function extendWindow(win: LogState, oldestFirst: Entry[]): LogState {
  let l = win;
  for (const e of [...oldestFirst].sort((a, b) => a.seq - b.seq)) {
    if (e.seq <= l.last) continue;
    l = { ...put(l, e), last: e.seq };
  }
  return { ...l, orphans: [] };
}

/** The window reaches the live log: nothing is missing between them. */
export function meets(win: LogState, live: LogState): boolean {
  if (!live.ready) return false;
  return live.oldest === null ? win.last >= live.last : win.last >= live.oldest - 1;
}

/** One log: the window's older messages, then the live log (whose changes to them, held as orphans, now apply). */
export function joinWindow(win: LogState, live: LogState): LogState {
  const cut = live.oldest ?? Number.MAX_SAFE_INTEGER;
  let l: LogState = {
    ...live, messages: [...win.messages.filter((m) => m.seq < cut), ...live.messages],
    oldest: win.oldest === null ? live.oldest : Math.min(win.oldest, live.oldest ?? win.oldest),
    hasOlder: win.hasOlder, orphans: [],
  };
  for (const o of live.orphans) l = put(l, o);
  return l;
}

/** Changes that took effect live, applied to the messages of a window they target. */
export function changeWindow(win: LogState, applied: Entry[]): LogState {
  let l = win;
  for (const e of applied) {
    if (isChangeKind(e.kind) && e.targetSeq && l.oldest !== null && e.targetSeq >= l.oldest && e.targetSeq <= l.last) l = put(l, e);
  }
  return l;
}
