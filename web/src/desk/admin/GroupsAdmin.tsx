// Skill groups: name, routing mode, business hours (weekly editor), SLA targets and the longest wait.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useI18n, type Key } from '../../i18n';
import { Banner, Field, Modal, useFormError } from '../../ui';
import { deskApi } from '../deskApi';
import { DAYS, hoursFromWire, hoursProblems, hoursToWire, minutesToSeconds, secondsToMinutes, workWeek, localZone, type HoursModel } from '../hours';
import type { GroupInput, RoutingMode, SkillGroup } from '../types';
import { HoursEditor } from './HoursEditor';

export function GroupsAdmin() {
  const { t } = useI18n();
  const [groups, setGroups] = useState<SkillGroup[] | null>(null);
  const [editing, setEditing] = useState<SkillGroup | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SkillGroup | null>(null);
  const { error, capture, setError } = useFormError();
  const load = useCallback(() => { deskApi.groups().then((r) => setGroups(r.items), (e) => { capture(e); setGroups([]); }); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [load]);
  const remove = async (g: SkillGroup) => {
    setDeleting(null);
    setError(null);
    try {
      await deskApi.deleteGroup(g.id);
      load();
    } catch (e) {
      capture(e);
    }
  };
  return (
    <section>
      <div className="toolbar"><button className="primary" data-testid="group-new" onClick={() => setEditing('new')}>{t('desk_newGroup')}</button></div>
      <Banner error={error} />
      {groups === null ? <p className="muted">{t('loading')}</p> : groups.length === 0 ? <p className="muted">{t('desk_noGroups')}</p> : (
        <table className="table">
          <thead><tr><th>{t('desk_groupName')}</th><th>{t('desk_routing')}</th><th>{t('desk_businessHours')}</th><th>{t('desk_slaFirst')}</th><th>{t('desk_slaResolution')}</th><th>{t('desk_maxWait')}</th><th /></tr></thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id} data-testid="group-row">
                <td>{g.name}</td>
                <td>{t(`desk_routing_${g.routing}` as Key)}</td>
                <td className="ellipsis small"><HoursSummary g={g} /></td>
                <td>{secondsToMinutes(g.slaFirstResponse) || t('desk_none')}</td>
                <td>{secondsToMinutes(g.slaResolution) || t('desk_none')}</td>
                <td>{secondsToMinutes(g.maxWait)}</td>
                <td className="actions">
                  <button className="link" onClick={() => setEditing(g)}>{t('edit')}</button>
                  <button className="link danger" onClick={() => setDeleting(g)}>{t('delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <GroupDialog group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load(); }} />}
      {deleting && (
        <Modal title={t('delete')} onClose={() => setDeleting(null)}>
          <p>{t('desk_deleteGroupConfirm', { name: deleting.name })}</p>
          <div className="buttons"><button onClick={() => setDeleting(null)}>{t('cancel')}</button><button className="danger-button" onClick={() => remove(deleting)}>{t('delete')}</button></div>
        </Modal>
      )}
    </section>
  );
}

function HoursSummary({ g }: { g: SkillGroup }) {
  const { t } = useI18n();
  const m = hoursFromWire(g.businessHours);
  if (m.alwaysOpen) return <>{t('desk_hoursSummary_always')}</>;
  const days = DAYS.filter((d) => m.week[d].length).map((d) => `${t(`desk_day_${d}` as Key)} ${m.week[d].map(([a, b]) => `${a}–${b}`).join(', ')}`).join('; ');
  return <span title={days}>{t('desk_hoursSummary', { days: days || t('desk_closedDay'), zone: m.timeZone })}</span>;
}

function GroupDialog({ group, onClose, onSaved }: { group: SkillGroup | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(group?.name ?? '');
  const [routing, setRouting] = useState<RoutingMode>(group?.routing ?? 'least_busy');
  const [hours, setHours] = useState<HoursModel>(() => (group ? hoursFromWire(group.businessHours) : { ...workWeek(localZone()), alwaysOpen: true }));
  const [slaFirst, setSlaFirst] = useState(secondsToMinutes(group?.slaFirstResponse));
  const [slaResolution, setSlaResolution] = useState(secondsToMinutes(group?.slaResolution));
  const [maxWait, setMaxWait] = useState(secondsToMinutes(group?.maxWait) || '10');
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const first = minutesToSeconds(slaFirst);
    const resolution = minutesToSeconds(slaResolution);
    const wait = minutesToSeconds(maxWait);
    if (first === null) return setError({ field: 'slaFirstResponseSeconds', message: t('desk_minutesInvalid') });
    if (resolution === null) return setError({ field: 'slaResolutionSeconds', message: t('desk_minutesInvalid') });
    if (!wait) return setError({ field: 'maxWaitSeconds', message: t('desk_minutesInvalid') });
    if (hoursProblems(hours).length) return;
    const body: GroupInput = { name, routing, businessHours: hoursToWire(hours), slaFirstResponseSeconds: first, slaResolutionSeconds: resolution, maxWaitSeconds: wait };
    setBusy(true);
    setError(null);
    try {
      if (group) await deskApi.updateGroup(group.id, body);
      else await deskApi.createGroup(body);
      onSaved();
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={group ? t('desk_editGroup', { name: group.name }) : t('desk_newGroup')} onClose={onClose}>
      <form onSubmit={submit} className="desk-group-form" data-testid="group-form">
        <Field label={t('desk_groupName')} name="name" value={name} onChange={setName} error={error} testId="group-name" required />
        <label className="field"><span>{t('desk_routing')}</span>
          <select value={routing} onChange={(e) => setRouting(e.target.value as RoutingMode)} data-testid="group-routing">
            <option value="least_busy">{t('desk_routing_least_busy')}</option>
            <option value="round_robin">{t('desk_routing_round_robin')}</option>
          </select>
        </label>
        <HoursEditor value={hours} onChange={setHours} />
        <Field label={t('desk_slaFirst')} name="slaFirstResponseSeconds" value={slaFirst} onChange={setSlaFirst} error={error} testId="group-sla-first" />
        <Field label={t('desk_slaResolution')} name="slaResolutionSeconds" value={slaResolution} onChange={setSlaResolution} error={error} testId="group-sla-resolution" />
        <Field label={t('desk_maxWait')} name="maxWaitSeconds" value={maxWait} onChange={setMaxWait} error={error} testId="group-max-wait" />
        <Banner error={error} fields={['name', 'slaFirstResponseSeconds', 'slaResolutionSeconds', 'maxWaitSeconds']} />
        <div className="buttons">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button className="primary" disabled={busy} data-testid="group-save">{t('save')}</button>
        </div>
      </form>
    </Modal>
  );
}
