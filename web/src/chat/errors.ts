// Chat problems in the reader's language, with what the server attached: the size limit of a file
// that was too large (`limit`, bytes), the words that blocked a message (`words`).
import { ApiError } from '../api';
import { en, translate, type Key, type Lang } from '../i18n';

/** Megabytes for people: 100 MiB → "100", 1.5 MiB → "1.5". */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10);
}

/** The blocked words of a `sensitive_content` problem, quoted and listed (“降价”、“内幕”). */
export function quotedWords(words: unknown, lang: Lang): string {
  if (!Array.isArray(words)) return '';
  return words.map((w) => `“${String(w)}”`).join(translate(lang, 'listSep'));
}

export function chatProblemText(lang: Lang, e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  if (e.code === 'network_error') return translate(lang, 'networkError');
  const key = `err_${e.code}` as Key;
  if (!(key in en)) return e.detail;
  const x = e.extra ?? {};
  const vars: Record<string, string | number> = { detail: e.detail };
  if (typeof x.limit === 'number') { vars.mb = megabytes(x.limit); vars.limit = x.limit.toLocaleString('en-US'); }
  if (x.words !== undefined) vars.words = quotedWords(x.words, lang);
  return translate(lang, key, vars);
}
