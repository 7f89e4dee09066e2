// One conversation on the agent's (or supervisor's) screen: the log and the reply box; beside them
// the details with SLA, internal notes, transfer and close.
import { useEffect, useMemo, useState } from 'react';
import { useNames } from '../chat/names';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { formatTime } from '../ui';
import { useDesk, useDeskStore } from './context';
import { DeskLog } from './DeskLog';
import { ReplyBox } from './ReplyBox';
import { TransferForm } from './TransferForm';
import { isOpenState, type DeskConversation, type SkillGroup } from './types';
import { keyOr, SlaBadge, StateLabel, useDeskError, useNow, visitorTag } from './ui';

export function ConversationPane({ id, groups, onClose }: { id: string; groups: SkillGroup[]; onClose?: () => void }) {
  const { t } = useI18n();
  const { member } = useSession();
  const { name } = useNames();
  const store = useDeskStore();
  const c = useDesk((s) => s.conversations[id]);
  const log = useDesk((s) => s.logs[id]);
  const outbox = useDesk((s) => s.outbox);
  const watching = useDesk((s) => s.watching.includes(id));
  const pending = useMemo(() => outbox.filter((m) => m.conversationId === id), [outbox, id]);
  const groupName = (g: string | undefined) => groups.find((x) => x.id === g)?.name ?? '';
  const now = useNow(5000);
  // keep the newest in view
  useEffect(() => {
    document.querySelector('[data-testid="desk-log"]')?.scrollTo({ top: 1e9 });
  }, [log?.entries.length, pending.length]);
  if (!c) return <div className="panel desk-pane muted">{t('loading')}</div>;
  const open = isOpenState(c.state);
  const mine = c.agentId === member.id && c.state === 'assigned';
  const canReply = open && (mine || watching);
  return (
    <div className="desk-pane-wrap">
      <section className="panel chat-view desk-pane" data-testid="desk-pane" data-conversation-id={id} data-state={c.state}>
        <div className="chat-head">
          <div>
            <strong data-testid="desk-pane-title">{t('desk_visitor', { id: visitorTag(c.visitorId) })}</strong>{' '}
            <StateLabel state={c.state} /> <SlaBadge c={c} now={now} entries={log?.entries} />
          </div>
          <div className="toolbar-inline">
            {!open && <button className="link" data-testid="desk-dismiss" onClick={() => { store.dismiss(id); onClose?.(); }}>{t('desk_dismiss')}</button>}
            {onClose && open && <button className="link" onClick={onClose}>{t('close')}</button>}
          </div>
        </div>
        {log ? <DeskLog c={c} entries={log.entries} pending={pending} groupName={groupName} /> : <div className="messages muted">{t('loading')}</div>}
        {!open && <div className="banner" data-testid="desk-ended">{t('desk_ended')}</div>}
        {open && c.state === 'assigned' && !mine && !watching && c.agentId && (
          <div className="banner">{t('desk_notYours', { name: name(c.agentId) })}</div>
        )}
        {open && (mine || watching) && <ReplyBox key={id} conversationId={id} canReply={canReply} />}
      </section>
      <aside className="desk-side">
        <Details c={c} groupName={groupName} />
        <Notes id={id} />
        {open && (mine || watching) && <TransferForm c={c} groups={groups} />}
        {open && (mine || watching) && <CloseForm id={id} />}
      </aside>
    </div>
  );
}

function Details({ c, groupName }: { c: DeskConversation; groupName: (id: string | undefined) => string }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel">
      <h2>{t('desk_details')}</h2>
      <dl className="desk-details">
        <dt>{t('desk_group')}</dt><dd>{groupName(c.groupId) || t('desk_none')}</dd>
        {c.handoffReason && <><dt>{t('desk_handoffReason')}</dt><dd>{t(keyOr(`desk_handoff_${c.handoffReason}`, 'desk_handoff_requested'))}</dd></>}
        {c.queuedAt && <><dt>{t('desk_queuedAt')}</dt><dd>{formatTime(c.queuedAt, lang)}</dd></>}
        {c.assignedAt && <><dt>{t('desk_assignedAt')}</dt><dd>{formatTime(c.assignedAt, lang)}</dd></>}
        {c.firstResponseAt && <><dt>{t('desk_firstResponseAt')}</dt><dd>{formatTime(c.firstResponseAt, lang)}</dd></>}
        <dt>{t('desk_botAnswers')}</dt><dd>{c.botAnswers ?? 0}</dd>
        <dt>{t('desk_transfers')}</dt><dd>{c.transfers ?? 0}</dd>
        {c.tags && c.tags.length > 0 && <><dt>{t('desk_tags')}</dt><dd data-testid="desk-tags">{c.tags.join(', ')}</dd></>}
        {c.csatScore !== undefined && <><dt>{t('desk_csat')}</dt><dd data-testid="desk-csat">{'★'.repeat(c.csatScore)} {c.csatComment ?? ''}</dd></>}
      </dl>
    </section>
  );
}

function Notes({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { name } = useNames();
  const notes = useDesk((s) => s.logs[id]?.notes);
  return (
    <section className="panel desk-notes" data-testid="desk-notes">
      <h2>🔒 {t('desk_notes')}</h2>
      {!notes || notes.length === 0 ? <p className="muted small">{t('desk_noNotes')}</p> : (
        <ul className="desk-list plain">
          {notes.map((n) => (
            <li key={n.id} className="desk-note" data-testid="desk-note">
              <span className="note-tag">{t('desk_internal')}</span> {n.text}
              <div className="muted small">{name(n.authorId)} · {formatTime(n.createdAt, lang)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CloseForm({ id }: { id: string }) {
  const { t } = useI18n();
  const store = useDeskStore();
  const errorText = useDeskError();
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      await store.close(id, splitTags(tags));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel">
      <h2>{t('desk_close')}</h2>
      <label className="field"><span>{t('desk_closeTags')}</span>
        <input value={tags} data-testid="desk-close-tags" onChange={(e) => setTags(e.target.value)} /></label>
      <button className="danger-button" disabled={busy} data-testid="desk-close" onClick={close}>{t('desk_closeConfirm')}</button>
      {error && <div className="banner error" role="alert">{error}</div>}
    </section>
  );
}

/** "退保, refund，退保" → ["退保", "refund"]: commas of either width, blanks and repeats dropped. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean))];
}
