// Invitation links and codes: create with a role and an expiry, copy, revoke.
import { useEffect, useState, type FormEvent } from 'react';
import { api, type Invitation, type Role } from '../api';
import { useI18n } from '../i18n';
import { Banner, CopyButton, formatTime, useFormError } from '../ui';

export function InvitationsAdmin() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<Invitation[]>([]);
  const [role, setRole] = useState<Role>('member');
  const [hours, setHours] = useState('168');
  const [maxUses, setMaxUses] = useState('');
  const { error, capture, setError } = useFormError();
  const reload = () => api.invitations().then((r) => setItems(r.items), capture);
  useEffect(() => { reload(); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.createInvitation(role, Number(hours), maxUses ? Number(maxUses) : undefined);
      reload();
    } catch (err) {
      capture(err);
    }
  };
  return (
    <section>
      <form className="toolbar" onSubmit={create}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-label={t('role')}>
          {(['member', 'admin', 'guest'] as Role[]).map((r) => <option key={r} value={r}>{t(`role_${r}`)}</option>)}
        </select>
        <label className="inline">{t('expiresInHours')} <input type="number" min={1} value={hours} onChange={(e) => setHours(e.target.value)} /></label>
        <label className="inline">{t('maxUses')} <input type="number" min={1} value={maxUses} onChange={(e) => setMaxUses(e.target.value)} /></label>
        <button className="primary">{t('newInvitation')}</button>
      </form>
      <Banner error={error} />
      <table className="table">
        <thead><tr><th>{t('code')}</th><th>{t('link')}</th><th>{t('role')}</th><th>{t('expires')}</th><th>{t('uses')}</th><th /></tr></thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} className={i.revoked ? 'muted' : ''}>
              <td><code>{i.code}</code> <CopyButton text={i.code} /></td>
              <td className="ellipsis">{i.url} <CopyButton text={i.url} /></td>
              <td>{t(`role_${i.role}`)}</td>
              <td>{formatTime(i.expiresAt, lang)}</td>
              <td>{i.uses}{i.maxUses ? ` / ${i.maxUses}` : ''}</td>
              <td>{i.revoked ? t('revoked') : <button className="link danger" onClick={() => api.revokeInvitation(i.id).then(reload, capture)}>{t('revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
