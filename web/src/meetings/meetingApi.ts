// The meeting endpoints of the HTTP API (docs/meeting-protocol.md, "HTTP"). The live side goes over
// the realtime connection (room.ts, mediaSession.ts).
import { problemOf, request, tokens } from '../api';
import { newUuid } from '../uuid';
import type { SendResult } from '../chat/types';
import type { AttendancePage } from './attendance';
import type { MeetingPatch } from './edit';
import type { Meeting, MeetingLookup, MeetingSettings } from './types';

export interface NewMeeting {
  title: string; startAt?: string | null; durationMinutes?: number | null; passcode?: string | null; settings: MeetingSettings;
}

/** The server answers "" when there is no next page. */
const next = (c: string | null | undefined) => (c ? c : null);

export const meetingApi = {
  mine: async (cursor?: string | null) => {
    const r = await request<{ items: Meeting[]; nextCursor: string | null }>('GET', `/meetings${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    return { items: r.items, nextCursor: next(r.nextCursor) };
  },
  /** `key`: the same Idempotency-Key for a retry of the same form, so it is created once. */
  create: (b: NewMeeting, key: string = newUuid()) => request<Meeting>('POST', '/meetings', b, 'application/json', { 'Idempotency-Key': key }),
  get: (id: string) => request<Meeting>('GET', `/meetings/${id}`),
  /** Only the fields present change (`passcode: null` removes it; settings are merged). */
  update: (id: string, b: MeetingPatch) => request<Meeting>('PATCH', `/meetings/${id}`, b),
  cancel: (id: string) => request<void>('DELETE', `/meetings/${id}`),
  personalRoom: () => request<Meeting>('GET', '/meetings/personal-room'),
  lookup: (number: string) => request<MeetingLookup>('GET', `/meetings/lookup/${encodeURIComponent(number)}`),
  /** `key` is both the Idempotency-Key and the chat's `clientMsgId`: a retry posts the card once. */
  postCard: (id: string, conversationId: string, key: string = newUuid()) =>
    request<SendResult>('POST', `/meetings/${id}/card`, { conversationId, clientMsgId: key }, 'application/json', { 'Idempotency-Key': key }),
  /** One page of sessions, oldest first (owner and admins). */
  attendance: async (id: string, cursor?: string | null): Promise<AttendancePage> => {
    const r = await request<AttendancePage>('GET', `/meetings/${id}/attendance${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    return { runs: r.runs ?? [], items: r.items ?? [], nextCursor: next(r.nextCursor) };
  },
  guestSession: (b: { number: string; passcode?: string; displayName: string }) =>
    request<{ token: string; expiresAt: string }>('POST', '/meetings/guest-sessions', b),
  /** The invitation as an iCalendar file, saved through the browser (the request needs the token). */
  downloadIcs: async (m: Pick<Meeting, 'id' | 'number'>) => {
    const token = tokens.get();
    const res = await fetch(`/api/v1/meetings/${m.id}/invite.ics`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!res.ok) throw problemOf(res.status, res.statusText, await res.text(), !!token);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `meeting-${m.number}.ics`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
