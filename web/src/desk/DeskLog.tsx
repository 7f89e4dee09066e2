// A desk conversation's log as agents and supervisors read it: the visitor, the bot (its FAQ answers and
// suggestions marked), the agents, and what happened (handoff, joined, transferred, closed) in between;
// my replies still on their way at the end.
import type { Outgoing } from '../chat/outbox';
import { chatProblemText } from '../chat/errors';
import { shortTime } from '../chat/MessageItem';
import { useNames } from '../chat/names';
import { useI18n, type Key } from '../i18n';
import { useSession } from '../session';
import { useDeskStore } from './context';
import { aiAnswerOf, faqAnswerOf, isBot, isMessage, suggestionsOf } from './log';
import type { DeskConversation, Entry } from './types';
import { keyOr } from './ui';

export function DeskLog({ c, entries, pending, groupName }: {
  c: DeskConversation; entries: Entry[]; pending: Outgoing[]; groupName: (id: string | undefined) => string;
}) {
  return (
    <div className="messages desk-log" data-testid="desk-log">
      {entries.map((e) => <DeskEntry key={e.seq} e={e} c={c} groupName={groupName} />)}
      {pending.map((p) => <PendingReply key={p.clientMsgId} p={p} />)}
    </div>
  );
}

function DeskEntry({ e, c, groupName }: { e: Entry; c: DeskConversation; groupName: (id: string | undefined) => string }) {
  const { t, lang } = useI18n();
  const { member } = useSession();
  const { name } = useNames();
  if (e.kind === 'system') {
    return <div className="system-note" data-testid="desk-event" data-event={e.body.event?.type}>{eventText(e, t, name, groupName)}</div>;
  }
  if (!isMessage(e) || e.recalled) return null;
  const mine = e.senderId === member.id;
  const who = isBot(e.senderId) ? t('desk_bot') : e.senderId === c.visitorId ? t('desk_visitorSender') : name(e.senderId);
  const answer = faqAnswerOf(e);
  const generated = aiAnswerOf(e);
  const suggestions = suggestionsOf(e);
  return (
    <div className={`message${mine ? ' mine' : ''}${isBot(e.senderId) ? ' bot' : ''}`} data-testid="desk-message" data-seq={e.seq}
      data-from={isBot(e.senderId) ? 'bot' : e.senderId === c.visitorId ? 'visitor' : mine ? 'me' : 'agent'}>
      <div className="message-meta muted small">{!mine && <span className="sender">{who} </span>}{shortTime(e.createdAt, lang)}</div>
      <div className="bubble-row">
        <div className="bubble" data-testid="desk-message-text">
          {answer && <span className="card-tag">{t('desk_faqAnswer')}</span>}
          {generated && <span className="card-tag" data-testid="desk-ai-answer">{t('desk_aiAnswer')}</span>}
          {e.body.text}
          {suggestions && (
            <ul className="desk-suggestions">{suggestions.items.map((q) => <li key={q.faqId}>{q.question}</li>)}</ul>
          )}
        </div>
      </div>
    </div>
  );
}

type T = (key: Key, vars?: Record<string, string | number>) => string;

export function eventText(e: Entry, t: T, name: (id: string) => string, groupName: (id: string | undefined) => string): string {
  const ev = e.body.event ?? { type: '' };
  const str = (k: string) => (typeof ev[k] === 'string' ? (ev[k] as string) : '');
  switch (ev.type) {
    case 'handoff': return t('desk_ev_handoff', { reason: t(keyOr(`desk_handoff_${str('reason')}`, 'desk_handoff_requested')) });
    case 'agent_joined': return t('desk_ev_agent_joined', { name: name(str('agentId') || e.senderId) });
    case 'transfer': return t('desk_ev_transfer', { by: name(e.senderId), name: name(str('to')) });
    case 'transferred_to_group': return t('desk_ev_transferred_to_group', { by: name(e.senderId), group: groupName(str('groupId')) });
    case 'supervisor_joined': return t('desk_ev_supervisor_joined', { name: name(e.senderId) });
    case 'takeover': return t('desk_ev_takeover', { name: name(str('to') || e.senderId) });
    case 'closed': return str('by') && str('by') !== 'system' ? t('desk_ev_closed', { name: name(str('by')) }) : t('desk_ev_closed_system');
    case 'missed': return t('desk_ev_missed');
    default: return t('desk_ev_other');
  }
}

function PendingReply({ p }: { p: Outgoing }) {
  const { t, lang } = useI18n();
  const store = useDeskStore();
  const failed = p.state === 'failed';
  return (
    <div className="message mine pending" data-testid="desk-pending" data-state={p.state}>
      <div className="bubble-row"><div className="bubble">{p.text}</div></div>
      <div className={`message-status${failed ? ' danger' : ''}`}>
        {failed ? <>
          {t('sendFailed')}{p.error && <>: {chatProblemText(lang, p.error)}</>}{' '}
          <button className="link" onClick={() => store.retrySend(p.clientMsgId)}>{t('retry')}</button>
          <button className="link" onClick={() => store.discardSend(p.clientMsgId)}>{t('discard')}</button>
        </> : t('sending')}
      </div>
    </div>
  );
}
