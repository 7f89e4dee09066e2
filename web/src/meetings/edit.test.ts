import { describe, expect, it } from 'vitest';
import { canEdit, formOf, isEmptyPatch, patchOf } from './edit';
import { toLocalInput } from './home';
import { meeting } from './fixtures.test-util';

const scheduled = meeting({
  kind: 'scheduled', status: 'scheduled', title: 'Weekly', startAt: '2026-03-02T09:00:00Z', durationMinutes: 60, passcode: '2468', hasPasscode: true,
});

describe('editing a meeting', () => {
  it('opens the form with the meeting as it is, and sends nothing when nothing changed', () => {
    const f = formOf(scheduled);
    expect(f).toMatchObject({ title: 'Weekly', duration: '60', passcode: '2468', start: toLocalInput(new Date('2026-03-02T09:00:00Z')) });
    expect(patchOf(f, { ...f, title: ' Weekly ' }, 'scheduled')).toEqual({ body: {} });
    expect(isEmptyPatch({})).toBe(true);
  });
  it('sends only the fields that changed', () => {
    const f = formOf(scheduled);
    expect(patchOf(f, { ...f, title: ' Retro ' }, 'scheduled')).toEqual({ body: { title: 'Retro' } });
    expect(patchOf(f, { ...f, duration: '90' }, 'scheduled')).toEqual({ body: { durationMinutes: 90 } });
    const start = new Date(2026, 3, 7, 14, 30);
    expect(patchOf(f, { ...f, start: toLocalInput(start) }, 'scheduled')).toEqual({ body: { startAt: start.toISOString() } });
    expect(patchOf(f, { ...f, settings: { ...f.settings, waitingRoom: true, allowGuests: false } }, 'scheduled'))
      .toEqual({ body: { settings: { waitingRoom: true, allowGuests: false } } });
  });
  it('removes the passcode with null, and sets a new one', () => {
    const f = formOf(scheduled);
    expect(patchOf(f, { ...f, passcode: '' }, 'scheduled')).toEqual({ body: { passcode: null } });
    expect(patchOf(f, { ...f, passcode: '13579' }, 'scheduled')).toEqual({ body: { passcode: '13579' } });
  });
  it('never sends a passcode the host could not see unless one is typed', () => {
    const f = formOf(meeting({ hasPasscode: true, passcode: undefined }));
    expect(f.passcode).toBe('');
    expect(patchOf(f, { ...f, title: 'New' }, 'instant')).toEqual({ body: { title: 'New' } });
  });
  it('names the field of a problem found before sending', () => {
    const f = formOf(scheduled);
    expect(patchOf(f, { ...f, title: '  ' }, 'scheduled')).toEqual({ problem: { field: 'title', key: 'err_required' } });
    expect(patchOf(f, { ...f, passcode: '12' }, 'scheduled')).toEqual({ problem: { field: 'passcode', key: 'err_invalid_passcode' } });
    expect(patchOf(f, { ...f, start: '' }, 'scheduled')).toEqual({ problem: { field: 'startAt', key: 'err_required' } });
    expect(patchOf(f, { ...f, duration: '' }, 'scheduled')).toEqual({ problem: { field: 'durationMinutes', key: 'err_required' } });
    for (const d of ['0', '1441', '1.5', 'abc']) {
      expect(patchOf(f, { ...f, duration: d }, 'scheduled')).toEqual({ problem: { field: 'durationMinutes', key: 'err_out_of_range' } });
    }
  });
  it('leaves the schedule of instant meetings and personal rooms alone', () => {
    const f = formOf(meeting({ kind: 'personal' }));
    expect(patchOf(f, { ...f, start: '2026-01-01T10:00', duration: '30' }, 'personal')).toEqual({ body: {} });
  });
  it('is for the owner of a meeting that is not over', () => {
    expect(canEdit(scheduled, 'mem-host')).toBe(true);
    expect(canEdit(scheduled, 'someone-else')).toBe(false);
    expect(canEdit({ ...scheduled, status: 'ended' }, 'mem-host')).toBe(false);
  });
});
