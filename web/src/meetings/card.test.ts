import { describe, expect, it } from 'vitest';
import { meetingCardOf } from './card';

describe('meeting cards in chat', () => {
  it('reads the meeting of a meeting card', () => {
    expect(meetingCardOf({ type: 'meeting', number: '123456789', title: '周会', startAt: '2026-02-01T09:00:00Z', durationMinutes: 30 }))
      .toEqual({ number: '123456789', title: '周会', startAt: '2026-02-01T09:00:00Z', durationMinutes: 30 });
    expect(meetingCardOf({ type: 'meeting', inviteUrl: 'https://q.example/join/987654321', title: 'x' })?.number).toBe('987654321');
  });
  it('is not one for other cards or without a number', () => {
    expect(meetingCardOf({ type: 'poll', number: '123456789' })).toBeNull();
    expect(meetingCardOf({ type: 'meeting', title: 'x' })).toBeNull();
    expect(meetingCardOf(undefined)).toBeNull();
  });
});
