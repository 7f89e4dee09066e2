// The meeting's own chat (`meeting.chat`): lines pushed to everyone in the meeting, gone when it ends.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useRoom, useRoomView } from './context';
import { meetingErrorText } from './errors';

export const MEETING_CHAT_MAX = 2000;

export function MeetingChat() {
  const { t, lang } = useI18n();
  const room = useRoom();
  const { room: s } = useRoomView();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => { list.current?.lastElementChild?.scrollIntoView?.({ block: 'end' }); }, [s.chat.length]);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    setError(null);
    try {
      await room.sendChat(body);
      setText('');
    } catch (err) {
      setError(meetingErrorText(lang, err));
    }
  };
  return (
    <aside className="meeting-panel panel" aria-label={t('chatPanel')} data-testid="meeting-chat">
      <h2>{t('chatPanel')}</h2>
      {s.chat.length === 0 && <p className="muted">{t('noChatYet')}</p>}
      <ol className="meeting-chat-lines" ref={list}>
        {s.chat.map((c, i) => (
          <li key={i} data-testid="meeting-chat-line" className={c.from === s.selfId ? 'mine' : ''}>
            <span className="muted small">{c.displayName}</span>
            <div>{c.text}</div>
          </li>
        ))}
      </ol>
      {error && <div className="banner error" role="alert">{error}</div>}
      <form className="meeting-chat-form" onSubmit={send}>
        <input value={text} maxLength={MEETING_CHAT_MAX} placeholder={t('chatPlaceholder')} aria-label={t('chatPlaceholder')}
          data-testid="meeting-chat-input" onChange={(e) => setText(e.target.value)} />
        <button className="primary" data-testid="meeting-chat-send">{t('send')}</button>
      </form>
    </aside>
  );
}
