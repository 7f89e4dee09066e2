// My account: profile, devices (sign out one or all), password.
import { useEffect, useState, type FormEvent } from 'react';
import { api, type Session } from './api';
import { useI18n } from './i18n';
import { useSession } from './session';
import { Banner, Field, Notice, formatTime, useFormError } from './ui';

export function AccountPage() {
  const { t, lang } = useI18n();
  const { member, org, signOut, refresh } = useSession();
  const [sessions, setSessions] = useState<Session[]>([]);
  const [pw, setPw] = useState({ currentPassword: '', newPassword: '' });
  const [changed, setChanged] = useState(false);
  const { error, capture, setError } = useFormError();
  const reload = () => api.sessions().then((r) => setSessions(r.items), capture);
  useEffect(() => { reload(); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const change = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.changePassword(pw.currentPassword, pw.newPassword);
      setChanged(true);
      refresh();
      setPw({ currentPassword: '', newPassword: '' });
      reload();
    } catch (err) {
      capture(err);
    }
  };
  return (
    <div className="columns">
      <section className="panel">
        <h2>{t('profile')}</h2>
        <dl>
          <dt>{t('name')}</dt><dd>{member.name}</dd>
          <dt>{t('email')}</dt><dd>{member.email}</dd>
          <dt>{t('role')}</dt><dd>{t(`role_${member.role}`)}</dd>
          <dt>{t('plan')}</dt><dd>{org.plan.name} · {t('quotaMembers', { used: org.usage.members ?? 0, limit: org.plan.quotas.members ?? '∞' })}</dd>
        </dl>
        <h2>{t('changePassword')}</h2>
        {changed && <Notice>{t('passwordChanged')}</Notice>}
        <form onSubmit={change}>
          <Banner error={error} fields={['currentPassword', 'newPassword']} />
          <Field label={t('currentPassword')} name="currentPassword" type="password" value={pw.currentPassword} onChange={(v) => setPw({ ...pw, currentPassword: v })} error={error} />
          <Field label={t('newPassword')} name="newPassword" type="password" value={pw.newPassword} onChange={(v) => setPw({ ...pw, newPassword: v })} error={error} />
          <button className="primary">{t('save')}</button>
        </form>
      </section>
      <section className="panel">
        <h2>{t('devices')}</h2>
        <table className="table">
          <thead><tr><th /><th>{t('lastSeen')}</th><th /></tr></thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{s.deviceName ?? '—'} {s.current && <em>({t('thisDevice')})</em>}<div className="muted small">{s.ip} · {s.userAgent?.slice(0, 60)}</div></td>
                <td>{formatTime(s.lastSeenAt, lang)}</td>
                <td>{!s.current && <button className="link" onClick={() => api.revokeSession(s.id).then(reload, capture)}>{t('signOut')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button className="danger-button" onClick={() => api.revokeAllSessions().then(signOut, capture)}>{t('signOutEverywhere')}</button>
      </section>
    </div>
  );
}
