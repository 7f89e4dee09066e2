// Sharing a meeting into a chat: which of my conversations the picker shows for what was typed.
import type { ConversationSummary } from '../chat/types';

/** Lower case, full-width forms folded (ＡＢＣ → abc), spaces collapsed. */
const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The conversations whose title (for a direct chat, the other person's name: `titleOf`) contains every
 * word of the query, most recently active first. Dissolved groups cannot take new messages and are left out.
 */
export function filterConversations<C extends Pick<ConversationSummary, 'id' | 'dissolved' | 'lastEntryAt'>>(
  list: C[], query: string, titleOf: (c: C) => string,
): C[] {
  const words = fold(query).split(' ').filter(Boolean);
  return list
    .filter((c) => !c.dissolved)
    .filter((c) => { const title = fold(titleOf(c)); return words.every((w) => title.includes(w)); })
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (Date.parse(b.c.lastEntryAt) || 0) - (Date.parse(a.c.lastEntryAt) || 0) || a.i - b.i)
    .map((x) => x.c);
}
