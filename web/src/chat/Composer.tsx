// Writing a message: Enter sends (not while an input method is composing), Shift+Enter is a new line.
import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { useChatEngine } from './context';

export function Composer({ id, disabled }: { id: string; disabled: boolean }) {
  const { t } = useI18n();
  const engine = useChatEngine();
  const [text, setText] = useState('');
  const send = () => {
    if (!text.trim()) return;
    engine.send(id, text);
    setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };
  return (
    <div className="composer">
      <textarea value={text} placeholder={t('typeMessage')} disabled={disabled} data-testid="composer-input" aria-label={t('typeMessage')}
        onChange={(e) => { setText(e.target.value); if (e.target.value) engine.typing(id); }} onKeyDown={onKey} />
      <button className="primary" disabled={disabled || !text.trim()} data-testid="composer-send" onClick={send}>{t('send')}</button>
    </div>
  );
}
