// Attendance (host and admins): every session of the meeting as a table with the total
// participant-minutes, and a CSV of it built here (attendance.ts). By number: hosts reach their ended
// meetings (no longer in their list), admins any meeting of the organisation.
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n, type Key } from '../i18n';
import { Banner, Modal, formatTime, useFormError } from '../ui';
import { addPage, attendanceCsv, attendanceFileName, EMPTY_ATTENDANCE, totalMinutes, type Attendance } from './attendance';
import { meetingApi } from './meetingApi';
import { formatTyping, parseNumber } from './number';

/** Pages fetched at most (the server's pages hold up to its limit each). */
const MAX_PAGES = 100;
const REASONS = ['left', 'removed', 'timeout', 'ended', 'node_stopped'];

export interface AttendanceTarget { id: string; number: string; title: string }

export function AttendanceButton({ m }: { m: AttendanceTarget }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="link" data-testid="meeting-attendance" onClick={() => setOpen(true)}>{t('attendance')}</button>
      {open && <AttendanceDialog m={m} onClose={() => setOpen(false)} />}
    </>
  );
}

export function AttendanceDialog({ m, onClose }: { m: AttendanceTarget; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [report, setReport] = useState<Attendance | null>(null);
  const { error, capture } = useFormError();

  useEffect(() => {
    let live = true;
    (async () => {
      let acc = EMPTY_ATTENDANCE;
      let cursor: string | null = null;
      try {
        for (let i = 0; i < MAX_PAGES; i++) {
          const page = await meetingApi.attendance(m.id, cursor);
          acc = addPage(acc, page);
          cursor = page.nextCursor ?? null;
          if (!cursor) break;
        }
        if (live) setReport(acc);
      } catch (e) {
        if (live) { capture(e); setReport(acc.items.length ? acc : null); }
      }
    })();
    return () => { live = false; };
  }, [m.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const download = () => {
    if (!report) return;
    const csv = attendanceCsv(report.items, {
      participant: t('att_participant'), guest: t('att_guest'), joined: t('att_joined'), left: t('att_left'),
      minutes: t('att_minutes'), reason: t('att_reason'), total: t('att_total'), yes: t('att_yes'),
    });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = attendanceFileName(m.number);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const reason = (r: string | null) => (r && REASONS.includes(r) ? t(`reason_${r}` as Key) : r ?? '');

  return (
    <Modal title={t('attendanceTitle', { title: m.title })} onClose={onClose}>
      <div className="attendance" data-testid="attendance-dialog">
        <Banner error={error} />
        {report === null ? (!error && <p className="muted">{t('loading')}</p>)
          : report.items.length === 0 ? <p className="muted" data-testid="attendance-empty">{t('attendanceNone')}</p>
          : (
            <>
              <p className="muted small">{t('att_runs', { n: report.runs.length })}</p>
              <div className="attendance-scroll">
                <table className="table" data-testid="attendance-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('att_participant')}</th>
                      <th scope="col">{t('att_joined')}</th>
                      <th scope="col">{t('att_left')}</th>
                      <th scope="col">{t('att_minutes')}</th>
                      <th scope="col">{t('att_reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.items.map((i) => (
                      <tr key={i.id} data-testid="attendance-row">
                        <td>{i.displayName}{i.guest && <span className="muted small"> ({t('att_guest')})</span>}</td>
                        <td>{formatTime(i.joinedAt, lang)}</td>
                        <td>{i.leftAt ? formatTime(i.leftAt, lang) : t('att_stillIn')}</td>
                        <td className="num">{i.participantMinutes}</td>
                        <td>{reason(i.reason)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={3}>{t('att_total')}</th>
                      <td className="num" data-testid="attendance-total">{totalMinutes(report.items)}</td>
                      <td />
                    </tr>
                  </tfoot>
                </table>
              </div>
            </>
          )}
        <div className="buttons">
          <button onClick={onClose}>{t('close')}</button>
          <button className="primary" disabled={!report || report.items.length === 0} data-testid="attendance-csv" onClick={download}>{t('downloadCsv')}</button>
        </div>
      </div>
    </Modal>
  );
}

/** The attendance of a meeting found by its number (the server says when it is not mine to see). */
export function AttendanceByNumber() {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [target, setTarget] = useState<AttendanceTarget | null>(null);
  const { error, capture, setError } = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = parseNumber(value);
    if (!n) return setError({ field: 'number', message: t('invalidMeetingNumber') });
    setError(null);
    try {
      const found = await meetingApi.lookup(n);
      setTarget({ id: found.id, number: n, title: found.title });
    } catch (err) {
      capture(err);
    }
  };
  return (
    <form className="attendance-by-number" onSubmit={submit} noValidate>
      <input value={value} inputMode="numeric" placeholder={t('joinByNumberPlaceholder')} aria-label={t('attendanceByNumber')}
        data-testid="attendance-number-input" aria-invalid={!!error}
        onChange={(e) => { setError(null); setValue(/^[\d\s]*$/.test(e.target.value) ? formatTyping(e.target.value) : e.target.value); }} />
      <button data-testid="attendance-number-submit">{t('attendance')}</button>
      {error && <small className="field-error" role="alert" data-testid="attendance-number-error">{error.message}</small>}
      {target && <AttendanceDialog m={target} onClose={() => setTarget(null)} />}
    </form>
  );
}
