import { describe, expect, it } from 'vitest';
import { meeting } from './fixtures.test-util';
import { fromLocalInput, inviteText, isValidPasscode, sortMeetings, toLocalInput } from './home';

describe('meetings home', () => {
  it('lists live meetings first, then upcoming ones soonest first, then ended ones latest first', () => {
    const list = [
      meeting({ id: 'ended-old', status: 'ended', startAt: '2026-01-01T09:00:00Z' }),
      meeting({ id: 'later', status: 'scheduled', startAt: '2026-03-01T09:00:00Z' }),
      meeting({ id: 'personal', status: 'scheduled', startAt: null, kind: 'personal' }),
      meeting({ id: 'live', status: 'live' }),
      meeting({ id: 'soon', status: 'scheduled', startAt: '2026-02-01T09:00:00Z' }),
      meeting({ id: 'ended-new', status: 'ended', startAt: '2026-01-05T09:00:00Z' }),
    ];
    expect(sortMeetings(list).map((m) => m.id)).toEqual(['live', 'soon', 'later', 'personal', 'ended-new', 'ended-old']);
  });
  it('writes the invitation with the number in groups, the link, and the passcode when I know it', () => {
    const en = inviteText(meeting({ title: 'Weekly', passcode: '2468' }), 'en');
    expect(en).toBe('Weekly\nMeeting number: 123 456 789\nJoin: https://q.example/join/123456789\nPasscode: 2468');
    const zh = inviteText(meeting({ title: '周会', startAt: '2026-02-01T09:00:00Z', durationMinutes: 30 }), 'zh-CN');
    expect(zh).toContain('会议号：123 456 789');
    expect(zh).toContain('30 分钟');
  });
  it('passcodes have 4 to 10 digits (or none)', () => {
    expect(['', '1234', '1234567890'].every(isValidPasscode)).toBe(true);
    expect(['123', '12345678901', '12a4'].some(isValidPasscode)).toBe(false);
  });
  it('round-trips a local date-time input', () => {
    const d = new Date(2026, 4, 6, 7, 8);
    expect(toLocalInput(d)).toBe('2026-05-06T07:08');
    expect(fromLocalInput('2026-05-06T07:08')).toBe(d.toISOString());
    expect(fromLocalInput('')).toBeNull();
  });
});
