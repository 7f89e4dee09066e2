// Writing a message: Enter sends (not while an input method is composing), Shift+Enter is a new line.
// Files and images: the attach button, or pasted (dropping them on the conversation is in ChatView).
// A message refused for words the organisation blocks comes back here, with the words named.
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { useChat, useChatEngine } from './context';
import { chatProblemText } from './errors';
import { PaperclipIcon } from './icons';

export function Composer({ id, disabled }: { id: string; disabled: boolean }) {
  const { t, lang } = useI18n();
  const engine = useChatEngine();
  const refused = useChat((s) => s.refused[id]);
  const [text, setText] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  // the refused text returns to an empty box, to be changed and sent again
  useEffect(() => { if (refused) setText((now) => now || refused.text); }, [refused]);
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
  const sendFiles = (files: FileList | File[] | null) => {
    for (const f of Array.from(files ?? [])) engine.sendFile(id, f, f.name || 'file');
  };
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(e.clipboardData.files);
    if (!files.length) return; // plain text pastes as usual
    e.preventDefault();
    sendFiles(files);
  };
  return (
    <>
      {refused && (
        <div className="composer-error" role="alert" data-testid="composer-error">
          <span>{chatProblemText(lang, refused.error)} {t('refusedHint')}</span>
          <button className="link" onClick={() => engine.clearRefused(id)}>{t('close')}</button>
        </div>
      )}
      <div className="composer">
        <button type="button" className="attach" disabled={disabled} data-testid="composer-attach" title={t('attachFile')} aria-label={t('attachFile')}
          onClick={() => picker.current?.click()}><PaperclipIcon /></button>
        <input ref={picker} type="file" multiple hidden data-testid="composer-file"
          onChange={(e) => { sendFiles(e.target.files); e.target.value = ''; }} />
        <textarea value={text} placeholder={t('typeMessage')} disabled={disabled} data-testid="composer-input" aria-label={t('typeMessage')}
          onChange={(e) => { setText(e.target.value); if (e.target.value) engine.typing(id); }} onKeyDown={onKey} onPaste={onPaste} />
        <button className="primary" disabled={disabled || !text.trim()} data-testid="composer-send" onClick={send}>{t('send')}</button>
      </div>
    </>
  );
}
