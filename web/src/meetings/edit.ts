// Editing a meeting I host (PATCH /meetings/{id}): the form's values, and the body that sends only
// what changed. The server reads "absent" as "leave alone" and `passcode: null` as "remove it";
// settings are merged key by key. Only scheduled meetings have a start and a duration.
import type { Key } from '../i18n';
import { fromLocalInput, isValidPasscode, toLocalInput } from './home';
import type { Meeting, MeetingKind, MeetingSettings } from './types';

export const MAX_DURATION_MINUTES = 1440;
export const SETTING_KEYS: (keyof MeetingSettings)[] = ['allowGuests', 'waitingRoom', 'muteOnEntry', 'allowSelfUnmute'];

export interface EditForm { title: string; start: string; duration: string; passcode: string; settings: MeetingSettings }

export interface MeetingPatch {
  title?: string; startAt?: string; durationMinutes?: number; passcode?: string | null; settings?: Partial<MeetingSettings>;
}

/** A problem found before sending, named by the field it belongs to (as the server's `field`). */
export interface FieldProblem { field: string; key: Key }

/** The form as the meeting is now. A passcode the host cannot see stays '' and is sent only when typed. */
export function formOf(m: Meeting): EditForm {
  return {
    title: m.title,
    start: m.startAt ? toLocalInput(new Date(m.startAt)) : '',
    duration: m.durationMinutes ? String(m.durationMinutes) : '',
    passcode: m.passcode ?? '',
    settings: { ...m.settings },
  };
}

/**
 * The PATCH body for what changed between the form as it was opened (`initial`) and now, or the first
 * problem to show next to its field. An empty body means nothing changed.
 */
export function patchOf(initial: EditForm, form: EditForm, kind: MeetingKind): { body: MeetingPatch } | { problem: FieldProblem } {
  const body: MeetingPatch = {};
  const title = form.title.trim();
  if (title !== initial.title.trim()) {
    if (!title) return { problem: { field: 'title', key: 'err_required' } };
    body.title = title;
  }
  if (kind === 'scheduled' && (form.start !== initial.start || form.duration.trim() !== initial.duration.trim())) {
    const startAt = fromLocalInput(form.start);
    if (!form.start || !startAt) return { problem: { field: 'startAt', key: 'err_required' } };
    const d = form.duration.trim();
    const minutes = Number(d);
    if (!d) return { problem: { field: 'durationMinutes', key: 'err_required' } };
    if (!/^\d+$/.test(d) || minutes < 1 || minutes > MAX_DURATION_MINUTES) return { problem: { field: 'durationMinutes', key: 'err_out_of_range' } };
    // both go together: the server checks the schedule as a whole
    if (form.start !== initial.start) body.startAt = startAt;
    if (d !== initial.duration.trim()) body.durationMinutes = minutes;
  }
  const passcode = form.passcode.trim();
  if (passcode !== initial.passcode.trim()) {
    if (!isValidPasscode(passcode)) return { problem: { field: 'passcode', key: 'err_invalid_passcode' } };
    body.passcode = passcode === '' ? null : passcode;
  }
  const settings: Partial<MeetingSettings> = {};
  for (const k of SETTING_KEYS) if (form.settings[k] !== initial.settings[k]) settings[k] = form.settings[k];
  if (Object.keys(settings).length) body.settings = settings;
  return { body };
}

export const isEmptyPatch = (b: MeetingPatch) => Object.keys(b).length === 0;

/** Who may change a meeting: its owner, while it is not over. */
export const canEdit = (m: Meeting, memberId: string) => m.hostId === memberId && m.status !== 'ended';
