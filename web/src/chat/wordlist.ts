// The sensitive-word list as the admin edits it: words pasted one per line, repeats left out (the
// server compares words ignoring case, full-width forms and separators inside them, and so does this),
// checks before saving, and the word a server error names (`field` sensitiveWords[3]).
import type { SensitiveWord, WordAction } from './types';

/** The server's limits (ChatPolicies, SensitiveWordFilter). */
export const MAX_WORDS = 20_000;
export const MAX_WORD_CHARS = 50;
export const MAX_RETENTION_DAYS = 36_500;

// spaces, punctuation, math/currency/modifier symbols and format characters (zero-width …) are skipped inside words
const SEPARATOR = /[\s\p{Z}\p{P}\p{Sm}\p{Sc}\p{Sk}\p{Cf}]/u;

/** A word as the filter compares it: full-width forms as ASCII, lower case, without separators. */
export function wordKey(word: string): string {
  let out = '';
  for (const ch of word.trim()) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
    else if (cp === 0x3000) cp = 0x20;
    const c = String.fromCodePoint(cp).toLowerCase();
    if (!SEPARATOR.test(c)) out += c;
  }
  return out;
}

/** Words pasted one per line: trimmed, blank lines dropped, each once. */
export function parseBulk(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const w = line.trim();
    const key = wordKey(w);
    if (!w || seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  return out;
}

/** Adds words with an action; a word already in the list (as the filter compares) is left out. */
export function addWords(list: SensitiveWord[], words: string[], action: WordAction): { list: SensitiveWord[]; added: number; skipped: number } {
  const keys = new Set(list.map((w) => wordKey(w.word)));
  const next = [...list];
  let added = 0;
  let skipped = 0;
  for (const raw of words) {
    const word = raw.trim();
    const key = wordKey(word);
    if (!word) continue;
    if (key && keys.has(key)) { skipped++; continue; }
    keys.add(key);
    next.push({ word, action });
    added++;
  }
  return { list: next, added, skipped };
}

export interface WordProblem { index: number; code: 'word_blank' | 'word_too_long' }

/** What the server would refuse, word by word (index in the list). */
export function validateWords(list: SensitiveWord[]): WordProblem[] {
  const out: WordProblem[] = [];
  list.forEach((w, index) => {
    const key = wordKey(w.word ?? '');
    if (!key) out.push({ index, code: 'word_blank' });
    else if ([...key].length > MAX_WORD_CHARS) out.push({ index, code: 'word_too_long' });
  });
  return out;
}

/** The index of the word a server error names: `sensitiveWords[3]` or `sensitiveWords[3].action` → 3. */
export function wordIndex(field: string | undefined | null): number | null {
  const m = /^sensitiveWords\[(\d+)\]/.exec(field ?? '');
  return m ? Number(m[1]) : null;
}

/** Retention as typed: a whole number of days 0 (forever) … 36,500, else null. */
export function parseRetention(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_RETENTION_DAYS ? n : null;
}
