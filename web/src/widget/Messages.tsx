// The conversation as the visitor sees it: their messages on the right, the bot's and the agents' on
// the left (the bot's answers with 👍/👎, its suggestions as questions to click), what happened in
// between as centered notes, and messages still on their way (sending / not sent, with retry).
import { useState } from 'react';
import type { Outgoing } from '../chat/outbox';
import { agentNames, aiAnswerOf, eventType, faqAnswerOf, isBot, isMessage, suggestionsOf } from '../desk/log';
import type { Entry } from '../desk/types';
import { useWidget, useWidgetState } from './context';
import { isClosed, isOwn } from './state';
import { widgetError, type WidgetKey } from './strings';

const EVENTS = new Set(['handoff', 'agent_joined', 'transfer', 'transferred_to_group', 'supervisor_joined', 'takeover', 'closed', 'missed']);

export function Messages() {
  const s = useWidgetState();
  const names = agentNames(s.entries);
  return (
    <div className="w-messages" data-testid="widget-messages" aria-live="polite">
      {s.entries.map((e) => <EntryView key={e.seq} e={e} names={names} />)}
      {s.outbox.map((m) => <PendingView key={m.clientMsgId} m={m} />)}
    </div>
  );
}

function EntryView({ e, names }: { e: Entry; names: Map<string, string> }) {
  const { t, client } = useWidget();
  const s = useWidgetState();
  if (e.kind === 'system') {
    const type = eventType(e) ?? '';
    const key = (EVENTS.has(type) ? `ev_${type}` : 'ev_other') as WidgetKey;
    return <div className="w-event" data-testid="widget-event" data-event={type}>{t(key)}</div>;
  }
  if (!isMessage(e) || e.recalled) return null;
  const own = isOwn(s, e);
  const who = own ? 'visitor' : isBot(e.senderId) ? 'bot' : 'agent';
  const answer = faqAnswerOf(e);
  const generated = aiAnswerOf(e);
  const suggestions = suggestionsOf(e);
  return (
    <div className={`w-msg w-${who}`} data-testid="widget-message" data-from={who} data-seq={e.seq}>
      {!own && <div className="w-sender">{who === 'bot' ? t('bot') : names.get(e.senderId ?? '') ?? t('agent')}</div>}
      <div className="w-bubble" data-testid="widget-message-text">{e.body.text}</div>
      {answer && <RateAnswer seq={e.seq} />}
      {generated && <div className="w-ai-note w-muted" data-testid="widget-ai-note">{t('aiGenerated')}</div>}
      {suggestions && suggestions.items.length > 0 && (
        <div className="w-suggestions">
          {suggestions.items.map((q) => (
            <button key={q.faqId} className="w-suggestion" data-testid="widget-suggestion" disabled={isClosed(s)}
              onClick={() => client.send(q.question)}>{q.question}</button>
          ))}
        </div>
      )}
    </div>
  );
}

function RateAnswer({ seq }: { seq: number }) {
  const { t, lang, client } = useWidget();
  const s = useWidgetState();
  const [error, setError] = useState<string | null>(null);
  const rated = s.rated[seq];
  if (rated !== undefined) return <div className="w-rated w-muted" data-testid="answer-rated">{t('thanksForFeedback')}</div>;
  const rate = (helpful: boolean) => {
    setError(null);
    client.rateAnswer(seq, helpful).catch((e) => setError(widgetError(lang, e)));
  };
  return (
    <div className="w-rate">
      <button className="w-icon" data-testid="answer-helpful" title={t('helpful')} aria-label={t('helpful')} onClick={() => rate(true)}>👍</button>
      <button className="w-icon" data-testid="answer-not-helpful" title={t('notHelpful')} aria-label={t('notHelpful')} onClick={() => rate(false)}>👎</button>
      {error && <span className="w-error-text" role="alert">{error}</span>}
    </div>
  );
}

function PendingView({ m }: { m: Outgoing }) {
  const { t, lang, client } = useWidget();
  const failed = m.state === 'failed';
  return (
    <div className="w-msg w-visitor w-pending" data-testid="widget-pending" data-state={m.state}>
      <div className="w-bubble">{m.text}</div>
      <div className={`w-pending-status${failed ? ' w-error-text' : ''}`} data-testid="widget-pending-status">
        {failed ? <>
          {t('sendFailed')}{m.error && <>: {widgetError(lang, m.error)}</>}{' '}
          <button className="w-link" data-testid="widget-retry" onClick={() => client.retry(m.clientMsgId)}>{t('retry')}</button>
          <button className="w-link" onClick={() => client.discard(m.clientMsgId)}>{t('discard')}</button>
        </> : t('sending')}
      </div>
    </div>
  );
}
