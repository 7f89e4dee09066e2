// The audit trail, newest first.
import { useEffect, useState } from 'react';
import { api, type AuditEntry } from '../api';
import { useI18n } from '../i18n';
import { Banner, formatTime, useFormError } from '../ui';

export function AuditAdmin() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const { error, capture } = useFormError();
  const load = (after: string | null) => api.audit(after).then((p) => {
    setItems((prev) => (after ? [...prev, ...p.items] : p.items));
    setCursor(p.nextCursor);
  }, capture);
  useEffect(() => { load(null); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section>
      <Banner error={error} />
      <table className="table">
        <thead><tr><th>{t('when')}</th><th>{t('who')}</th><th>{t('action')}</th><th>{t('target')}</th><th /></tr></thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>{formatTime(e.at, lang)}</td>
              <td>{e.actorName ?? '—'}</td>
              <td><code>{e.action}</code></td>
              <td>{e.targetType}</td>
              <td className="muted small">{Object.entries(e.details).map(([k, v]) => `${k}: ${String(v)}`).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor && <button onClick={() => load(cursor)}>{t('loadMore')}</button>}
    </section>
  );
}
