// Sending an urgent notice: the text, people (directory search) and whole departments. Sent with an
// Idempotency-Key, so a double click or a retry after a lost answer sends it once.
import { useRef, useState, type FormEvent } from 'react';
import type { Member } from '../api';
import { MemberPicker } from '../chat/MemberPicker';
import { useDepartments } from '../directory';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { Banner, Notice, useFormError } from '../ui';
import { DepartmentPicker, topmost } from './DepartmentPicker';
import { IdempotencyKeys } from './idempotency';
import { noticeApi } from './noticeApi';
import type { UrgentNotice } from './types';

export function SendNoticeForm({ onSent }: { onSent: (n: UrgentNotice) => void }) {
  const { t } = useI18n();
  const { member } = useSession();
  const { departments } = useDepartments();
  const [text, setText] = useState('');
  const [people, setPeople] = useState<Member[]>([]);
  const [depts, setDepts] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<UrgentNotice | null>(null);
  const { error, capture, setError } = useFormError();
  const keys = useRef(new IdempotencyKeys());
  const inFlight = useRef(false);

  if (member.role === 'guest') return <p className="muted" data-testid="notice-guest">{t('guestsCannotSend')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return; // the key would make a second request harmless; this spares the request
    if (!people.length && !depts.length) { setError({ field: 'memberIds', message: t('pickRecipients') }); return; }
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setSent(null);
    const body = { text: text.trim(), memberIds: people.map((p) => p.id), departmentIds: topmost(departments, depts) };
    try {
      const n = await noticeApi.send(body, keys.current.keyFor(body));
      keys.current.done();
      setSent(n);
      setText('');
      setPeople([]);
      setDepts([]);
      onSent(n);
    } catch (err) {
      capture(err); // the key stays: sending the same again cannot send twice
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  const textError = error?.field === 'text' ? error.message : null;
  return (
    <form className="panel notice-form" onSubmit={submit} noValidate data-testid="notice-form">
      <h2>{t('newUrgentNotice')}</h2>
      <p className="muted small">{t('urgentExplain')}</p>
      {sent && (
        <Notice>
          <span data-testid="notice-sent">{t('urgentSent', { n: sent.recipientCount })}</span>{' '}
          <a href={`/notices/${sent.id}`} onClick={(e) => { e.preventDefault(); navigate(`/notices/${sent.id}`); }}>{t('viewProgress')}</a>
        </Notice>
      )}
      <Banner error={error} fields={['text']} />
      <label className={`field${textError ? ' has-error' : ''}`}>
        <span>{t('noticeText')}</span>
        {/* one paragraph: the server refuses line breaks in a notice */}
        <textarea name="text" rows={3} value={text} data-testid="notice-text" aria-invalid={!!textError}
          onChange={(e) => setText(e.target.value.replace(/[\r\n]+/g, ' '))}
          onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }} />
        {textError && <small className="field-error" role="alert">{textError}</small>}
      </label>
      <h3 className="small muted">{t('noticePeople')}</h3>
      <MemberPicker selected={people} onChange={setPeople} exclude={new Set([member.id])} />
      <h3 className="small muted">{t('noticeDepartments')}</h3>
      <DepartmentPicker departments={departments} selected={depts} onChange={setDepts} />
      <div className="buttons">
        <span className="muted small" data-testid="notice-selection">{t('noticeSelection', { people: people.length, departments: topmost(departments, depts).length })}</span>
        <button className="danger-button" disabled={busy} data-testid="notice-send">{t('sendUrgent')}</button>
      </div>
    </form>
  );
}
