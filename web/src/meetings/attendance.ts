// The attendance report of a meeting (GET /meetings/{id}/attendance): pages put together, the total,
// and the CSV download built here in the browser.

export interface AttendanceRun { id: string; startedAt: string; endedAt: string | null }
export interface AttendanceItem {
  id: string; runId: string; participantId: string; memberId: string | null; guest: boolean; displayName: string;
  joinedAt: string; leftAt: string | null; reason: string | null; participantMinutes: number;
}
export interface AttendancePage { runs: AttendanceRun[]; items: AttendanceItem[]; nextCursor?: string | null }
export interface Attendance { runs: AttendanceRun[]; items: AttendanceItem[] }

export const EMPTY_ATTENDANCE: Attendance = { runs: [], items: [] };

/** Adds a page: runs and sessions by id (a later page's copy wins), in the order the server gave. */
export function addPage(acc: Attendance, page: AttendancePage): Attendance {
  const merge = <T extends { id: string }>(old: T[], more: T[]) => {
    const byId = new Map(old.map((x) => [x.id, x] as const));
    for (const x of more ?? []) byId.set(x.id, x);
    return [...byId.values()];
  };
  return { runs: merge(acc.runs, page.runs), items: merge(acc.items, page.items) };
}

/** Participant-minutes of every session together. */
export const totalMinutes = (items: AttendanceItem[]) => items.reduce((n, i) => n + (Number(i.participantMinutes) || 0), 0);

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a spreadsheet would
 * read as a formula (starting with = + - @, or a tab or carriage return) gets a leading apostrophe first.
 */
export function csvCell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvLabels {
  participant: string; guest: string; joined: string; left: string; minutes: string; reason: string; total: string; yes: string;
}

/**
 * The report as CSV: one line per session (times as ISO-8601 UTC), then the total. CRLF line ends and
 * a byte-order mark, so spreadsheet programs read the Chinese names as UTF-8.
 */
export function attendanceCsv(items: AttendanceItem[], l: CsvLabels): string {
  const rows: (string | number | null)[][] = [
    [l.participant, l.guest, l.joined, l.left, l.minutes, l.reason],
    ...items.map((i) => [i.displayName, i.guest ? l.yes : '', i.joinedAt, i.leftAt, i.participantMinutes, i.reason]),
    [l.total, '', '', '', totalMinutes(items), ''],
  ];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const attendanceFileName = (number: string) => `attendance-${number}.csv`;
