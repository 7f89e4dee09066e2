// Canned responses typed as /shortcut in the agent's composer: the ones matching what is typed so far,
// and the text a complete shortcut stands for.
import type { Canned } from './types';

/** While the composer holds just "/" and part of a shortcut: the responses whose shortcut starts with it. */
export function cannedMatches(text: string, items: readonly Canned[]): Canned[] {
  const m = /^\/([\p{L}\p{N}_-]*)$/u.exec(text);
  if (!m) return [];
  const typed = m[1].toLowerCase();
  return items.filter((c) => c.shortcut.toLowerCase().startsWith(typed))
    .sort((a, b) => a.shortcut.length - b.shortcut.length || a.shortcut.localeCompare(b.shortcut));
}

/** "/greet" (a whole shortcut, any case) → its text; anything else → null. */
export function expandCanned(text: string, items: readonly Canned[]): string | null {
  const m = /^\/([\p{L}\p{N}_-]+)\s*$/u.exec(text);
  if (!m) return null;
  const c = items.find((x) => x.shortcut.toLowerCase() === m[1].toLowerCase());
  return c ? c.text : null;
}
