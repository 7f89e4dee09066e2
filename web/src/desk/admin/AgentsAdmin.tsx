// Agent seats: who holds one (status, load, cap, supervisor, groups), giving a member a seat within the
// plan's agentSeats (the quota error says so plainly), changing and freeing seats.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, type Member } from '../../api';
import { useNames } from '../../chat/names';
import { useI18n, type Key } from '../../i18n';
import { useSession } from '../../session';
import { Banner, Modal, useFormError, type FormError } from '../../ui';
import { useDeskStore } from '../context';
import { deskApi } from '../deskApi';
import type { Seat, SkillGroup } from '../types';

export function AgentsAdmin() {
  const { t } = useI18n();
  const { name } = useNames();
  const { org } = useSession();
  const store = useDeskStore();
  const [seats, setSeats] = useState<Seat[] | null>(null);
  const [groups, setGroups] = useState<SkillGroup[]>([]);
  const [groupsOf, setGroupsOf] = useState<Record<string, string[]>>({});
  const [editing, setEditing] = useState<Seat | 'new' | null>(null);
  const [removing, setRemoving] = useState<Seat | null>(null);
  const { error, capture, setError } = useFormError();
  const load = useCallback(() => {
    deskApi.agents().then((r) => setSeats(r.items), (e) => { capture(e); setSeats([]); });
    deskApi.groups().then((r) => setGroups(r.items), () => {});
    // the seat list does not say the groups; the floor does
    store.floor().then((f) => setGroupsOf(Object.fromEntries(f.agents.map((a) => [a.memberId, a.groupIds]))), () => {});
  }, [store]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [load]);
  const limit = org.plan.quotas.agentSeats;
  const remove = async (s: Seat) => {
    setRemoving(null);
    setError(null);
    try {
      await deskApi.removeAgent(s.memberId);
      load();
    } catch (e) {
      capture(e);
    }
  };
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? '';
  return (
    <section>
      <div className="toolbar">
        <button className="primary" data-testid="agent-new" onClick={() => setEditing('new')}>{t('desk_addAgent')}</button>
        {seats && limit !== undefined && <span className="muted" data-testid="agent-seats">{t('desk_seats', { used: seats.length, limit })}</span>}
      </div>
      <Banner error={error} />
      {seats === null ? <p className="muted">{t('loading')}</p> : seats.length === 0 ? <p className="muted">{t('desk_noAgents')}</p> : (
        <table className="table">
          <thead><tr><th>{t('desk_colAgent')}</th><th>{t('desk_colStatus')}</th><th>{t('desk_colLoad')}</th><th>{t('desk_colGroups')}</th><th /></tr></thead>
          <tbody>
            {seats.map((s) => (
              <tr key={s.memberId} data-testid="agent-row" data-member-id={s.memberId}>
                <td>{name(s.memberId)} {s.supervisor && <span className="role-tag">{t('desk_supervisor')}</span>}</td>
                <td><span className={`dot ${s.status}`} /> {t(`desk_status_${s.status}` as Key)}</td>
                <td>{s.active} / {s.maxConcurrent}</td>
                <td className="small">{(groupsOf[s.memberId] ?? []).map(groupName).join(', ')}</td>
                <td className="actions">
                  <button className="link" onClick={() => setEditing(s)}>{t('edit')}</button>
                  <button className="link danger" onClick={() => setRemoving(s)}>{t('delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <SeatDialog seat={editing === 'new' ? null : editing} groups={groups} groupIds={editing === 'new' ? [] : groupsOf[editing.memberId] ?? []}
        onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load(); }} />}
      {removing && (
        <Modal title={t('delete')} onClose={() => setRemoving(null)}>
          <p>{t('desk_removeAgentConfirm', { name: name(removing.memberId) })}</p>
          <div className="buttons"><button onClick={() => setRemoving(null)}>{t('cancel')}</button><button className="danger-button" onClick={() => remove(removing)}>{t('delete')}</button></div>
        </Modal>
      )}
    </section>
  );
}

/** The plan's seat quota said plainly; other problems as usual. */
export function seatProblem(e: unknown, t: (k: Key, v?: Record<string, string | number>) => string): FormError | null {
  if (e instanceof ApiError && e.code === 'quota_exceeded' && e.extra.quota === 'agentSeats') {
    return { message: t('desk_quotaSeats', { plan: String(e.extra.plan ?? ''), limit: Number(e.extra.limit ?? 0) }) };
  }
  return null;
}

function SeatDialog({ seat, groups, groupIds, onClose, onSaved }: {
  seat: Seat | null; groups: SkillGroup[]; groupIds: string[]; onClose: () => void; onSaved: () => void;
}) {
  const { t } = useI18n();
  const { name, cache } = useNames();
  const [memberId, setMemberId] = useState(seat?.memberId ?? '');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Member[]>([]);
  const [max, setMax] = useState(String(seat?.maxConcurrent ?? 5));
  const [supervisor, setSupervisor] = useState(seat?.supervisor ?? false);
  const [chosen, setChosen] = useState<string[]>(groupIds);
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  useEffect(() => {
    if (seat || !q.trim()) { setFound([]); return; }
    const timer = setTimeout(() => api.members({ q, limit: 8 }).then((p) => { cache.seed(p.items); setFound(p.items); }, () => setFound([])), 250);
    return () => clearTimeout(timer);
  }, [q, seat, cache]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(max);
    if (!Number.isInteger(n) || n < 1 || n > 100) return setError({ field: 'maxConcurrent', message: t('err_invalid_max_concurrent') });
    setBusy(true);
    setError(null);
    try {
      if (seat) await deskApi.updateAgent(seat.memberId, { maxConcurrent: n, supervisor, groupIds: chosen });
      else await deskApi.addAgent({ memberId, maxConcurrent: n, supervisor, groupIds: chosen });
      onSaved();
    } catch (err) {
      const quota = seatProblem(err, t);
      if (quota) setError(quota);
      else capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={seat ? `${t('edit')} · ${name(seat.memberId)}` : t('desk_addAgent')} onClose={onClose}>
      <form onSubmit={submit} data-testid="agent-form">
        {!seat && (
          <div className="field">
            <span>{t('desk_member')}</span>
            <input value={q} placeholder={t('desk_searchMember')} data-testid="agent-member-search" onChange={(e) => setQ(e.target.value)} />
            <ul className="picker-results">
              {found.map((m) => (
                <li key={m.id}><label className="check"><input type="radio" name="member" checked={memberId === m.id} onChange={() => setMemberId(m.id)} data-testid="agent-member-option" />
                  {m.name} <span className="muted small">{m.email}</span></label></li>
              ))}
            </ul>
          </div>
        )}
        <label className="field"><span>{t('desk_maxConcurrent')}</span>
          <input type="number" min={1} max={100} value={max} data-testid="agent-max" onChange={(e) => setMax(e.target.value)} />
          {error?.field === 'maxConcurrent' && <small className="field-error" role="alert">{error.message}</small>}
        </label>
        <label className="check"><input type="checkbox" checked={supervisor} data-testid="agent-supervisor" onChange={(e) => setSupervisor(e.target.checked)} /> {t('desk_isSupervisor')}</label>
        <div className="field"><span>{t('desk_groups')}</span>
          {groups.map((g) => (
            <label key={g.id} className="check"><input type="checkbox" checked={chosen.includes(g.id)} data-testid="agent-group"
              onChange={(e) => setChosen(e.target.checked ? [...chosen, g.id] : chosen.filter((x) => x !== g.id))} /> {g.name}</label>
          ))}
        </div>
        <Banner error={error} fields={['maxConcurrent']} />
        <div className="buttons">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button className="primary" disabled={busy || !memberId} data-testid="agent-save">{t('save')}</button>
        </div>
      </form>
    </Modal>
  );
}
