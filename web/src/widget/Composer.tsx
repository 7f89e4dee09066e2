// Typing a message (Enter sends, Shift+Enter a new line, not while an IME is composing), and the
// "talk to a person" button while the bot has the conversation.
import { useState, type KeyboardEvent } from 'react';
import { useWidget, useWidgetState } from './context';
import { widgetError } from './strings';

export function Composer() {
  const { t, lang, client } = useWidget();
  const s = useWidgetState();
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const send = () => {
    if (!text.trim()) return;
    client.send(text);
    setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) { e.preventDefault(); send(); }
  };
  const human = async () => {
    setNote(null);
    setAsking(true);
    try {
      const outcome = await client.human();
      if (outcome === 'already_with_people') setNote(t('alreadyWithPeople'));
    } catch (e) {
      setNote(widgetError(lang, e));
    } finally {
      setAsking(false);
    }
  };
  return (
    <div className="w-composer">
      {s.conversation?.state === 'bot' && !s.offlineForm && (
        <button className="w-human" data-testid="widget-human" disabled={asking || !s.connected} onClick={human}>🙋 {t('talkToPerson')}</button>
      )}
      {note && <div className="w-note" role="status" data-testid="widget-note">{note}</div>}
      <div className="w-input-row">
        <textarea value={text} rows={2} maxLength={5000} placeholder={t('placeholder')} aria-label={t('placeholder')} data-testid="widget-input"
          onChange={(e) => setText(e.target.value)} onKeyDown={onKey} />
        <button className="w-primary" data-testid="widget-send" disabled={!text.trim()} onClick={send}>{t('send')}</button>
      </div>
    </div>
  );
}
