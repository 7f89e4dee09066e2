// A desk conversation's log as the widget and the agent desk hold it: entries by seq, each once,
// whichever way they came (a push, the answer to visitor.open / desk.detail, a send's answer).
import { BOT_ID, type AiAnswerCard, type DeskConversation, type Entry, type FaqAnswerCard, type FaqSuggestionsCard, type Sla } from './types';

/** The entries of both lists, each seq once (the later copy wins), in seq order. Returns `a` when nothing changed. */
export function mergeEntries(a: readonly Entry[], b: readonly Entry[]): Entry[] {
  if (b.length === 0) return a as Entry[];
  const bySeq = new Map<number, Entry>();
  for (const e of a) bySeq.set(e.seq, e);
  let changed = false;
  for (const e of b) {
    const old = bySeq.get(e.seq);
    if (!old || old.id !== e.id || old.body !== e.body) { bySeq.set(e.seq, e); changed = true; }
  }
  if (!changed) return a as Entry[];
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}

/**
 * The last seq held without a hole before it (1…n all present): what to ask for after, so an entry
 * that a dropped push skipped is fetched again.
 */
export function contiguousSeq(entries: readonly Entry[]): number {
  let n = 0;
  for (const e of entries) {
    if (e.seq === n + 1) n = e.seq;
    else if (e.seq > n + 1) break;
  }
  return n;
}

/** The ones people read: text, files, cards (not system notes or changes to other entries). */
export const isMessage = (e: Entry) => e.kind === 'text' || e.kind === 'card' || e.kind === 'file' || e.kind === 'image';
export const isBot = (senderId: string | null | undefined) => senderId === BOT_ID;
export const eventType = (e: Entry): string | undefined => (e.kind === 'system' ? e.body.event?.type : undefined);

/** Agents' display names as the log's own events tell them (agent_joined: agentId → agentName; transfer and takeover: to → toName). */
export function agentNames(entries: Entry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of entries) {
    const ev = e.kind === 'system' ? (e.body.event as unknown as Record<string, unknown> | undefined) : undefined;
    if (!ev) continue;
    if (typeof ev.agentId === 'string' && typeof ev.agentName === 'string' && ev.agentName) names.set(ev.agentId, ev.agentName);
    if (typeof ev.to === 'string' && typeof ev.toName === 'string' && ev.toName) names.set(ev.to, ev.toName);
  }
  return names;
}

export function faqAnswerOf(e: Entry): FaqAnswerCard | null {
  const c = e.kind === 'card' ? e.body.card : undefined;
  return c && c.type === 'faq_answer' && typeof c.faqId === 'string' ? (c as unknown as FaqAnswerCard) : null;
}

/** The bot's answer written by the generative assistant from the FAQs it names (desk.assistant-*). */
export function aiAnswerOf(e: Entry): AiAnswerCard | null {
  const c = e.kind === 'card' ? e.body.card : undefined;
  if (!c || c.type !== 'ai_answer') return null;
  return { type: 'ai_answer', sources: Array.isArray(c.sources) ? (c.sources as unknown[]).filter((x): x is string => typeof x === 'string') : [] };
}

export function suggestionsOf(e: Entry): FaqSuggestionsCard | null {
  const c = e.kind === 'card' ? e.body.card : undefined;
  if (!c || c.type !== 'faq_suggestions' || !Array.isArray(c.items)) return null;
  const items = (c.items as unknown[]).filter((x): x is { faqId: string; question: string } =>
    !!x && typeof (x as { question?: unknown }).question === 'string');
  return { type: 'faq_suggestions', items };
}

/**
 * The SLA as the log shows it now: the server's timers are a snapshot taken when the conversation was
 * fetched, so once a person has answered after the handoff the first-response clock is shown stopped
 * without asking again.
 */
export function currentSla(c: DeskConversation, entries: readonly Entry[] | undefined): Sla | undefined {
  if (!c.sla || !entries || !c.sla.firstResponse.running) return c.sla;
  const since = c.queuedAt ?? c.openedAt;
  const answered = entries.some((e) => isMessage(e) && e.senderId !== c.visitorId && !isBot(e.senderId) && e.createdAt >= since);
  return answered ? { ...c.sla, firstResponse: { ...c.sla.firstResponse, running: false, breached: c.sla.firstResponse.breached } } : c.sla;
}
