// The notices I sent, newest first, each with how many have confirmed (moving live).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { Banner, formatTime, useFormError } from '../ui';
import { useConfirmations, useResync } from './context';
import { noticeApi } from './noticeApi';
import { countConfirmation, mergeSent, percent } from './progress';
import type { ConfirmedPush, UrgentNotice } from './types';

export function useSentNotices() {
  const [items, setItems] = useState<UrgentNotice[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const { error, capture, setError } = useFormError();
  const generation = useRef(0);
  const load = async (more: boolean) => {
    const gen = more ? generation.current : ++generation.current;
    setLoading(true);
    try {
      const page = await noticeApi.sent(more ? cursor : null);
      if (gen !== generation.current) return;
      // a notice sent while the page loaded is already in the list: keep each once, newest first
      setItems((held) => mergeSent(held, page.items));
      setCursor(page.nextCursor);
      setLoaded(true);
      setError(null);
    } catch (e) {
      capture(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => { load(false); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useConfirmations(useCallback((p: ConfirmedPush) => setItems((list) => countConfirmation(list, p)), []));
  useResync(useCallback(() => { load(false); }, [])); // eslint-disable-line react-hooks/exhaustive-deps
  const prepend = (n: UrgentNotice) => setItems((list) => [n, ...list.filter((x) => x.id !== n.id)]);
  return { items, cursor, loaded, loading, error, loadMore: () => load(true), prepend };
}

export function SentNotices({ sent }: { sent: ReturnType<typeof useSentNotices> }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel sent-notices">
      <h2>{t('sentNotices')}</h2>
      <Banner error={sent.error} />
      {sent.loaded && sent.items.length === 0 && <p className="muted" data-testid="no-sent-notices">{t('noSentNotices')}</p>}
      <ul className="notice-list">
        {sent.items.map((n) => (
          <li key={n.id} data-testid="sent-notice" data-notice-id={n.id} className="clickable"
            onClick={() => navigate(`/notices/${n.id}`)}>
            <a href={`/notices/${n.id}`} className="notice-list-text" onClick={(e) => e.preventDefault()}>{n.text}</a>
            <div className="notice-list-meta">
              <span className="muted small">{formatTime(n.createdAt, lang)}</span>
              <span className={`small${n.confirmedCount >= n.recipientCount ? ' done' : ''}`} data-testid="sent-notice-progress">
                {t('confirmedOf', { confirmed: n.confirmedCount, total: n.recipientCount })}
              </span>
            </div>
            <ProgressBar confirmed={n.confirmedCount} total={n.recipientCount} small />
          </li>
        ))}
      </ul>
      {sent.cursor && <button onClick={sent.loadMore} disabled={sent.loading}>{t('loadMore')}</button>}
    </section>
  );
}

export function ProgressBar({ confirmed, total, small }: { confirmed: number; total: number; small?: boolean }) {
  const { t } = useI18n();
  const pct = percent(confirmed, total);
  return (
    <div className={`progress${small ? ' small' : ''}`} role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={confirmed}
      aria-valuetext={t('confirmedOf', { confirmed, total })} data-testid="notice-progress-bar">
      <div className={`progress-fill${pct === 100 ? ' done' : ''}`} style={{ width: `${pct}%` }} />
    </div>
  );
}
