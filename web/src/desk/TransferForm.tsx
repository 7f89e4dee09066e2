// Transferring a conversation: to an agent who is online with room (every seat with its status and
// load; should the list be refused, a colleague picked from the directory, and the server says whether
// they can take it), or to a group's queue.
import { useEffect, useState } from 'react';
import { api, type Member } from '../api';
import { useNames } from '../chat/names';
import { useI18n, type Key } from '../i18n';
import { useSession } from '../session';
import { useDeskStore } from './context';
import { deskApi } from './deskApi';
import type { DeskConversation, Seat, SkillGroup } from './types';
import { useDeskError } from './ui';

export function TransferForm({ c, groups }: { c: DeskConversation; groups: SkillGroup[] }) {
  const { t } = useI18n();
  const { member } = useSession();
  const { name } = useNames();
  const store = useDeskStore();
  const errorText = useDeskError();
  const [to, setTo] = useState<'agent' | 'group'>('agent');
  const [seats, setSeats] = useState<Seat[] | null>(null);
  const [agentId, setAgentId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    deskApi.agents().then((r) => setSeats(r.items.filter((s) => s.memberId !== member.id)), () => setSeats(null));
  }, [member.id]);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await store.transfer(c.id, to === 'agent' ? { agentId } : { groupId });
      setDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" data-testid="desk-transfer">
      <h2>{t('desk_transfer')}</h2>
      <div className="tabs">
        <label className="check"><input type="radio" checked={to === 'agent'} onChange={() => setTo('agent')} data-testid="desk-transfer-to-agent" /> {t('desk_transferToAgent')}</label>
        <label className="check"><input type="radio" checked={to === 'group'} onChange={() => setTo('group')} data-testid="desk-transfer-to-group" /> {t('desk_transferToGroup')}</label>
      </div>
      {to === 'agent' && (seats ? (
        <select value={agentId} onChange={(e) => setAgentId(e.target.value)} data-testid="desk-transfer-agent" aria-label={t('desk_chooseAgent')}>
          <option value="">{t('desk_chooseAgent')}</option>
          {seats.map((s) => (
            <option key={s.memberId} value={s.memberId}>
              {t('desk_agentOption', { name: name(s.memberId), status: t(`desk_status_${s.status}` as Key), active: s.active, max: s.maxConcurrent })}
            </option>
          ))}
        </select>
      ) : <ColleagueSearch selected={agentId} onPick={setAgentId} />)}
      {to === 'group' && (
        <select value={groupId} onChange={(e) => setGroupId(e.target.value)} data-testid="desk-transfer-group" aria-label={t('desk_chooseGroup')}>
          <option value="">{t('desk_chooseGroup')}</option>
          {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      )}
      <div><button className="primary" disabled={busy || (to === 'agent' ? !agentId : !groupId)} data-testid="desk-transfer-submit" onClick={submit}>{t('desk_transfer')}</button></div>
      {done && <div className="banner ok" role="status">{t('desk_transferred')}</div>}
      {error && <div className="banner error" role="alert" data-testid="desk-transfer-error">{error}</div>}
    </section>
  );
}

/** Agents who may not list seats find a colleague in the directory. */
function ColleagueSearch({ selected, onPick }: { selected: string; onPick: (id: string) => void }) {
  const { t } = useI18n();
  const { member } = useSession();
  const { cache } = useNames();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Member[]>([]);
  useEffect(() => {
    if (!q.trim()) { setFound([]); return; }
    const timer = setTimeout(() => {
      api.members({ q, limit: 8 }).then((p) => { cache.seed(p.items); setFound(p.items.filter((m) => m.id !== member.id)); }, () => setFound([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [q, member.id, cache]);
  return (
    <div>
      <input value={q} placeholder={t('desk_searchMember')} aria-label={t('desk_chooseAgent')} data-testid="desk-transfer-search" onChange={(e) => setQ(e.target.value)} />
      <ul className="picker-results">
        {found.map((m) => (
          <li key={m.id}><label className="check"><input type="radio" checked={selected === m.id} onChange={() => onPick(m.id)} /> {m.name} <span className="muted small">{m.email}</span></label></li>
        ))}
      </ul>
    </div>
  );
}
