// /desk — the agent's workbench: my status, offers with their countdown, my conversations, my groups'
// queues; the open conversation in the middle with its details beside it.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { ConversationPane } from './ConversationPane';
import { MyConversations, QueuePanel } from './ConversationList';
import { useDesk, useDeskStore } from './context';
import { deskApi } from './deskApi';
import { Offers } from './Offers';
import { StatusSwitch } from './StatusSwitch';
import type { SkillGroup } from './types';
import './desk.css';

/** The skill groups (names for queues, transfers, details). */
export function useGroups(): SkillGroup[] {
  const [groups, setGroups] = useState<SkillGroup[]>([]);
  useEffect(() => { deskApi.groups().then((r) => setGroups(r.items), () => {}); }, []);
  return groups;
}

export function AgentDesk() {
  const { t } = useI18n();
  const store = useDeskStore();
  const checked = useDesk((s) => s.checked);
  const seat = useDesk((s) => s.seat);
  const active = useDesk((s) => s.active);
  const groups = useGroups();
  const groupName = (id: string | undefined) => groups.find((g) => g.id === id)?.name ?? '';
  useEffect(() => () => { store.open(null).catch(() => {}); }, [store]); // leaving the page: nothing is on screen
  if (!checked) return <p className="muted">{t('loading')}</p>;
  if (!seat) return <div className="banner" data-testid="desk-no-seat">{t('desk_noSeat')}</div>;
  return (
    <div className="desk" data-testid="agent-desk">
      <div className="desk-left">
        <StatusSwitch />
        <Offers groupName={groupName} />
        <MyConversations />
        <QueuePanel groups={groups} />
      </div>
      {active ? <ConversationPane key={active} id={active} groups={groups} />
        : <div className="panel desk-empty muted">{t('desk_chooseConversation')}</div>}
    </div>
  );
}
