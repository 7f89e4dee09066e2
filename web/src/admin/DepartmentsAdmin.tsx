// The department tree: create (nested), rename, move, delete when empty.
import { useState, type FormEvent } from 'react';
import { api, type Department } from '../api';
import { useDepartments } from '../directory';
import { useI18n } from '../i18n';
import { subtreeIds, treeRows } from '../tree';
import { Banner, useFormError } from '../ui';

export function DepartmentsAdmin() {
  const { t } = useI18n();
  const { departments, reload } = useDepartments();
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  const { error, capture, setError } = useFormError();
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await reload();
    } catch (e) {
      capture(e);
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    act(async () => { await api.createDepartment(name, parent || null); setName(''); });
  };
  return (
    <section>
      <form className="toolbar" onSubmit={create}>
        <input placeholder={t('newDepartment')} value={name} onChange={(e) => setName(e.target.value)} data-testid="dept-create-name" />
        <select value={parent} onChange={(e) => setParent(e.target.value)} data-testid="dept-create-parent" aria-label={t('parent')}>
          <option value="">{t('topLevel')}</option>
          {treeRows(departments).map(({ dept, depth }) => <option key={dept.id} value={dept.id}>{'\u00a0'.repeat(depth * 3)}{dept.name}</option>)}
        </select>
        <button className="primary" data-testid="dept-create-submit">{t('create')}</button>
      </form>
      <Banner error={error} />
      <table className="table">
        <thead><tr><th>{t('name')}</th><th>{t('members')}</th><th>{t('move')}</th><th /></tr></thead>
        <tbody>
          {treeRows(departments).map(({ dept, depth }) => (
            <DepartmentRow key={dept.id} dept={dept} depth={depth} all={departments} act={act} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DepartmentRow({ dept, depth, all, act }: { dept: Department; depth: number; all: Department[]; act: (w: () => Promise<unknown>) => void }) {
  const { t } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(dept.name);
  const blocked = subtreeIds(all, dept.id);
  return (
    <tr data-testid="dept-row">
      <td style={{ paddingLeft: 12 + depth * 20 }}>
        {renaming ? (
          <form onSubmit={(e) => { e.preventDefault(); act(() => api.renameDepartment(dept.id, name)); setRenaming(false); }}>
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus /> <button>{t('save')}</button>
          </form>
        ) : dept.name}
      </td>
      <td>{t('membersCount', { n: dept.memberCount })}</td>
      <td>
        <select value={dept.parentId ?? ''} onChange={(e) => act(() => api.moveDepartment(dept.id, e.target.value || null))} aria-label={t('move')}>
          <option value="">{t('topLevel')}</option>
          {all.filter((d) => !blocked.has(d.id)).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </td>
      <td className="actions">
        <button className="link" onClick={() => setRenaming(true)}>{t('rename')}</button>
        <button className="link danger" onClick={() => {
          if (window.confirm(t('deleteDepartmentConfirm', { name: dept.name }))) act(() => api.deleteDepartment(dept.id));
        }}>{t('delete')}</button>
      </td>
    </tr>
  );
}
