// The organisation itself: its name, its plan and how much of each quota is used.
import { useState, type FormEvent } from 'react';
import { request, type Org } from '../api';
import { useI18n, type Key } from '../i18n';
import { useSession } from '../session';
import { Banner, Field, Notice, useFormError } from '../ui';

const QUOTA_LABELS: Record<string, Key> = {
  members: 'quota_members', departments: 'quota_departments', invitations: 'quota_invitations',
  meetingCapacity: 'quota_meetingCapacity', agentSeats: 'quota_agentSeats',
};

export function OrganizationAdmin() {
  const { t } = useI18n();
  const { org, refresh } = useSession();
  const [name, setName] = useState(org.name);
  const [saved, setSaved] = useState(false);
  const { error, capture, setError } = useFormError();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await request<Org>('PATCH', '/org', { name });
      await refresh();
      setSaved(true);
    } catch (err) {
      capture(err);
    }
  };
  return (
    <div className="columns">
      <section className="panel">
        <form onSubmit={save}>
          <Banner error={error} fields={['name']} />
          {saved && <Notice>{t('saved')}</Notice>}
          <Field label={t('orgName')} name="name" value={name} onChange={setName} error={error} />
          <button className="primary">{t('save')}</button>
        </form>
      </section>
      <section className="panel">
        <h2>{t('plan')}: {org.plan.name}</h2>
        <table className="table" data-testid="quota-table">
          <tbody>
            {Object.entries(org.plan.quotas).map(([quota, limit]) => (
              <tr key={quota}>
                <td>{QUOTA_LABELS[quota] ? t(QUOTA_LABELS[quota]) : quota}</td>
                <td>{org.usage[quota] !== undefined ? `${org.usage[quota]} / ${limit}` : limit}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{t('planHint')}</p>
      </section>
    </div>
  );
}
