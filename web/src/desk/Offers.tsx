// Conversations offered to me: accept or decline before the offer lapses (the countdown to expiresAt).
import { useMemo, useState } from 'react';
import { en, useI18n, type Key } from '../i18n';
import { useDesk, useDeskStore } from './context';
import { liveOffers } from './deskState';
import { secondsUntil } from './sla';
import type { Offer } from './types';
import { useDeskError, useNow, visitorTag } from './ui';

export function Offers({ groupName }: { groupName: (id: string | undefined) => string }) {
  const { t } = useI18n();
  const offers = useDesk((s) => s.offers);
  const conversations = useDesk((s) => s.conversations);
  const now = useNow(500);
  const live = useMemo(() => liveOffers(offers, now), [offers, now]);
  if (live.length === 0) return null;
  return (
    <section className="panel desk-offers" data-testid="desk-offers">
      <h2>{t('desk_offers')}</h2>
      {live.map((o) => <OfferCard key={o.conversationId} o={o} now={now} visitorId={conversations[o.conversationId]?.visitorId} groupName={groupName} />)}
    </section>
  );
}

function OfferCard({ o, now, visitorId, groupName }: { o: Offer; now: number; visitorId?: string; groupName: (id: string | undefined) => string }) {
  const { t } = useI18n();
  const store = useDeskStore();
  const errorText = useDeskError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const left = secondsUntil(o.expiresAt, now);
  const act = async (accept: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (accept) await store.accept(o.conversationId);
      else await store.decline(o.conversationId);
    } catch (e) {
      setError(errorText(e));
      store.refreshMine().catch(() => {});
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="offer" data-testid="desk-offer" data-conversation-id={o.conversationId}>
      <div>
        <strong>{visitorId ? t('desk_visitor', { id: visitorTag(visitorId) }) : t('desk_visitorSender')}</strong>
        <span className="muted small"> · {groupName(o.groupId)}{o.reason && `desk_reason_${o.reason}` in en && ` · ${t(`desk_reason_${o.reason}` as Key)}`}</span>
      </div>
      <div className={`offer-countdown${left <= 10 ? ' danger' : ''}`} data-testid="desk-offer-countdown">{t('desk_offerExpires', { s: left })}</div>
      <div className="offer-buttons">
        <button className="primary" disabled={busy} data-testid="desk-offer-accept" onClick={() => act(true)}>{t('desk_accept')}</button>
        <button disabled={busy} data-testid="desk-offer-decline" onClick={() => act(false)}>{t('desk_decline')}</button>
      </div>
      {error && <div className="banner error" role="alert">{error}</div>}
    </div>
  );
}
