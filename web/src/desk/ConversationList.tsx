// My conversations (unread marker, state, SLA) and the queues of my groups.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { useDuration, SlaBadge, StateLabel, useNow, visitorTag } from './ui';
import { useDesk, useDeskStore } from './context';
import type { DeskConversation, SkillGroup } from './types';

export function MyConversations() {
  const { t } = useI18n();
  const store = useDeskStore();
  const mine = useDesk((s) => s.mine);
  const conversations = useDesk((s) => s.conversations);
  const unread = useDesk((s) => s.unread);
  const active = useDesk((s) => s.active);
  const logs = useDesk((s) => s.logs);
  const now = useNow(5000);
  const shown = mine.map((id) => conversations[id]).filter((c) => c && c.state !== 'offered');
  return (
    <section className="panel desk-mine">
      <h2>{t('desk_myConversations')}</h2>
      {shown.length === 0 ? <p className="muted small" data-testid="desk-no-conversations">{t('desk_noConversations')}</p> : (
        <ul className="desk-list">
          {shown.map((c) => (
            <li key={c.id} className={`desk-item${c.id === active ? ' active' : ''}`} data-testid="desk-conversation" data-conversation-id={c.id}
              data-state={c.state} onClick={() => store.open(c.id).catch(() => {})}>
              <div className="desk-item-head">
                <strong>{t('desk_visitor', { id: visitorTag(c.visitorId) })}</strong>
                {(unread[c.id] ?? 0) > 0 && <span className="badge" data-testid="desk-unread">{unread[c.id]}</span>}
              </div>
              <div className="desk-item-meta"><StateLabel state={c.state} /> <SlaBadge c={c} now={now} entries={logs[c.id]?.entries} /></div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The queues of my groups: who waits and for how long, asked again when a desk.queue push says it changed. */
export function QueuePanel({ groups }: { groups: SkillGroup[] }) {
  const { t } = useI18n();
  const store = useDeskStore();
  const pushes = useDesk((s) => s.queues);
  const duration = useDuration();
  const now = useNow(5000);
  const [waiting, setWaiting] = useState<Record<string, DeskConversation[]>>({});
  const pushKey = JSON.stringify(pushes);
  useEffect(() => {
    let live = true;
    for (const g of groups) {
      store.queue(g.id).then((items) => { if (live) setWaiting((w) => ({ ...w, [g.id]: items })); }, () => {}); // not my group: left out
    }
    return () => { live = false; };
  }, [groups, store, pushKey]);
  const mine = groups.filter((g) => waiting[g.id]);
  if (mine.length === 0) return null;
  return (
    <section className="panel desk-queues" data-testid="desk-queues">
      <h2>{t('desk_queues')}</h2>
      <ul className="desk-list plain">
        {mine.map((g) => {
          const items = waiting[g.id];
          const oldest = items.reduce((m, c) => Math.min(m, Date.parse(c.queuedAt ?? c.openedAt)), now);
          return (
            <li key={g.id} data-testid="desk-queue" data-group-id={g.id}>
              <strong>{g.name}</strong>{' '}
              {items.length === 0 ? <span className="muted small">{t('desk_queueEmpty')}</span> : (
                <span className="small">{t('desk_queueWaiting', { n: items.length })} · {t('desk_longestWait', { time: duration((now - oldest) / 1000) })}</span>
              )}
              {items.length > 0 && (
                <ul className="desk-waiting">
                  {items.slice(0, 10).map((c) => (
                    <li key={c.id} className="muted small">{t('desk_visitor', { id: visitorTag(c.visitorId) })} · {duration((now - Date.parse(c.queuedAt ?? c.openedAt)) / 1000)}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
