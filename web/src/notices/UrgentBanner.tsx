// The red banner on top of every page: each urgent notice I have not confirmed, with its sender,
// its text and a button to confirm. It stays until I confirm (here or on another device).
import { useContext, useEffect, useRef } from 'react';
import { problemText, useI18n } from '../i18n';
import { useNames } from '../chat/names';
import { formatTime } from '../ui';
import type { BannerItem } from './banner';
import { NoticesContext, useBanner } from './context';

let baseTitle: string | null = null;

export function UrgentBanner() {
  const center = useContext(NoticesContext);
  const { items } = useBanner();
  const { t } = useI18n();
  // a background tab shows it in its title too
  useEffect(() => {
    if (baseTitle === null) baseTitle = document.title;
    document.title = items.length ? `${t('urgentTitle', { n: items.length })} ${baseTitle}` : baseTitle;
  }, [items.length, t]);
  useEffect(() => () => { if (baseTitle !== null) document.title = baseTitle; }, []);
  if (!center || !items.length) return null;
  return (
    <section className="urgent-banner" role="alert" aria-atomic="false" aria-label={t('urgentNotices')} data-testid="urgent-banner">
      {items.map((i) => <UrgentItem key={i.notice.id} item={i} onConfirm={() => center.confirm(i.notice.id)} />)}
    </section>
  );
}

function UrgentItem({ item, onConfirm }: { item: BannerItem; onConfirm: () => void }) {
  const { t, lang } = useI18n();
  const { name } = useNames();
  const ref = useRef<HTMLDivElement>(null);
  const n = item.notice;
  // each arrival (and every re-notification) flashes it again
  useEffect(() => {
    if (!item.alerts) return;
    ref.current?.animate?.([{ backgroundColor: '#fff3b0' }, { backgroundColor: 'transparent' }], { duration: 700, iterations: 3 });
  }, [item.alerts]);
  return (
    <div ref={ref} className={`urgent-item${n.renotified ? ' renotified' : ''}`} data-testid="urgent-item" data-notice-id={n.id} data-alerts={item.alerts}>
      <span className="urgent-tag">{n.renotified ? t('urgentAgain') : t('urgentTag')}</span>
      <div className="urgent-body">
        <div className="urgent-meta">
          <strong data-testid="urgent-sender">{name(n.senderId)}</strong> <span className="small">{formatTime(n.createdAt, lang)}</span>
        </div>
        <div className="urgent-text" data-testid="urgent-text">{n.text}</div>
        {item.error && <div className="urgent-error small" data-testid="urgent-error">
          {item.error.code === 'network_error' ? t('networkError') : problemText(lang, item.error.code, item.error.detail, item.error.extra)}
        </div>}
      </div>
      <button className="urgent-confirm" disabled={item.confirming} onClick={onConfirm} data-testid="urgent-confirm">
        {item.confirming ? t('confirming') : t('confirmReceipt')}
      </button>
    </div>
  );
}
