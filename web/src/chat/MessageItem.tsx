// One message: the bubble, its reactions, its menu (react; edit and recall for the sender) and its
// read state ("Read" in direct chats, "N unread" in groups). And a message still on its way.
import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { meetingCardOf } from '../meetings/card';
import { MeetingCard } from '../meetings/MeetingCard';
import { useSession } from '../session';
import { useChatEngine } from './context';
import { chatProblemText } from './errors';
import { FileMessage, ImageMessage } from './FileViews';
import type { Msg } from './log';
import { useNames } from './names';
import type { Outgoing } from './outbox';
import { unreadBy } from './summaries';
import type { FileInfo, Membership } from './types';

export const REACTIONS = ['👍', '❤️', '😄', '🎉', '👀'];
/** Above this, reads are not pushed to everyone (chat.receipt-push-max-members): counts come on demand. */
const LIVE_RECEIPTS_MAX_MEMBERS = 100;

export function shortTime(iso: string, lang: string): string {
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', today ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' });
}

export function MessageItem({ conversationId, m, group, mine, mayRecall, closed, members, memberCount, directRead, onReceipts, onError, flash = false }: {
  conversationId: string; m: Msg; group: boolean; mine: boolean; mayRecall: boolean; closed: boolean; flash?: boolean;
  members: Membership[] | undefined; memberCount: number; directRead: boolean | undefined;
  onReceipts: () => void; onError: (e: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const { member } = useSession();
  const engine = useChatEngine();
  const { name } = useNames();
  const [menu, setMenu] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const act = (p: Promise<unknown>) => { setMenu(false); p.catch(onError); };
  const saveEdit = () => {
    const text = editing?.trim();
    setEditing(null);
    if (text && text !== m.body.text) act(engine.edit(conversationId, m.seq, text));
  };
  const onEditKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) { e.preventDefault(); saveEdit(); }
    if (e.key === 'Escape') setEditing(null);
  };
  const reactions = Object.entries(m.reactions);
  return (
    <div className={`message${mine ? ' mine' : ''}${flash ? ' flash' : ''}`} data-testid="message" data-seq={m.seq} data-flash={flash || undefined}>
      <div className="message-meta muted small">{group && !mine && <span className="sender">{name(m.senderId)} </span>}{shortTime(m.createdAt, lang)}</div>
      <div className="bubble-row">
        {editing !== null ? (
          <span className="edit-box">
            <input value={editing} autoFocus data-testid="edit-input" onChange={(e) => setEditing(e.target.value)} onKeyDown={onEditKey} />
            <button className="primary" data-testid="edit-save" onClick={saveEdit}>{t('save')}</button>
            <button onClick={() => setEditing(null)}>{t('cancel')}</button>
          </span>
        ) : (
          <div className={`bubble${m.recalled ? ' recalled' : ''}`} data-testid="message-text">
            {m.recalled ? t('recalled') : <MessageBody conversationId={conversationId} m={m} onError={onError} />}
            {!m.recalled && m.editedAt && <span className="edited muted small" data-testid="message-edited"> ({t('edited')})</span>}
          </div>
        )}
        {!m.recalled && !closed && editing === null && (
          <button className="link menu-button" data-testid="message-menu" aria-label={t('messageMenu')} onClick={() => setMenu(!menu)}>⋯</button>
        )}
      </div>
      {menu && (
        <div className="message-menu" data-testid="message-menu-panel">
          {REACTIONS.map((e) => (
            <button key={e} className="link" data-testid="react-option" aria-label={`${t('react')} ${e}`}
              onClick={() => act(engine.react(conversationId, m.seq, e, !(m.reactions[e] ?? []).includes(member.id)))}>{e}</button>
          ))}
          {mine && m.kind === 'text' && <button className="link" data-testid="message-edit" onClick={() => { setMenu(false); setEditing(m.body.text ?? ''); }}>{t('edit')}</button>}
          {mayRecall && <button className="link danger" data-testid="message-recall" onClick={() => act(engine.recall(conversationId, m.seq))}>{t('recall')}</button>}
        </div>
      )}
      {reactions.length > 0 && (
        <div className="reactions">
          {reactions.map(([emoji, who]) => (
            <button key={emoji} className={`reaction${who.includes(member.id) ? ' mine' : ''}`} data-testid="reaction" title={who.map(name).join(t('listSep'))}
              disabled={closed} onClick={() => act(engine.react(conversationId, m.seq, emoji, !who.includes(member.id)))}>{emoji} {who.length}</button>
          ))}
        </div>
      )}
      {mine && !m.recalled && directRead !== undefined && (
        <div className={`message-status${directRead ? ' done' : ''}`} data-testid="read-status">{directRead ? t('read') : t('unreadStatus')}</div>
      )}
      {mine && !m.recalled && group && <GroupReceipt m={m} members={members} memberCount={memberCount} onClick={onReceipts} />}
    </div>
  );
}

/** What a message says: its text, or its file or image (with the caption under it). */
function MessageBody({ conversationId, m, onError }: { conversationId: string; m: Msg; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const file = m.body.file as FileInfo | undefined;
  if ((m.kind === 'image' || m.kind === 'file') && file?.sha256) {
    return (
      <>
        {m.kind === 'image'
          ? <ImageMessage conversationId={conversationId} file={file} onError={onError} />
          : <FileMessage conversationId={conversationId} file={file} onError={onError} />}
        {m.body.text && <span className="caption">{m.body.text}</span>}
      </>
    );
  }
  const meeting = m.kind === 'card' ? meetingCardOf(m.body.card) : null;
  if (meeting) return <MeetingCard card={meeting} />;
  return <>{m.body.text ?? (m.kind === 'card' ? t('previewCard') : '')}</>;
}

function GroupReceipt({ m, members, memberCount, onClick }: { m: Msg; members: Membership[] | undefined; memberCount: number; onClick: () => void }) {
  const { t } = useI18n();
  let label: string;
  if (!members || memberCount > LIVE_RECEIPTS_MAX_MEMBERS) label = t('receipts');
  else {
    const n = unreadBy(members, m);
    label = n > 0 ? t('nUnread', { n }) : t('allRead');
  }
  return <button className="link message-status" data-testid="receipt-status" onClick={onClick}>{label}</button>;
}

export function PendingItem({ p }: { p: Outgoing }) {
  const { t, lang } = useI18n();
  const engine = useChatEngine();
  const failed = p.state === 'failed';
  const why = p.error && chatProblemText(lang, p.error);
  return (
    <div className="message mine pending" data-testid="message-pending" data-client-msg-id={p.clientMsgId}>
      <div className="message-meta muted small">{shortTime(p.createdAt, lang)}</div>
      <div className="bubble-row"><div className="bubble" data-testid="message-text">{p.text}</div></div>
      <div className={`message-status${failed ? ' danger' : ''}`} data-testid="pending-status">
        {failed ? <>
          {t('sendFailed')}{why && <>: {why}</>}
          {' '}<button className="link" data-testid="pending-retry" onClick={() => engine.retrySend(p.clientMsgId)}>{t('retry')}</button>
          <button className="link" onClick={() => engine.discardSend(p.clientMsgId)}>{t('discard')}</button>
        </> : t('sending')}
      </div>
    </div>
  );
}

