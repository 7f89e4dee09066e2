// The agent's composer: a reply to the visitor (chat.send) or an internal note (desk.note, clearly
// marked). Typing "/" lists the canned responses; Tab or Enter puts the chosen one's text in.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { cannedMatches, expandCanned } from './canned';
import { useDesk, useDeskStore } from './context';
import { useDeskError } from './ui';

export function ReplyBox({ conversationId, canReply }: { conversationId: string; canReply: boolean }) {
  const { t } = useI18n();
  const store = useDeskStore();
  const canned = useDesk((s) => s.canned);
  const errorText = useDeskError();
  const [mode, setMode] = useState<'reply' | 'note'>(canReply ? 'reply' : 'note');
  const [text, setText] = useState('');
  const [pick, setPick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const replying = mode === 'reply' && canReply;
  const matches = useMemo(() => (replying ? cannedMatches(text, canned) : []), [replying, text, canned]);

  const submit = async () => {
    const body = text.trim();
    if (!body) return;
    setError(null);
    if (replying) {
      store.send(conversationId, body);
      setText('');
      return;
    }
    try {
      await store.note(conversationId, body);
      setText('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (matches.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setPick((p) => (p + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === 'Tab' || (e.key === 'Enter' && !e.shiftKey)) {
        e.preventDefault();
        setText(matches[Math.min(pick, matches.length - 1)].text);
        setPick(0);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      const expanded = replying ? expandCanned(text, canned) : null;
      if (expanded) setText(expanded);
      else submit();
    }
  };
  return (
    <div className={`desk-reply${replying ? '' : ' note-mode'}`}>
      <div className="tabs">
        <button className={`link${replying ? ' active' : ''}`} disabled={!canReply} data-testid="desk-mode-reply" onClick={() => setMode('reply')}>{t('desk_replyMode')}</button>
        <button className={`link${!replying ? ' active' : ''}`} data-testid="desk-mode-note" onClick={() => setMode('note')}>🔒 {t('desk_noteMode')}</button>
      </div>
      {matches.length > 0 && (
        <ul className="canned-list" data-testid="desk-canned-list" role="listbox">
          {matches.map((c, i) => (
            <li key={c.shortcut} role="option" aria-selected={i === pick} className={i === pick ? 'on' : ''} data-testid="desk-canned"
              onMouseDown={(e) => { e.preventDefault(); setText(c.text); setPick(0); }}>
              <code>/{c.shortcut}</code> <span className="muted">{c.text}</span>
            </li>
          ))}
          <li className="muted small">{t('desk_cannedHint')}</li>
        </ul>
      )}
      <div className="composer">
        <textarea rows={3} value={text} data-testid="desk-input" placeholder={replying ? t('desk_replyPlaceholder') : t('desk_notePlaceholder')}
          aria-label={replying ? t('desk_replyMode') : t('desk_noteMode')} onChange={(e) => { setText(e.target.value); setPick(0); }} onKeyDown={onKey} />
        <button className="primary" data-testid="desk-send" disabled={!text.trim()} onClick={submit}>{replying ? t('send') : t('desk_addNote')}</button>
      </div>
      {error && <div className="banner error" role="alert">{error}</div>}
    </div>
  );
}
