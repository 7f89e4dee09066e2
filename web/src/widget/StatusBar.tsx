// Where the visitor stands: waiting in the queue (place and estimated wait), being connected.
import { useWidget, useWidgetState } from './context';
import { waitText } from './strings';

export function StatusBar() {
  const { t, lang } = useWidget();
  const s = useWidgetState();
  const state = s.conversation?.state;
  if (state === 'offered') return <div className="w-status" data-testid="widget-status" role="status">{t('offered')}</div>;
  if (state !== 'queued' || !s.queue) return null;
  return (
    <div className="w-status" data-testid="widget-status" role="status">
      <strong>{t('queued')}</strong>
      {s.queue.position !== undefined && <span data-testid="queue-position"> {t('queuePosition', { n: s.queue.position })}</span>}
      {s.queue.etaSeconds !== undefined && <span data-testid="queue-eta"> {t('queueEta', { time: waitText(lang, s.queue.etaSeconds) })}</span>}
    </div>
  );
}
