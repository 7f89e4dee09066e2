// The knowledge-base form and list: alternatives typed one per line, the filter over every phrasing,
// and the per-row errors of a rejected CSV import.
import { ApiError } from '../api';
import type { Faq, FaqImportError, FaqInput } from './types';

export interface FaqForm { question: string; alternatives: string; answer: string; category: string }

export const emptyFaqForm: FaqForm = { question: '', alternatives: '', answer: '', category: '' };

export function faqToForm(f: Faq): FaqForm {
  return { question: f.question, alternatives: f.alternatives.join('\n'), answer: f.answer, category: f.category ?? '' };
}

/** Lines (or | as in the CSV) become alternatives; blanks and repeats of the question drop out. */
export function formToFaq(f: FaqForm): FaqInput {
  const question = f.question.trim();
  const alternatives = [...new Set(f.alternatives.split(/[\n|]/).map((s) => s.trim()).filter((s) => s && s !== question))];
  return { question, alternatives, answer: f.answer.trim(), category: f.category.trim() };
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** Every word typed appears in the question, an alternative, the answer or the category. */
export function filterFaqs(items: readonly Faq[], q: string): Faq[] {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (!words.length) return [...items];
  return items.filter((f) => {
    const hay = fold([f.question, ...f.alternatives, f.answer, f.category ?? ''].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}

/** The rows a 422 import_rejected named (row 0: the file as a whole), in row order. */
export function importErrors(e: unknown): FaqImportError[] | null {
  if (!(e instanceof ApiError) || e.code !== 'import_rejected') return null;
  const list = e.extra.errors;
  if (!Array.isArray(list)) return [];
  return (list as FaqImportError[]).filter((x) => x && typeof x.row === 'number').sort((a, b) => a.row - b.row);
}
