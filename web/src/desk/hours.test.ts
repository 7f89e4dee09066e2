import { describe, expect, it } from 'vitest';
import { copyMondayToWeekdays, hoursFromWire, hoursProblems, hoursToWire, minutesToSeconds, secondsToMinutes, workWeek } from './hours';

describe('the business-hours editor', () => {
  it('writes the wire form of WeeklySchedule: every day, closed ones empty, holidays sorted', () => {
    const m = workWeek('Asia/Shanghai');
    m.week.sat = [['14:00', '18:00'], ['09:00', '12:00']];
    m.closed = ['2027-02-01', '2027-01-01', '2027-01-01'];
    expect(hoursToWire(m)).toEqual({
      timeZone: 'Asia/Shanghai',
      week: {
        mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']],
        sat: [['09:00', '12:00'], ['14:00', '18:00']], sun: [],
      },
      closed: ['2027-01-01', '2027-02-01'],
    });
  });

  it('clears the schedule with {} when always open, and reads null as always open', () => {
    expect(hoursToWire({ ...workWeek('UTC'), alwaysOpen: true })).toEqual({});
    expect(hoursFromWire(null, 'Asia/Shanghai').alwaysOpen).toBe(true);
  });

  it('reads what the server stored (missing days closed) and writes it back unchanged in meaning', () => {
    const wire = { timeZone: 'Asia/Shanghai', week: { mon: [['09:00', '18:00']] as [string, string][] }, open: { '2027-02-06': [['09:00', '18:00']] as [string, string][] } };
    const m = hoursFromWire(wire);
    expect(m.alwaysOpen).toBe(false);
    expect(m.week.tue).toEqual([]);
    const back = hoursToWire(m) as typeof wire & { week: Record<string, unknown> };
    expect(back.week.mon).toEqual([['09:00', '18:00']]);
    expect(back.week.sun).toEqual([]);
    expect(back.open).toEqual(wire.open);
  });

  it('names what is wrong by the server’s field names', () => {
    const m = workWeek('');
    m.week.mon = [['09:00', '12:00'], ['11:00', '18:00']];
    m.week.tue = [['18:00', '09:00']];
    m.week.wed = [['9:00', '18:00']];
    m.week.thu = [['09:00', '24:00']];
    m.closed = ['2027-13-45x'];
    expect(hoursProblems(m)).toEqual([
      { field: 'timeZone', code: 'zone' },
      { field: 'week.mon[1]', code: 'overlap' },
      { field: 'week.tue[0]', code: 'order' },
      { field: 'week.wed[0]', code: 'time' },
      { field: 'closed[0]', code: 'date' },
    ]);
    expect(hoursProblems({ ...m, alwaysOpen: true })).toEqual([]);
  });

  it('copies Monday to the working week', () => {
    const m = workWeek('UTC');
    m.week.mon = [['08:00', '12:00'], ['13:00', '17:00']];
    const c = copyMondayToWeekdays(m);
    expect(c.week.fri).toEqual(m.week.mon);
    expect(c.week.sat).toEqual([]);
    expect(c.week.fri).not.toBe(m.week.mon);
  });

  it('turns the minutes typed into seconds (empty clears a target, nonsense is refused)', () => {
    expect(minutesToSeconds('5')).toBe(300);
    expect(minutesToSeconds(' 1.5 ')).toBe(90);
    expect(minutesToSeconds('')).toBe(0);
    expect(minutesToSeconds('-3')).toBeNull();
    expect(minutesToSeconds('abc')).toBeNull();
    expect(secondsToMinutes(120.000000000)).toBe('2');
    expect(secondsToMinutes(null)).toBe('');
  });
});
