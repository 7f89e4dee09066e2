// SLA timers and waiting times as agents read them: "due in 4 min" while a clock runs, "breached" once
// it passed, nothing when the group sets no target or the clock stopped (answered, closed).
import type { Sla, SlaTimer } from './types';

export type SlaWhich = 'firstResponse' | 'resolution';
export type SlaBadge = { kind: 'breached'; which: SlaWhich } | { kind: 'due'; which: SlaWhich; seconds: number };

/** The clock that matters now: the first running one (first response before resolution). */
export function slaBadge(sla: Sla | undefined, now: number): SlaBadge | null {
  if (!sla) return null;
  for (const which of ['firstResponse', 'resolution'] as SlaWhich[]) {
    const t: SlaTimer | undefined = sla[which];
    if (!t || !t.running || t.targetSeconds === undefined) continue;
    const due = t.due ? Date.parse(t.due) : NaN;
    if (t.breached || (!Number.isNaN(due) && due <= now)) return { kind: 'breached', which };
    if (!Number.isNaN(due)) return { kind: 'due', which, seconds: Math.round((due - now) / 1000) };
  }
  return null;
}

export interface DurationWords { h: string; m: string; s: string }
export const DURATION_ZH: DurationWords = { h: '{n} 小时', m: '{n} 分', s: '{n} 秒' };
export const DURATION_EN: DurationWords = { h: '{n} h', m: '{n} min', s: '{n} s' };

/** 45 → "45 s", 150 → "2 min 30 s", 3900 → "1 h 5 min" (two units at most). */
export function formatDuration(seconds: number, words: DurationWords): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const w = (k: keyof DurationWords, n: number) => words[k].replace('{n}', String(n));
  if (h > 0) return m > 0 ? `${w('h', h)} ${w('m', m)}` : w('h', h);
  if (m > 0) return sec > 0 && m < 10 ? `${w('m', m)} ${w('s', sec)}` : w('m', m);
  return w('s', sec);
}

/** Seconds left until an ISO instant (never below 0). */
export function secondsUntil(iso: string | undefined, now: number): number {
  if (!iso) return 0;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}
