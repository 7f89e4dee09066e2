// The weekly business-hours editor's model and the group's wire form (the server's WeeklySchedule:
// {"timeZone":"Asia/Shanghai","week":{"mon":[["09:00","18:00"]],…},"closed":["2027-01-01"],"open":{…}}).
// A day without intervals is closed; no schedule at all (null, sent as {}) means always open.
import type { HoursWire, Interval } from './types';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

export interface HoursModel {
  alwaysOpen: boolean;
  timeZone: string;
  week: Record<Day, Interval[]>;
  /** Holidays: closed all day. */
  closed: string[];
  /** Extra opening dates (a working weekend), kept as they are. */
  open: Record<string, Interval[]>;
}

export interface HoursProblem { field: string; code: 'time' | 'order' | 'overlap' | 'date' | 'zone' }

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
  } catch {
    return 'Asia/Shanghai';
  }
}

const emptyWeek = (): Record<Day, Interval[]> => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

/** Monday to Friday, 09:00–18:00: where a new schedule starts. */
export function workWeek(timeZone: string): HoursModel {
  const week = emptyWeek();
  for (const d of DAYS.slice(0, 5)) week[d] = [['09:00', '18:00']];
  return { alwaysOpen: false, timeZone, week, closed: [], open: {} };
}

export function hoursFromWire(w: HoursWire | null | undefined, fallbackZone: string = localZone()): HoursModel {
  if (!w || !w.timeZone) return { ...workWeek(fallbackZone), alwaysOpen: true };
  const week = emptyWeek();
  for (const d of DAYS) week[d] = (w.week?.[d] ?? []).map(([a, b]) => [a, b] as Interval);
  return { alwaysOpen: false, timeZone: w.timeZone, week, closed: [...(w.closed ?? [])].sort(), open: { ...(w.open ?? {}) } };
}

/** The body's businessHours: `{}` clears the schedule (always open); otherwise every day, closed ones as []. */
export function hoursToWire(m: HoursModel): HoursWire | Record<string, never> {
  if (m.alwaysOpen) return {};
  const week: Record<string, Interval[]> = {};
  for (const d of DAYS) week[d] = [...m.week[d]].sort((a, b) => a[0].localeCompare(b[0]));
  const w: HoursWire = { timeZone: m.timeZone.trim(), week };
  const closed = [...new Set(m.closed.filter(Boolean))].sort();
  if (closed.length) w.closed = closed;
  if (Object.keys(m.open).length) w.open = m.open;
  return w;
}

/** What is wrong, named like the server names it (week.mon[0], closed[1], timeZone). */
export function hoursProblems(m: HoursModel): HoursProblem[] {
  if (m.alwaysOpen) return [];
  const out: HoursProblem[] = [];
  if (!m.timeZone.trim()) out.push({ field: 'timeZone', code: 'zone' });
  for (const d of DAYS) {
    const list = m.week[d];
    list.forEach(([a, b], i) => {
      const field = `week.${d}[${i}]`;
      if (!TIME.test(a) || !END.test(b)) out.push({ field, code: 'time' });
      else if (a >= b) out.push({ field, code: 'order' });
    });
    const sorted = list.map((iv, i) => ({ iv, i })).sort((x, y) => x.iv[0].localeCompare(y.iv[0]));
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k].iv[0] < sorted[k - 1].iv[1]) out.push({ field: `week.${d}[${sorted[k].i}]`, code: 'overlap' });
    }
  }
  m.closed.forEach((date, i) => { if (!DATE.test(date) || Number.isNaN(Date.parse(date))) out.push({ field: `closed[${i}]`, code: 'date' }); });
  return out;
}

/** Monday's hours on every working day (Tuesday to Friday). */
export function copyMondayToWeekdays(m: HoursModel): HoursModel {
  const week = { ...m.week };
  for (const d of DAYS.slice(1, 5)) week[d] = m.week.mon.map(([a, b]) => [a, b] as Interval);
  return { ...m, week };
}

/** Minutes typed in a form ↔ the seconds the server takes ("" = none: 0 clears an SLA target). */
export function minutesToSeconds(text: string): number | null {
  const t = text.trim();
  if (!t) return 0;
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? Math.round(n * 60) : null;
}

export function secondsToMinutes(seconds: number | null | undefined): string {
  if (!seconds) return '';
  const m = Number(seconds) / 60;
  return String(Math.round(m * 100) / 100);
}
