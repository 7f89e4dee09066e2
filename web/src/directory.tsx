// The directory: department tree, search as you type, the member list and a member's card.
import { useContext, useEffect, useRef, useState } from 'react';
import { api, type Department, type Member } from './api';
import { chatApi } from './chat/chatApi';
import { NamesContext } from './chat/names';
import { useI18n } from './i18n';
import { navigate } from './router';
import { SessionContext } from './session';
import { treeRows } from './tree';
import { Banner, useFormError } from './ui';

export function useDepartments() {
  const [departments, setDepartments] = useState<Department[]>([]);
  const reload = () => api.departments().then((r) => setDepartments(r.items));
  useEffect(() => { reload(); }, []);
  return { departments, reload };
}

/** Members matching a search, a department and a status, with "load more" over the cursor. */
export function useMemberSearch(text: string, departmentId: string | null, status = 'active') {
  const [items, setItems] = useState<Member[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const { error, capture, setError } = useFormError();
  const generation = useRef(0);
  const load = async (reset: boolean) => {
    const gen = reset ? ++generation.current : generation.current;
    setLoading(true);
    try {
      const page = await api.members({ q: text.trim() || undefined, departmentId, status, cursor: reset ? null : cursor, limit: 50 });
      if (gen !== generation.current) return; // a newer search superseded this one
      setItems(reset ? page.items : [...items, ...page.items]);
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      capture(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    const timer = setTimeout(() => load(true), 250);
    return () => clearTimeout(timer);
  }, [text, departmentId, status]); // eslint-disable-line react-hooks/exhaustive-deps
  return { items, cursor, loading, error, loadMore: () => load(false), reload: () => load(true) };
}

export function DepartmentTree({ departments, selected, onSelect }: { departments: Department[]; selected: string | null; onSelect: (id: string | null) => void }) {
  const { t } = useI18n();
  return (
    <ul className="tree">
      <li className={selected === null ? 'selected' : ''} onClick={() => onSelect(null)}>{t('allMembers')}</li>
      {treeRows(departments).map(({ dept, depth }) => (
        <li key={dept.id} data-testid="dept-tree-item" className={selected === dept.id ? 'selected' : ''}
          style={{ paddingLeft: 12 + depth * 16 }} onClick={() => onSelect(dept.id)}>
          {dept.name} <span className="count">{dept.memberCount}</span>
        </li>
      ))}
    </ul>
  );
}

export function MemberTable({ members, departments, onOpen, actions }: {
  members: Member[]; departments: Department[]; onOpen?: (m: Member) => void; actions?: (m: Member) => React.ReactNode;
}) {
  const { t } = useI18n();
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return (
    <table className="table">
      <thead><tr><th>{t('name')}</th><th>{t('email')}</th><th>{t('title')}</th><th>{t('department')}</th><th>{t('role')}</th><th>{t('status')}</th>{actions && <th />}</tr></thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id} data-testid="member-row" onClick={() => onOpen?.(m)} className={onOpen ? 'clickable' : ''}>
            <td>{m.name}</td>
            <td>{m.email}</td>
            <td>{m.title}</td>
            <td>{m.departmentIds.map((id) => names.get(id)).filter(Boolean).join(', ')}</td>
            <td>{t(`role_${m.role}`)}</td>
            <td data-testid="member-status" className={`status ${m.status}`}>{t(m.status)}</td>
            {actions && <td className="actions" onClick={(e) => e.stopPropagation()}>{actions(m)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DirectoryPage() {
  const { t } = useI18n();
  const { departments } = useDepartments();
  const [dept, setDept] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState<Member | null>(null);
  const search = useMemberSearch(text, dept);
  const names = useContext(NamesContext);
  const me = useContext(SessionContext)?.member;
  const message = useFormError();
  useEffect(() => { names.seed(search.items); }, [names, search.items]);
  const startChat = async (m: Member) => {
    try {
      navigate(`/chat/${(await chatApi.openDirect(m.id)).id}`);
    } catch (e) {
      message.capture(e);
    }
  };
  return (
    <div className="split">
      <aside className="panel"><h3>{t('departments')}</h3><DepartmentTree departments={departments} selected={dept} onSelect={setDept} /></aside>
      <section className="main">
        <input className="search" placeholder={t('search')} value={text} onChange={(e) => setText(e.target.value)} data-testid="directory-search" />
        <Banner error={search.error} />
        <MemberTable members={search.items} departments={departments} onOpen={setOpen} />
        {!search.loading && search.items.length === 0 && <p className="muted">{t('noResults')}</p>}
        {search.cursor && <button onClick={search.loadMore} disabled={search.loading}>{t('loadMore')}</button>}
      </section>
      {open && (
        <aside className="panel card">
          <button className="link close" onClick={() => setOpen(null)}>{t('close')}</button>
          <div className="avatar">{open.name.slice(0, 1)}</div>
          <h2>{open.name}</h2>
          <dl>
            <dt>{t('title')}</dt><dd>{open.title ?? '—'}</dd>
            <dt>{t('email')}</dt><dd>{open.email}</dd>
            <dt>{t('phone')}</dt><dd>{open.phone ?? '—'}</dd>
            <dt>{t('department')}</dt><dd>{open.departmentIds.map((id) => departments.find((d) => d.id === id)?.name).filter(Boolean).join(', ') || '—'}</dd>
            <dt>{t('role')}</dt><dd>{t(`role_${open.role}`)}</dd>
          </dl>
          <Banner error={message.error} />
          {me && open.id !== me.id && open.status === 'active' && (
            <button className="primary" data-testid="member-message" onClick={() => startChat(open)}>{t('sendMessage')}</button>
          )}
        </aside>
      )}
    </div>
  );
}
