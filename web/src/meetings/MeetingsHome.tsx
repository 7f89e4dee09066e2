// /meetings: my meetings (live and upcoming first), start an instant meeting, schedule one, my
// personal room, join by number; per meeting: start or join, copy the invitation, share it to a chat, the
// .ics file, edit, attendance, cancel. The attendance of an ended meeting (hosts) or of any meeting
// (admins) by its number.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { IdempotencyKeys } from '../notices/idempotency';
import { navigate } from '../router';
import { isAdmin, useSession } from '../session';
import { Banner, Field, Modal, formatTime, useFormError } from '../ui';
import { AttendanceButton, AttendanceByNumber } from './Attendance';
import { canEdit, SETTING_KEYS } from './edit';
import { EditMeetingDialog } from './EditMeeting';
import { ShareToChatButton } from './ShareToChat';
import { fromLocalInput, inviteText, isValidPasscode, sortMeetings, toLocalInput } from './home';
import { meetingApi } from './meetingApi';
import { formatNumber, formatTyping, parseNumber } from './number';
import { DEFAULT_SETTINGS, type Meeting, type MeetingSettings } from './types';
import './meetings.css';

export function MeetingsHome() {
  const { t } = useI18n();
  const { member } = useSession();
  const [items, setItems] = useState<Meeting[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [personal, setPersonal] = useState<Meeting | null>(null);
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();

  const load = useCallback(async (more?: string | null) => {
    try {
      const page = await meetingApi.mine(more);
      setItems((old) => (more && old ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      capture(e);
      setItems((old) => old ?? []);
    }
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { load(); }, [load]);
  const sorted = useMemo(() => sortMeetings(items ?? []), [items]);

  const instant = async () => {
    setBusy(true);
    setError(null);
    try {
      const m = await meetingApi.create({ title: t('instantMeetingTitle', { name: member.name }), settings: DEFAULT_SETTINGS });
      navigate(`/join/${m.number}`);
    } catch (e) {
      capture(e);
    } finally {
      setBusy(false);
    }
  };
  const openPersonal = async () => {
    setError(null);
    try {
      setPersonal(await meetingApi.personalRoom());
    } catch (e) {
      capture(e);
    }
  };

  return (
    <div className="meetings-home">
      <div className="toolbar">
        <button className="primary" data-testid="meeting-instant" disabled={busy} onClick={instant}>{t('newMeeting')}</button>
        <button data-testid="meeting-schedule" onClick={() => setScheduling(true)}>{t('scheduleMeeting')}</button>
        <button data-testid="meeting-personal" onClick={openPersonal}>{t('personalRoom')}</button>
        <JoinByNumber />
      </div>
      <Banner error={error} />
      {personal && (
        <div className="panel personal-room" data-testid="personal-room">
          <strong>{t('personalRoom')}</strong> <span className="muted small">{t('personalRoomExplain')}</span>
          <MeetingRow m={personal} onChanged={() => {}} onSaved={setPersonal} />
        </div>
      )}
      <h2>{t('myMeetings')}</h2>
      {items === null ? <p className="muted">{t('loading')}</p>
        : sorted.length === 0 ? <p className="muted" data-testid="no-meetings">{t('noMeetings')}</p>
        : (
          <ul className="meeting-list">
            {sorted.map((m) => (
              <li key={m.id}><MeetingRow m={m} onChanged={() => load()} onSaved={(saved) => setItems((old) => (old ?? []).map((x) => (x.id === saved.id ? saved : x)))} /></li>
            ))}
          </ul>
        )}
      {cursor && <button onClick={() => load(cursor)}>{t('loadMore')}</button>}
      {/* ended meetings leave "my meetings": their hosts (and admins, for any meeting) find the attendance by number */}
      {member.role !== 'guest' && (
        <section className="panel" data-testid="attendance-lookup">
          <h2>{t('attendanceByNumber')}</h2>
          <AttendanceByNumber />
        </section>
      )}
      {scheduling && <ScheduleForm onClose={() => setScheduling(false)} onCreated={(m) => { setScheduling(false); setItems((old) => [m, ...(old ?? [])]); }} />}
    </div>
  );
}

function MeetingRow({ m, onChanged, onSaved }: { m: Meeting; onChanged: () => void; onSaved: (m: Meeting) => void }) {
  const { t, lang } = useI18n();
  const { member } = useSession();
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const { error, capture } = useFormError();
  const mine = m.hostId === member.id;
  const status = m.status === 'live' ? t('meetingLive') : m.status === 'ended' ? t('meetingEnded') : t('scheduled');
  const copy = () => navigator.clipboard?.writeText(inviteText(m, lang)).then(() => setCopied(true), () => setCopied(false));
  const cancel = async () => {
    setConfirming(false);
    try {
      await meetingApi.cancel(m.id);
      onChanged();
    } catch (e) {
      capture(e);
    }
  };
  return (
    <div className="meeting-item" data-testid="meeting-item" data-meeting-id={m.id} data-number={m.number}>
      <div className="meeting-item-main">
        <div className="meeting-item-title">
          <strong data-testid="meeting-item-title">{m.title}</strong>
          <span className={`status-tag ${m.status}`}>{status}</span>
          {m.kind !== 'scheduled' && <span className="muted small">{t(`kind_${m.kind}`)}</span>}
        </div>
        <div className="muted small">
          {t('meetingNumber')}: <span data-testid="meeting-item-number">{formatNumber(m.number)}</span>
          {m.startAt && <> · {formatTime(m.startAt, lang)}</>}
          {m.durationMinutes ? <> · {t('minutes', { n: m.durationMinutes })}</> : null}
          {m.passcode && <> · {t('passcode')}: {m.passcode}</>}
          {mine && <> · {t('hostedByYou')}</>}
        </div>
        <Banner error={error} />
      </div>
      <div className="meeting-item-actions">
        {m.status !== 'ended' && (
          <button className="primary" data-testid="meeting-start" onClick={() => navigate(`/join/${m.number}`)}>
            {mine && m.status !== 'live' ? t('startMeeting') : t('joinMeeting')}
          </button>
        )}
        <button className="link" data-testid="meeting-copy-invite" onClick={copy}>{copied ? t('copied') : t('copyInvite')}</button>
        {m.status !== 'ended' && <ShareToChatButton m={m} />}
        {m.kind === 'scheduled' && <button className="link" data-testid="meeting-ics" onClick={() => meetingApi.downloadIcs(m).catch(capture)}>{t('downloadIcs')}</button>}
        {canEdit(m, member.id) && <button className="link" data-testid="meeting-edit" onClick={() => setEditing(true)}>{t('editMeeting')}</button>}
        {(mine || isAdmin(member)) && <AttendanceButton m={m} />}
        {mine && m.kind !== 'personal' && m.status === 'scheduled' && (
          <button className="link danger" data-testid="meeting-cancel" onClick={() => setConfirming(true)}>{t('cancelMeeting')}</button>
        )}
      </div>
      {editing && <EditMeetingDialog m={m} onClose={() => setEditing(false)} onSaved={(saved) => { setEditing(false); onSaved(saved); }} />}
      {confirming && (
        <Modal title={t('cancelMeeting')} onClose={() => setConfirming(false)}>
          <p>{t('cancelMeetingConfirm', { title: m.title })}</p>
          <div className="buttons">
            <button onClick={() => setConfirming(false)}>{t('close')}</button>
            <button className="danger-button" data-testid="meeting-cancel-confirm" onClick={cancel}>{t('cancelMeeting')}</button>
          </div>
        </Modal>
      )}
    </div>
  );
}

function JoinByNumber() {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = parseNumber(value);
    if (!n) { setInvalid(true); return; }
    navigate(`/join/${n}`);
  };
  return (
    <form className="join-by-number" onSubmit={submit} noValidate>
      <input value={value} inputMode="numeric" placeholder={t('joinByNumberPlaceholder')} aria-label={t('joinByNumber')} data-testid="join-number-input"
        aria-invalid={invalid} onChange={(e) => { setInvalid(false); setValue(/^[\d\s]*$/.test(e.target.value) ? formatTyping(e.target.value) : e.target.value); }} />
      <button data-testid="join-number-submit">{t('joinMeeting')}</button>
      {invalid && <small className="field-error" role="alert" data-testid="join-number-invalid">{t('invalidMeetingNumber')}</small>}
    </form>
  );
}

function nextHalfHour(): Date {
  const d = new Date(Date.now() + 30 * 60_000);
  d.setMinutes(d.getMinutes() < 30 ? 30 : 60, 0, 0);
  return d;
}

const SETTING_TEST_IDS: Record<keyof MeetingSettings, string> = {
  allowGuests: 'schedule-allow-guests', waitingRoom: 'schedule-waiting-room', muteOnEntry: 'schedule-mute-on-entry', allowSelfUnmute: 'schedule-allow-self-unmute',
};

function ScheduleForm({ onClose, onCreated }: { onClose: () => void; onCreated: (m: Meeting) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ title: '', start: toLocalInput(nextHalfHour()), duration: '60', passcode: '' });
  const [settings, setSettings] = useState<MeetingSettings>(DEFAULT_SETTINGS);
  const [busy, setBusy] = useState(false);
  const [keys] = useState(() => new IdempotencyKeys());
  const { error, capture, setError } = useFormError();
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const startAt = fromLocalInput(form.start);
    const duration = Number(form.duration);
    if (!form.title.trim()) return setError({ field: 'title', message: t('err_required') });
    if (!startAt) return setError({ field: 'startAt', message: t('err_required') });
    if (!Number.isInteger(duration) || duration < 1) return setError({ field: 'durationMinutes', message: t('err_out_of_range') });
    if (!isValidPasscode(form.passcode)) return setError({ field: 'passcode', message: t('err_invalid_passcode') });
    const body = { title: form.title.trim(), startAt, durationMinutes: duration, passcode: form.passcode || null, settings };
    setBusy(true);
    setError(null);
    try {
      const m = await meetingApi.create(body, keys.keyFor(body));
      keys.done();
      onCreated(m);
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('scheduleMeeting')} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="schedule-form">
        <Banner error={error} fields={['title', 'startAt', 'durationMinutes', 'passcode']} />
        <Field label={t('meetingTitle')} name="title" value={form.title} onChange={set('title')} error={error} testId="schedule-title" required />
        <Field label={t('meetingStart')} name="startAt" type="datetime-local" value={form.start} onChange={set('start')} error={error} testId="schedule-start" />
        <Field label={t('meetingDuration')} name="durationMinutes" type="number" value={form.duration} onChange={set('duration')} error={error} testId="schedule-duration" />
        <Field label={t('meetingPasscode')} name="passcode" value={form.passcode} onChange={set('passcode')} error={error} testId="schedule-passcode" autoComplete="off" />
        <fieldset className="settings">
          <legend>{t('meetingSettings')}</legend>
          {SETTING_KEYS.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={settings[k]} data-testid={SETTING_TEST_IDS[k]} onChange={(e) => setSettings({ ...settings, [k]: e.target.checked })} />
              {t(`setting_${k}`)}
            </label>
          ))}
        </fieldset>
        <div className="buttons">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button className="primary" disabled={busy} data-testid="schedule-submit">{t('scheduleMeeting')}</button>
        </div>
      </form>
    </Modal>
  );
}
