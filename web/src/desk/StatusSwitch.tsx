// Online / away / offline, with what each means and my load.
import { useState } from 'react';
import { useI18n, type Key } from '../i18n';
import { useDesk, useDeskStore } from './context';
import { AGENT_STATUSES, type AgentStatus } from './types';
import { useDeskError } from './ui';

export function StatusSwitch() {
  const { t } = useI18n();
  const store = useDeskStore();
  const seat = useDesk((s) => s.seat);
  const errorText = useDeskError();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!seat) return null;
  const set = async (status: AgentStatus) => {
    setBusy(true);
    setError(null);
    try {
      await store.setStatus(status);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel desk-status" data-testid="desk-status" data-status={seat.status}>
      <div className="desk-status-row">
        <strong>{t('desk_myStatus')}</strong>
        <span className="muted small">{t('desk_load', { active: seat.active, max: seat.maxConcurrent })}</span>
      </div>
      <div className="segmented" role="radiogroup" aria-label={t('desk_myStatus')}>
        {AGENT_STATUSES.map((s) => (
          <button key={s} role="radio" aria-checked={seat.status === s} className={`seg ${s}${seat.status === s ? ' on' : ''}`} disabled={busy}
            data-testid={`desk-status-${s}`} onClick={() => seat.status !== s && set(s)}>{t(`desk_status_${s}` as Key)}</button>
        ))}
      </div>
      <div className="muted small">{t(`desk_statusHint_${seat.status}` as Key)}</div>
      {error && <div className="banner error" role="alert">{error}</div>}
    </section>
  );
}
