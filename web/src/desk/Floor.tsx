// /desk-floor — supervisors and admins: every group's queue and every agent's status and load (the
// floor, asked again every few seconds and when a queue push says something moved), every conversation
// by state with its CSAT and tags, and stepping into one (read, join, take over).
import { useCallback, useEffect, useState } from 'react';
import { useNames } from '../chat/names';
import { useI18n, type Key } from '../i18n';
import { isAdmin, useSession } from '../session';
import { formatTime } from '../ui';
import { ConversationPane } from './ConversationPane';
import { useDesk, useDeskStore } from './context';
import { deskApi } from './deskApi';
import { useGroups } from './AgentDesk';
import { CONVERSATION_STATES, isOpenState, type DeskConversation, type Floor as FloorData, type SkillGroup } from './types';
import { StateLabel, useDeskError, useDuration, visitorTag } from './ui';
import './desk.css';

const FLOOR_POLL_MS = 5_000;

export function SupervisorFloor() {
  const { t } = useI18n();
  const { member } = useSession();
  const checked = useDesk((s) => s.checked);
  const seat = useDesk((s) => s.seat);
  const groups = useGroups();
  const [selected, setSelected] = useState<string | null>(null);
  if (!checked) return <p className="muted">{t('loading')}</p>;
  if (!isAdmin(member) && !seat?.supervisor) return <div className="banner" data-testid="floor-forbidden">{t('desk_supervisorsOnly')}</div>;
  return (
    <div className="desk-floor" data-testid="supervisor-floor">
      <FloorTables groups={groups} />
      <ConversationsTable groups={groups} onOpen={setSelected} />
      {selected && <ConversationPane key={selected} id={selected} groups={groups} onClose={() => setSelected(null)} />}
    </div>
  );
}

function FloorTables({ groups }: { groups: SkillGroup[] }) {
  const { t, lang } = useI18n();
  const { name } = useNames();
  const store = useDeskStore();
  const duration = useDuration();
  const errorText = useDeskError();
  const queuePushes = useDesk((s) => s.queues);
  const [floor, setFloor] = useState<FloorData | null>(null);
  const [at, setAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    store.floor().then((f) => { setFloor(f); setAt(new Date().toISOString()); setError(null); }, (e) => setError(errorText(e)));
  }, [store]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    load();
    const timer = setInterval(load, FLOOR_POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  useEffect(() => { load(); }, [queuePushes, load]);
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? floor?.groups.find((g) => g.groupId === id)?.name ?? '';
  return (
    <>
      {error && <div className="banner error" role="alert">{error}</div>}
      <div className="columns">
        <section>
          <h2>{t('desk_floorGroups')}</h2>
          <table className="table" data-testid="floor-groups">
            <thead><tr><th>{t('desk_colGroup')}</th><th>{t('desk_colWaiting')}</th><th>{t('desk_colLongest')}</th><th>{t('desk_colOnline')}</th><th>{t('desk_colFree')}</th></tr></thead>
            <tbody>
              {floor?.groups.map((g) => (
                <tr key={g.groupId} data-testid="floor-group" data-group-id={g.groupId}>
                  <td>{g.name}</td><td data-testid="floor-waiting">{g.waiting}</td><td>{g.waiting ? duration(g.longestWaitSeconds) : t('desk_none')}</td>
                  <td>{g.agentsOnline}</td><td>{g.freeSlots}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t('desk_floorAgents')}</h2>
          <table className="table" data-testid="floor-agents">
            <thead><tr><th>{t('desk_colAgent')}</th><th>{t('desk_colStatus')}</th><th>{t('desk_colLoad')}</th><th>{t('desk_colGroups')}</th></tr></thead>
            <tbody>
              {floor?.agents.map((a) => (
                <tr key={a.memberId} data-testid="floor-agent" data-member-id={a.memberId} data-status={a.status}>
                  <td>{name(a.memberId)} {a.supervisor && <span className="role-tag">{t('desk_supervisor')}</span>}</td>
                  <td><span className={`dot ${a.status}`} /> {t(`desk_status_${a.status}` as Key)}</td>
                  <td>{a.active} / {a.maxConcurrent}</td>
                  <td className="small">{a.groupIds.map(groupName).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      {at && <p className="muted small">{t('desk_updated', { time: formatTime(at, lang) })}</p>}
    </>
  );
}

function ConversationsTable({ groups, onOpen }: { groups: SkillGroup[]; onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { name } = useNames();
  const store = useDeskStore();
  const seat = useDesk((s) => s.seat);
  const errorText = useDeskError();
  const [state, setState] = useState('');
  const [items, setItems] = useState<DeskConversation[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (more?: string | null) => {
    setError(null);
    try {
      const page = await deskApi.conversations({ state: state || undefined, cursor: more, limit: 50 });
      setItems((old) => (more && old ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor || null);
    } catch (e) {
      setError(errorText(e));
      setItems((old) => old ?? []);
    }
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { load(); }, [load]);
  const act = async (id: string, what: 'view' | 'join' | 'takeover') => {
    setError(null);
    try {
      if (what === 'join') await store.join(id);
      else if (what === 'takeover') await store.takeover(id);
      else await store.loadDetail(id);
      onOpen(id);
      if (what !== 'view') load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const groupName = (id: string | undefined) => groups.find((g) => g.id === id)?.name ?? '';
  return (
    <section data-testid="floor-conversations">
      <h2>{t('desk_conversations')}</h2>
      <div className="toolbar">
        <label className="inline">{t('desk_filterState')}
          <select value={state} data-testid="floor-state-filter" onChange={(e) => setState(e.target.value)}>
            <option value="">{t('desk_allStates')}</option>
            {CONVERSATION_STATES.map((s) => <option key={s} value={s}>{t(`desk_state_${s}` as Key)}</option>)}
          </select>
        </label>
        <button data-testid="floor-refresh" onClick={() => load()}>{t('desk_refresh')}</button>
      </div>
      {error && <div className="banner error" role="alert">{error}</div>}
      {items === null ? <p className="muted">{t('loading')}</p> : items.length === 0 ? <p className="muted">{t('desk_noConversationsFound')}</p> : (
        <table className="table">
          <thead><tr>
            <th>{t('desk_colVisitor')}</th><th>{t('desk_colState')}</th><th>{t('desk_colGroup')}</th><th>{t('desk_colAgent')}</th>
            <th>{t('desk_colOpened')}</th><th>{t('desk_colClosed')}</th><th>{t('desk_colCsat')}</th><th>{t('desk_colTags')}</th><th />
          </tr></thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-testid="floor-conversation" data-conversation-id={c.id} data-state={c.state}>
                <td>{visitorTag(c.visitorId)}</td>
                <td><StateLabel state={c.state} /></td>
                <td>{groupName(c.groupId)}</td>
                <td data-testid="floor-conversation-agent">{c.agentId ? name(c.agentId) : t('desk_none')}</td>
                <td className="small">{formatTime(c.openedAt, lang)}</td>
                <td className="small">{formatTime(c.closedAt, lang)}</td>
                <td data-testid="floor-conversation-csat">{c.csatScore !== undefined ? `${'★'.repeat(c.csatScore)} ${c.csatScore}` : t('desk_none')}</td>
                <td className="small" data-testid="floor-conversation-tags">{(c.tags ?? []).join(', ')}</td>
                <td className="actions">
                  <button className="link" onClick={() => act(c.id, 'view')}>{t('desk_open')}</button>
                  {isOpenState(c.state) && <button className="link" data-testid="floor-join" onClick={() => act(c.id, 'join')}>{t('desk_join')}</button>}
                  {c.state === 'assigned' && seat && c.agentId !== seat.memberId && (
                    <button className="link" data-testid="floor-takeover" onClick={() => act(c.id, 'takeover')}>{t('desk_takeover')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && <button onClick={() => load(cursor)}>{t('loadMore')}</button>}
    </section>
  );
}
