// The meetings home's pure parts: the order of my meetings and the invitation text.
import { translate, type Lang } from '../i18n';
import { formatTime } from '../ui';
import { formatNumber } from './number';
import type { Meeting } from './types';

/** Live first, then upcoming by start time (unscheduled ones with them, at the end), then ended ones. */
export function sortMeetings(list: Meeting[]): Meeting[] {
  const rank = (m: Meeting) => (m.status === 'live' ? 0 : m.status === 'scheduled' ? 1 : 2);
  const start = (m: Meeting) => (m.startAt ? Date.parse(m.startAt) : Number.MAX_SAFE_INTEGER);
  return list.map((m, i) => ({ m, i })).sort((a, b) => {
    const r = rank(a.m) - rank(b.m);
    if (r) return r;
    const t = a.m.status === 'ended' ? start(b.m) - start(a.m) : start(a.m) - start(b.m);
    return t || a.i - b.i;
  }).map((x) => x.m);
}

/** The text "Copy invitation" puts on the clipboard. */
export function inviteText(m: Meeting, lang: Lang): string {
  const vars = { title: m.title, number: formatNumber(m.number), url: m.inviteUrl, time: formatTime(m.startAt, lang), minutes: m.durationMinutes ?? 0 };
  const text = translate(lang, m.startAt && m.durationMinutes ? 'inviteTextTime' : 'inviteText', vars);
  return m.passcode ? `${text}\n${translate(lang, 'invitePasscode', { passcode: m.passcode })}` : text;
}

/** `<input type="datetime-local">` value ↔ ISO instant, in the browser's time zone. */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
export const fromLocalInput = (v: string): string | null => {
  const t = new Date(v);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
};

export const isValidPasscode = (p: string) => p === '' || /^\d{4,10}$/.test(p);
