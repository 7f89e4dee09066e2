// Shared test data for the meeting tests (not a test file itself).
import type { Meeting, Participant } from './types';

export const meeting = (extra: Partial<Meeting> = {}): Meeting => ({
  id: 'm1', number: '123456789', title: 'Weekly', hostId: 'mem-host', kind: 'instant', startAt: null, durationMinutes: null,
  hasPasscode: false, settings: { allowGuests: true, waitingRoom: false, muteOnEntry: false, allowSelfUnmute: true },
  status: 'live', locked: false, inviteUrl: 'https://q.example/join/123456789', capacity: 100, ...extra,
});

let joined = 0;
export const person = (id: string, extra: Partial<Participant> = {}): Participant => ({
  id, memberId: `mem-${id}`, displayName: id.toUpperCase(), role: 'attendee', guest: false, audio: true, video: true,
  sharing: false, hand: false, connection: 'connected', spotlight: false,
  joinedAt: `2026-01-01T00:00:${String(++joined % 60).padStart(2, '0')}Z`, ...extra,
});
