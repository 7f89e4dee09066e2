// The chat panel inside the widget frame: a header, and by phase the pre-chat form, the conversation
// (messages, queue, offline form, survey, composer) or why it could not start.
import { useEffect, useState } from 'react';
import { isClosed } from './state';
import { useWidget, useWidgetState } from './context';
import { widgetError } from './strings';
import { Composer } from './Composer';
import { CsatForm, OfflineForm, PreChatForm } from './Forms';
import { Messages } from './Messages';
import { StatusBar } from './StatusBar';

export function WidgetApp({ onMinimize }: { onMinimize: (() => void) | null }) {
  const { t, lang, client } = useWidget();
  const s = useWidgetState();
  let body: React.ReactNode;
  if (s.phase === 'prechat') body = <PreChatForm />;
  else if (s.phase === 'failed') {
    body = (
      <div className="w-center" data-testid="widget-failed" role="alert">
        <p>{t('startFailed', { reason: widgetError(lang, s.failure) })}</p>
        <button className="w-primary" onClick={() => client.start()}>{t('tryAgain')}</button>
      </div>
    );
  } else if (s.phase !== 'ready') body = <div className="w-center w-muted" data-testid="widget-starting">{t('starting')}</div>;
  else body = <Conversation />;
  return (
    <div className="w-app" data-testid="widget">
      <Header onMinimize={onMinimize} />
      {s.phase === 'ready' && !s.connected && <div className="w-banner" role="status" data-testid="widget-reconnecting">{t('reconnecting')}</div>}
      {body}
    </div>
  );
}

function Header({ onMinimize }: { onMinimize: (() => void) | null }) {
  const { t, lang, client } = useWidget();
  const s = useWidgetState();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = s.phase === 'ready' && !!s.conversation && !isClosed(s);
  const download = async () => {
    setError(null);
    try {
      const text = await client.transcriptText();
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `transcript-${new Date().toISOString().slice(0, 10)}.txt` });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(widgetError(lang, e));
    }
  };
  const end = async () => {
    setConfirmEnd(false);
    try {
      await client.end();
    } catch (e) {
      setError(widgetError(lang, e));
    }
  };
  return (
    <header className="w-header">
      <div className="w-title">{client.channel || t('title')}</div>
      <div className="w-actions">
        {s.conversation && s.phase === 'ready' && (
          <button className="w-icon" data-testid="widget-transcript" title={t('transcript')} aria-label={t('transcript')} onClick={download}>⬇</button>
        )}
        {open && <button className="w-text" data-testid="widget-end" onClick={() => setConfirmEnd(true)}>{t('endChat')}</button>}
        {onMinimize && <button className="w-icon" data-testid="widget-minimize" title={t('minimize')} aria-label={t('minimize')} onClick={onMinimize}>—</button>}
      </div>
      {confirmEnd && (
        <div className="w-confirm" role="dialog" aria-label={t('endChatConfirm')}>
          <span>{t('endChatConfirm')}</span>
          <button className="w-primary" data-testid="widget-end-confirm" onClick={end}>{t('yes')}</button>
          <button onClick={() => setConfirmEnd(false)}>{t('no')}</button>
        </div>
      )}
      {error && <div className="w-error" role="alert" onClick={() => setError(null)}>{error}</div>}
    </header>
  );
}

function Conversation() {
  const { t, client } = useWidget();
  const s = useWidgetState();
  const ended = isClosed(s);
  // the newest message in view
  useEffect(() => {
    document.querySelector('[data-testid="widget-messages"]')?.scrollTo({ top: 1e9 });
  }, [s.entries.length, s.outbox.length, s.offlineForm, s.csat]);
  return (
    <>
      <Messages />
      <StatusBar />
      {s.offlineForm && <OfflineForm reason={s.offlineForm} />}
      {s.offlineSent && <div className="w-notice" data-testid="widget-offline-sent" role="status">{t('offlineSent')}</div>}
      {ended ? (
        <div className="w-ended">
          {s.csat === 'ask' && <CsatForm />}
          {s.csat === 'sent' && <div className="w-notice" data-testid="csat-thanks" role="status">{t('csatThanks')}</div>}
          <p className="w-muted">{t('ended')}</p>
          <button className="w-primary" data-testid="widget-new-conversation" onClick={() => client.newConversation().catch(() => {})}>{t('newConversation')}</button>
        </div>
      ) : <Composer />}
    </>
  );
}
