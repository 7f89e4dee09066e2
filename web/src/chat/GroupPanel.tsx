// A group's settings beside the conversation: name and announcement (owner and admins), the members
// (any member may add; owner and admins remove), leaving, and dissolving (owner); for organisation
// admins, the export of the group's history.
import { useEffect, useState } from 'react';
import type { Member } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { isAdmin, useSession } from '../session';
import { Modal } from '../ui';
import { useChat, useChatEngine } from './context';
import { ExportButtons } from './ExportButtons';
import { MemberPicker } from './MemberPicker';
import { useNames } from './names';
import type { ConversationSummary, Membership } from './types';

const ROLE_ORDER = { owner: 0, admin: 1, member: 2 } as const;

export function GroupPanel({ s, onError, onClose }: { s: ConversationSummary; onError: (e: unknown) => void; onClose: () => void }) {
  const { t } = useI18n();
  const engine = useChatEngine();
  const { member: me } = useSession();
  const { name } = useNames();
  const members = useChat((st) => st.members[s.id]);
  const [title, setTitle] = useState(s.title ?? '');
  const [announcement, setAnnouncement] = useState(s.announcement ?? '');
  const [adding, setAdding] = useState<Member[]>([]);
  const [dissolving, setDissolving] = useState(false);
  useEffect(() => { setTitle(s.title ?? ''); }, [s.title]);
  useEffect(() => { setAnnouncement(s.announcement ?? ''); }, [s.announcement]);

  const manages = s.role === 'owner' || s.role === 'admin';
  const editable = manages && !s.dissolved && s.kind === 'group';
  const sorted = [...(members ?? [])].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || name(a.memberId).localeCompare(name(b.memberId)));
  const mayRemove = (m: Membership) => editable && m.memberId !== me.id && m.role !== 'owner' && (s.role === 'owner' || m.role === 'member');
  const run = (p: Promise<unknown>) => p.catch(onError);

  return (
    <aside className="panel group-panel" data-testid="group-panel">
      <button className="link close" onClick={onClose}>{t('close')}</button>
      <h3>{t('groupInfo')}</h3>
      <label className="field">
        <span>{t('groupName')}</span>
        <input value={title} disabled={!editable} data-testid="group-title-input" onChange={(e) => setTitle(e.target.value)} />
      </label>
      {editable && title.trim() && title !== s.title && (
        <button className="primary" data-testid="group-title-save" onClick={() => run(engine.updateGroup(s.id, { title: title.trim() }))}>{t('rename')}</button>
      )}
      <label className="field">
        <span>{t('announcement')}</span>
        {editable
          ? <textarea value={announcement} rows={3} data-testid="group-announcement-input" onChange={(e) => setAnnouncement(e.target.value)} />
          : <span className="announcement-text">{s.announcement || t('noAnnouncement')}</span>}
      </label>
      {editable && announcement !== (s.announcement ?? '') && (
        <button className="primary" data-testid="group-announcement-save" onClick={() => run(engine.updateGroup(s.id, { announcement }))}>{t('save')}</button>
      )}

      <h3>{t('groupMembers', { n: members?.length ?? s.memberCount })}</h3>
      <ul className="group-members">
        {sorted.map((m) => (
          <li key={m.memberId} data-testid="group-member">
            <span>{m.memberId === me.id ? `${name(m.memberId)} (${t('you')})` : name(m.memberId)}</span>
            {m.role !== 'member' && <span className="role-tag">{t(`chatRole_${m.role}`)}</span>}
            {mayRemove(m) && <button className="link danger" data-testid="group-member-remove" onClick={() => run(engine.removeMember(s.id, m.memberId))}>{t('remove')}</button>}
          </li>
        ))}
      </ul>

      {!s.dissolved && s.kind === 'group' && (
        <>
          <h3>{t('addMembers')}</h3>
          <MemberPicker selected={adding} onChange={setAdding} exclude={new Set((members ?? []).map((m) => m.memberId))} />
          <button className="primary" disabled={!adding.length} data-testid="group-add-submit"
            onClick={() => run(engine.addMembers(s.id, adding.map((m) => m.id)).then(() => setAdding([])))}>{t('add')}</button>
          <div className="group-actions">
            <button className="danger-button" data-testid="group-leave"
              onClick={() => run(engine.removeMember(s.id, me.id).then(() => navigate('/chat')))}>{t('leaveGroup')}</button>
            {s.role === 'owner' && <button data-testid="group-dissolve" onClick={() => setDissolving(true)}>{t('dissolveGroup')}</button>}
          </div>
        </>
      )}
      {isAdmin(me) && (
        <>
          <h3>{t('exportHistory')}</h3>
          <ExportButtons conversationId={s.id} onError={onError} />
        </>
      )}
      {dissolving && (
        <Modal title={t('dissolveGroup')} onClose={() => setDissolving(false)}>
          <p>{t('dissolveConfirm')}</p>
          <div className="buttons">
            <button onClick={() => setDissolving(false)}>{t('cancel')}</button>
            <button className="danger-button" data-testid="group-dissolve-confirm"
              onClick={() => { setDissolving(false); run(engine.dissolve(s.id)); }}>{t('dissolveGroup')}</button>
          </div>
        </Modal>
      )}
    </aside>
  );
}
