// One notice I sent: the confirmations arriving live (progress bar, who has and who has not
// confirmed) and notifying the rest again, at most once a minute.
import { useCallback, useEffect, useReducer, useState } from 'react';
import { ApiError } from '../api';
import { useNames } from '../chat/names';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { Banner, Notice, formatTime, useFormError } from '../ui';
import { useConfirmations, useResync } from './context';
import { noticeApi } from './noticeApi';
import { initialProgress, progressReducer, secondsLeft, type RecipientList } from './progress';
import { ProgressBar } from './SentNotices';
import { RENOTIFY_INTERVAL_S, type ConfirmedPush, type RecipientState } from './types';

export function NoticeDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { member: me } = useSession();
  const [p, dispatch] = useReducer(progressReducer, id, initialProgress);
  const load = useFormError();
  const [gone, setGone] = useState(false);

  // subscribed before loading, so no confirmation falls between the load and the subscription
  useConfirmations(useCallback((push: ConfirmedPush) => dispatch({ type: 'pushed', push }), []));
  const page = useCallback(async (state: RecipientState, cursor: string | null) => {
    const r = await noticeApi.recipients(id, state, cursor);
    dispatch({ type: 'page', state, ids: r.items, cursor: r.nextCursor, append: cursor !== null });
  }, [id]);
  const reload = useCallback(() => {
    noticeApi.get(id).then((notice) => dispatch({ type: 'notice', notice }), (e) => {
      if (e instanceof ApiError && e.code === 'no_such_notice') setGone(true);
      load.capture(e);
    });
    page('unconfirmed', null).catch(load.capture);
    page('confirmed', null).catch(load.capture);
  }, [id, page]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(reload, [reload]);
  useResync(reload);

  const n = p.notice;
  const back = (
    <a href="/notices" data-testid="notice-back" onClick={(e) => { e.preventDefault(); navigate('/notices'); }}>{t('backToNotices')}</a>
  );
  if (gone || (!n && load.error)) return <div>{back}<Banner error={load.error} /></div>;
  if (!n) return <div>{back}<p className="muted">{t('loading')}</p></div>;
  const waiting = Math.max(0, p.recipientCount - p.confirmedCount);
  return (
    <div className="notice-detail" data-testid="notice-detail">
      {back}
      <section className="panel">
        <div className="notice-detail-text" data-testid="notice-detail-text">{n.text}</div>
        <div className="muted small">{formatTime(n.createdAt, lang)}</div>
        <div className="notice-progress">
          <span data-testid="notice-progress">{t('confirmedOf', { confirmed: p.confirmedCount, total: p.recipientCount })}</span>
          <ProgressBar confirmed={p.confirmedCount} total={p.recipientCount} />
        </div>
        <Banner error={load.error} />
        {waiting === 0 ? <Notice><span data-testid="notice-all-confirmed">{t('allConfirmed')}</span></Notice>
          : n.senderId === me.id && <Renotify id={id} />}
      </section>
      <div className="columns">
        <People title={t('unconfirmedList', { n: waiting })} list={p.unconfirmed} testId="notice-unconfirmed"
          onMore={() => page('unconfirmed', p.unconfirmed.cursor).catch(load.capture)} />
        <People title={t('confirmedList', { n: p.confirmedCount })} list={p.confirmed} testId="notice-confirmed"
          onMore={() => page('confirmed', p.confirmed.cursor).catch(load.capture)} />
      </div>
    </div>
  );
}

function People({ title, list, testId, onMore }: { title: string; list: RecipientList; testId: string; onMore: () => void }) {
  const { t } = useI18n();
  const { name } = useNames();
  return (
    <section className="panel" data-testid={testId}>
      <h3>{title}</h3>
      {list.loaded && list.ids.length === 0 && <p className="muted small">{t('nobodyYet')}</p>}
      <ul className="receipt-members">
        {list.ids.map((id) => <li key={id} data-testid="notice-person" data-member-id={id}>{name(id)}</li>)}
      </ul>
      {list.cursor && <button onClick={onMore}>{t('loadMore')}</button>}
    </section>
  );
}

/** "Notify the rest again": disabled with a countdown while the server says to wait. */
function Renotify({ id }: { id: string }) {
  const { t } = useI18n();
  const { error, capture, setError } = useFormError();
  const [until, setUntil] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const left = secondsLeft(until, now);
  useEffect(() => {
    if (!left) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [left > 0]); // eslint-disable-line react-hooks/exhaustive-deps
  const notify = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await noticeApi.renotify(id);
      setDone(r.notified);
      setUntil(Date.now() + RENOTIFY_INTERVAL_S * 1000);
      setNow(Date.now());
    } catch (e) {
      if (e instanceof ApiError && e.code === 'renotify_too_soon') {
        // not an error to dwell on: the button counts down to when the server allows it (plus a second:
        // the server rounds retryAfterSeconds down, so at exactly that time it may still refuse)
        setUntil(Date.now() + (Math.max(1, Number(e.extra.retryAfterSeconds) || RENOTIFY_INTERVAL_S) + 1) * 1000);
        setNow(Date.now());
      } else {
        capture(e);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="renotify">
      <button className="primary" disabled={busy || left > 0} onClick={notify} data-testid="notice-renotify">
        {left > 0 ? t('notifyAgainIn', { s: left }) : t('notifyAgain')}
      </button>
      {done !== null && <span className="ok small" data-testid="notice-renotified">{t('notifiedAgain', { n: done })}</span>}
      {left > 0 && done === null && <span className="muted small" data-testid="notice-renotify-wait">{t('err_renotify_too_soon')}</span>}
      <Banner error={error} />
    </div>
  );
}
