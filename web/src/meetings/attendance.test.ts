import { describe, expect, it } from 'vitest';
import { addPage, attendanceCsv, csvCell, EMPTY_ATTENDANCE, totalMinutes, type AttendanceItem } from './attendance';

const item = (id: string, extra: Partial<AttendanceItem> = {}): AttendanceItem => ({
  id, runId: 'r1', participantId: `p-${id}`, memberId: `m-${id}`, guest: false, displayName: id.toUpperCase(),
  joinedAt: '2026-01-01T09:00:00Z', leftAt: '2026-01-01T09:30:00Z', reason: 'left', participantMinutes: 30, ...extra,
});
const labels = { participant: 'Participant', guest: 'Guest', joined: 'Joined', left: 'Left', minutes: 'Minutes', reason: 'Reason', total: 'Total', yes: 'yes' };

describe('attendance', () => {
  it('puts pages together by id and adds up the minutes', () => {
    const one = addPage(EMPTY_ATTENDANCE, { runs: [{ id: 'r1', startedAt: 'x', endedAt: null }], items: [item('a'), item('b', { participantMinutes: 12 })], nextCursor: 'c' });
    const two = addPage(one, { runs: [{ id: 'r1', startedAt: 'x', endedAt: 'y' }], items: [item('c', { participantMinutes: 1 })], nextCursor: null });
    expect(two.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(two.runs).toEqual([{ id: 'r1', startedAt: 'x', endedAt: 'y' }]);
    expect(totalMinutes(two.items)).toBe(43);
    expect(totalMinutes([])).toBe(0);
  });
  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
  it('keeps spreadsheet formulas from running', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe('-3');
  });
  it('writes one line per session and the total, with a BOM and CRLF', () => {
    const csv = attendanceCsv([item('a'), item('=bad', { guest: true, memberId: null, leftAt: null, reason: null, displayName: '=bad', participantMinutes: 5 })], labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Participant,Guest,Joined,Left,Minutes,Reason',
      'A,,2026-01-01T09:00:00Z,2026-01-01T09:30:00Z,30,left',
      "'=bad,yes,2026-01-01T09:00:00Z,,5,",
      'Total,,,,35,',
      '',
    ]);
  });
});
