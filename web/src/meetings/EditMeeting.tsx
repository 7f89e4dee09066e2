// Editing a meeting I host: title, start and duration (scheduled meetings), passcode, settings.
// Sends only what changed (edit.ts); a problem's `field` is shown next to that field.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { Banner, Field, Modal, useFormError } from '../ui';
import { formOf, isEmptyPatch, patchOf, SETTING_KEYS, type EditForm } from './edit';
import { meetingApi } from './meetingApi';
import type { Meeting, MeetingSettings } from './types';

const SETTING_TEST_IDS: Record<keyof MeetingSettings, string> = {
  allowGuests: 'edit-allow-guests', waitingRoom: 'edit-waiting-room', muteOnEntry: 'edit-mute-on-entry', allowSelfUnmute: 'edit-allow-self-unmute',
};
const FIELDS = ['title', 'startAt', 'durationMinutes', 'passcode', ...SETTING_KEYS.map((k) => `settings.${k}`)];

export function EditMeetingDialog({ m, onClose, onSaved }: { m: Meeting; onClose: () => void; onSaved: (m: Meeting) => void }) {
  const { t } = useI18n();
  const [initial] = useState<EditForm>(() => formOf(m));
  const [form, setForm] = useState<EditForm>(initial);
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  const set = (k: 'title' | 'start' | 'duration' | 'passcode') => (v: string) => setForm({ ...form, [k]: v });
  const scheduled = m.kind === 'scheduled';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = patchOf(initial, form, m.kind);
    if ('problem' in r) return setError({ field: r.problem.field, message: t(r.problem.key) });
    if (isEmptyPatch(r.body)) return onClose();
    setBusy(true);
    setError(null);
    try {
      onSaved(await meetingApi.update(m.id, r.body));
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('editMeetingTitle', { title: m.title })} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="edit-meeting-form">
        <Banner error={error} fields={FIELDS} />
        <Field label={t('meetingTitle')} name="title" value={form.title} onChange={set('title')} error={error} testId="edit-title" required />
        {scheduled && (
          <>
            <Field label={t('meetingStart')} name="startAt" type="datetime-local" value={form.start} onChange={set('start')} error={error} testId="edit-start" />
            <Field label={t('meetingDuration')} name="durationMinutes" type="number" value={form.duration} onChange={set('duration')} error={error} testId="edit-duration" />
          </>
        )}
        <Field label={t('meetingPasscodeEdit')} name="passcode" value={form.passcode} onChange={set('passcode')} error={error} testId="edit-passcode" autoComplete="off" />
        <fieldset className="settings">
          <legend>{t('meetingSettings')}</legend>
          {SETTING_KEYS.map((k) => {
            const err = error?.field === `settings.${k}` ? error.message : null;
            return (
              <label key={k} className="check">
                <input type="checkbox" checked={form.settings[k]} data-testid={SETTING_TEST_IDS[k]} aria-invalid={!!err}
                  onChange={(e) => setForm({ ...form, settings: { ...form.settings, [k]: e.target.checked } })} />
                {t(`setting_${k}`)}
                {err && <small className="field-error" role="alert">{err}</small>}
              </label>
            );
          })}
        </fieldset>
        <div className="buttons">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button className="primary" disabled={busy} data-testid="edit-submit">{t('save')}</button>
        </div>
      </form>
    </Modal>
  );
}
