// Search results as shown: the query's terms marked where they appear literally in the text (the
// server matches words — Chinese segmented — so a hit may not contain the query as typed), a snippet
// around the first mark for long messages, and pages appended without repeats.
import type { Entry } from './types';

export interface Part { text: string; hit: boolean }

/** The terms of a query: split at spaces and punctuation, each once (ignoring case), longest first. */
export function queryTerms(query: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of query.split(/[\s\u3000,，。.;；:：!！?？、"“”'‘’()（）[\]【】<>《》|&*~^+\-=\\/]+/u)) {
    const key = t.toLocaleLowerCase();
    if (!t || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out.sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text cut into plain parts and parts matching a term of the query (case ignored). */
export function highlight(text: string, query: string): Part[] {
  const terms = queryTerms(query);
  if (!text) return [];
  if (!terms.length) return [{ text, hit: false }];
  const re = new RegExp(terms.map(escape).join('|'), 'giu');
  const parts: Part[] = [];
  let at = 0;
  const push = (t: string, hit: boolean) => {
    if (!t) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += t; else parts.push({ text: t, hit });
  };
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    push(text.slice(at, i), false);
    push(m[0], true);
    at = i + m[0].length;
  }
  push(text.slice(at), false);
  return parts;
}

/**
 * A long text shortened around its first mark: about `radius` characters either side, with "…"
 * where it was cut. Short texts, and texts without a mark, start at the beginning.
 */
export function snippet(text: string, query: string, radius = 40): string {
  const chars = [...text];
  if (chars.length <= radius * 2) return text;
  const parts = highlight(text, query);
  const firstHit = parts.findIndex((p) => p.hit);
  let start = 0;
  if (firstHit > 0) {
    const before = parts.slice(0, firstHit).reduce((n, p) => n + [...p.text].length, 0);
    start = Math.max(0, before - radius);
  }
  const end = Math.min(chars.length, start + radius * 2);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}

/** What a result says: its text, or for a file the file's name (and its caption). */
export function resultText(e: Entry): string {
  const file = e.body?.file as { name?: string } | undefined;
  const text = e.body?.text ?? '';
  if (file?.name) return text ? `${file.name} — ${text}` : file.name;
  return text;
}

/** A further page after the ones shown, without entries shown already. */
export function appendPage(shown: Entry[], page: Entry[]): Entry[] {
  const ids = new Set(shown.map((e) => e.id));
  return [...shown, ...page.filter((e) => !ids.has(e.id))];
}
