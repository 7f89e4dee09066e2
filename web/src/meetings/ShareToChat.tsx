// "Share to chat": pick one of my conversations (searchable by title) and post the meeting's card
// there (POST /meetings/{id}/card). One key per conversation while it is being shared, so a retry
// after a lost answer posts the card once.
import { useEffect, useMemo, useRef, useState } from 'react';
import { chatApi } from '../chat/chatApi';
import { useNames } from '../chat/names';
import { conversationTitle } from '../chat/text';
import type { ConversationSummary } from '../chat/types';
import { useI18n } from '../i18n';
import { newUuid } from '../uuid';
import { Banner, Modal, Notice, useFormError } from '../ui';
import { meetingApi } from './meetingApi';
import { filterConversations } from './share';
import type { Meeting } from './types';

/** Enough for anyone's list; the picker's search narrows it. */
const MAX_PAGES = 10;

export function ShareToChatButton({ m }: { m: Meeting }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="link" data-testid="meeting-share-chat" onClick={() => setOpen(true)}>{t('shareToChat')}</button>
      {open && <ShareToChatDialog m={m} onClose={() => setOpen(false)} />}
    </>
  );
}

export function ShareToChatDialog({ m, onClose }: { m: Meeting; onClose: () => void }) {
  const { t } = useI18n();
  const { name } = useNames();
  const [list, setList] = useState<ConversationSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [sent, setSent] = useState<Record<string, true>>({});
  const [done, setDone] = useState<string | null>(null);
  const keys = useRef(new Map<string, string>());
  const { error, capture, setError } = useFormError();

  useEffect(() => {
    let live = true;
    (async () => {
      const all: ConversationSummary[] = [];
      let cursor: string | null = null;
      try {
        for (let i = 0; i < MAX_PAGES; i++) {
          const page = await chatApi.conversations(cursor);
          all.push(...page.items);
          cursor = page.nextCursor;
          if (!cursor) break;
        }
      } catch (e) {
        if (live) capture(e);
      }
      if (live) setList(all);
    })();
    return () => { live = false; };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const titleOf = (c: ConversationSummary) => conversationTitle(c, name);
  const shown = useMemo(() => filterConversations(list ?? [], query, titleOf), [list, query, name]); // eslint-disable-line react-hooks/exhaustive-deps

  const share = async (c: ConversationSummary) => {
    let key = keys.current.get(c.id);
    if (!key) { key = newUuid(); keys.current.set(c.id, key); }
    setBusyId(c.id);
    setError(null);
    setDone(null);
    try {
      await meetingApi.postCard(m.id, c.id, key);
      keys.current.delete(c.id);
      setSent((s) => ({ ...s, [c.id]: true }));
      setDone(t('sharedTo', { name: titleOf(c) }));
    } catch (e) {
      capture(e);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Modal title={t('shareToChatTitle', { title: m.title })} onClose={onClose}>
      <div data-testid="share-chat-dialog">
        <input type="search" value={query} autoFocus aria-label={t('searchConversations')} placeholder={t('searchConversations')}
          data-testid="share-chat-search" onChange={(e) => setQuery(e.target.value)} />
        {done && <div data-testid="share-chat-done"><Notice>{done}</Notice></div>}
        <Banner error={error} />
        {list === null ? <p className="muted">{t('loading')}</p>
          : shown.length === 0 ? <p className="muted small" data-testid="share-chat-empty">{list.length ? t('noMatchingConversations') : t('noConversations')}</p>
          : (
            <ul className="share-chat-list" data-testid="share-chat-list" aria-label={t('shareToChat')}>
              {shown.map((c) => {
                const title = titleOf(c);
                return (
                  <li key={c.id} data-testid="share-chat-item" data-conversation-id={c.id}>
                    <span className="avatar small" aria-hidden="true">{title.slice(0, 1)}</span>
                    <span className="share-chat-title">{title}</span>
                    <button className={sent[c.id] ? '' : 'primary'} disabled={busyId !== null || !!sent[c.id]} data-testid="share-chat-send"
                      aria-label={`${t('shareHere')}: ${title}`} onClick={() => share(c)}>
                      {busyId === c.id ? t('sharing') : sent[c.id] ? t('shared') : t('shareHere')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        <div className="buttons">
          <button onClick={onClose} data-testid="share-chat-close">{t('close')}</button>
        </div>
      </div>
    </Modal>
  );
}
