// Members administration: add, edit, reset password, offboard (deactivate with a hand-over).
import { useState, type FormEvent } from 'react';
import { api, type Department, type Member, type Role } from '../api';
import { MemberTable, useDepartments, useMemberSearch } from '../directory';
import { useI18n } from '../i18n';
import { treeRows } from '../tree';
import { useSession } from '../session';
import { Banner, Field, Modal, Notice, useFormError } from '../ui';

const ROLES: Role[] = ['member', 'admin', 'guest'];

export function MembersAdmin() {
  const { t } = useI18n();
  const { member: me, refresh } = useSession();
  const { departments } = useDepartments();
  const [text, setText] = useState('');
  const [showDeactivated, setShowDeactivated] = useState(false);
  const search = useMemberSearch(text, null, showDeactivated ? 'deactivated' : 'active');
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null);
  const { error, capture } = useFormError();
  const reset = async (m: Member) => {
    try {
      setSecret({ name: m.name, password: (await api.resetPassword(m.id)).temporaryPassword });
    } catch (e) {
      capture(e);
    }
  };
  const done = () => { setEditing(null); setLeaving(null); search.reload(); refresh(); };
  return (
    <section>
      <div className="toolbar">
        <input className="search" placeholder={t('search')} value={text} onChange={(e) => setText(e.target.value)} />
        <label className="check"><input type="checkbox" checked={showDeactivated} onChange={(e) => setShowDeactivated(e.target.checked)} /> {t('showDeactivated')}</label>
        <button className="primary" onClick={() => setEditing('new')}>{t('addMember')}</button>
      </div>
      <Banner error={error ?? search.error} />
      {secret && <Notice>{secret.name} — {t('temporaryPassword')}: <code data-testid="temporary-password">{secret.password}</code></Notice>}
      <MemberTable members={search.items} departments={departments} actions={(m) => m.status === 'active' && m.id !== me.id && m.role !== 'owner' && (
        <>
          <button className="link" onClick={() => setEditing(m)}>{t('edit')}</button>
          <button className="link" onClick={() => reset(m)}>{t('resetPassword')}</button>
          <button className="link danger" data-testid="member-deactivate" onClick={() => setLeaving(m)}>{t('deactivate')}</button>
        </>
      )} />
      {search.cursor && <button onClick={search.loadMore}>{t('loadMore')}</button>}
      {editing && <MemberForm member={editing === 'new' ? null : editing} departments={departments}
        onClose={() => setEditing(null)} onSaved={(pw, name) => { if (pw) setSecret({ name, password: pw }); done(); }} />}
      {leaving && <DeactivateDialog member={leaving} onClose={() => setLeaving(null)} onDone={done} />}
    </section>
  );
}

function MemberForm({ member, departments, onClose, onSaved }: {
  member: Member | null; departments: Department[]; onClose: () => void; onSaved: (temporaryPassword: string | null, name: string) => void;
}) {
  const { t } = useI18n();
  const [f, setF] = useState({ name: member?.name ?? '', email: member?.email ?? '', phone: member?.phone ?? '', title: member?.title ?? '' });
  const [role, setRole] = useState<Role>(member?.role ?? 'member');
  const [depts, setDepts] = useState<string[]>(member?.departmentIds ?? []);
  const { error, capture } = useFormError();
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { ...f, phone: f.phone || null, title: f.title || null, role, departmentIds: depts };
    try {
      if (member) {
        await api.updateMember(member.id, body);
        onSaved(null, f.name);
      } else {
        const created = await api.addMember(body);
        onSaved(created.temporaryPassword, f.name);
      }
    } catch (err) {
      capture(err);
    }
  };
  return (
    <Modal title={member ? t('edit') : t('addMember')} onClose={onClose}>
      <form onSubmit={submit}>
        <Banner error={error} fields={['name', 'email', 'phone', 'title']} />
        <Field label={t('name')} name="name" value={f.name} onChange={set('name')} error={error} />
        <Field label={t('email')} name="email" value={f.email} onChange={set('email')} error={error} />
        <Field label={t('phone')} name="phone" value={f.phone} onChange={set('phone')} error={error} />
        <Field label={t('title')} name="title" value={f.title} onChange={set('title')} error={error} />
        <label className="field"><span>{t('role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>{ROLES.map((r) => <option key={r} value={r}>{t(`role_${r}`)}</option>)}</select>
        </label>
        <label className="field"><span>{t('department')}</span>
          {/* a member may belong to several departments */}
          <select multiple value={depts} size={Math.min(6, Math.max(2, departments.length))}
            onChange={(e) => setDepts(Array.from(e.target.selectedOptions, (o) => o.value))}>
            {treeRows(departments).map(({ dept, depth }) => <option key={dept.id} value={dept.id}>{'\u00a0'.repeat(depth * 3)}{dept.name}</option>)}
          </select>
        </label>
        <div className="buttons"><button type="button" onClick={onClose}>{t('cancel')}</button><button className="primary">{t('save')}</button></div>
      </form>
    </Modal>
  );
}

function DeactivateDialog({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { member: me } = useSession();
  const candidates = useMemberSearch('', null);
  const [heir, setHeir] = useState(me.id);
  const { error, capture } = useFormError();
  const confirm = async () => {
    try {
      await api.deactivate(member.id, heir);
      onDone();
    } catch (e) {
      capture(e);
    }
  };
  return (
    <Modal title={t('deactivateTitle', { name: member.name })} onClose={onClose}>
      <p>{t('deactivateExplain')}</p>
      <Banner error={error} />
      <label className="field"><span>{t('handoverTo')}</span>
        <select value={heir} onChange={(e) => setHeir(e.target.value)} data-testid="handover-select">
          {candidates.items.filter((m) => m.id !== member.id).map((m) => <option key={m.id} value={m.id}>{m.name} ({m.email})</option>)}
        </select>
      </label>
      <div className="buttons">
        <button type="button" onClick={onClose}>{t('cancel')}</button>
        <button className="danger-button" onClick={confirm} disabled={!heir} data-testid="confirm-deactivate">{t('confirmDeactivate')}</button>
      </div>
    </Modal>
  );
}
