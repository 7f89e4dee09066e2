// Messages visitors left when nobody was there (supervisors and admins), newest first.
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { Banner, formatTime, useFormError } from '../../ui';
import { deskApi } from '../deskApi';
import type { OfflineMessage } from '../types';

export function OfflineMessages() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<OfflineMessage[] | null>(null);
  const { error, capture } = useFormError();
  useEffect(() => { deskApi.offlineMessages().then((r) => setItems(r.items), (e) => { capture(e); setItems([]); }); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section>
      <p className="muted">{t('desk_offlineExplain')}</p>
      <Banner error={error} />
      {items === null ? <p className="muted">{t('loading')}</p> : items.length === 0 ? <p className="muted">{t('desk_noOffline')}</p> : (
        <table className="table">
          <thead><tr><th>{t('name')}</th><th>{t('desk_colContact')}</th><th>{t('desk_colMessage')}</th><th>{t('desk_colReceived')}</th></tr></thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id} data-testid="offline-row">
                <td>{m.name}</td><td className="small">{[m.email, m.phone].filter(Boolean).join(' · ')}</td>
                <td className="pre">{m.text}</td><td className="small">{formatTime(m.createdAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
