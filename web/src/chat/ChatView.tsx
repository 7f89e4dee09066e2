// One open conversation: header, announcement, the messages, who is typing, the composer and a side
// panel (group info; search in this conversation; an admin's export of a direct chat). Opening it
// loads the newest page; while it is on screen it is marked read. Files dropped on it are sent.
import { useEffect, useState, type DragEvent } from 'react';
import { problemText, useI18n } from '../i18n';
import { navigate } from '../router';
import { isAdmin, useSession } from '../session';
import { Banner } from '../ui';
import { Composer } from './Composer';
import { useChat, useChatEngine } from './context';
import { chatProblemText } from './errors';
import { ExportButtons } from './ExportButtons';
import { GroupPanel } from './GroupPanel';
import { SearchIcon } from './icons';
import { MessageList } from './MessageList';
import { useNames } from './names';
import { SearchBox, SearchResults, useSearchRequest } from './SearchPanel';
import { conversationTitle } from './text';

type Side = 'info' | 'search' | 'export' | null;

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function ChatView({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const engine = useChatEngine();
  const { member } = useSession();
  const { name } = useNames();
  const s = useChat((st) => st.summaries.find((x) => x.id === id));
  const gone = useChat((st) => st.gone[id]);
  const typing = useChat((st) => st.typing[id]);
  const online = useChat((st) => st.online);
  const members = useChat((st) => st.members[id]);
  const [side, setSide] = useState<Side>(null);
  const [search, setQuery] = useSearchRequest();
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const capture = (e: unknown) => setError(chatProblemText(lang, e));
  const toggle = (which: Side) => setSide(side === which ? null : which);

  useEffect(() => {
    engine.setActive(id);
    engine.open(id);
    return () => engine.setActive(null);
  }, [engine, id]);

  if (gone && !s) {
    return (
      <section className="chat-view panel empty" data-testid="chat-gone">
        <p className="muted">{gone.code === 'no_such_conversation' ? t('notInConversation') : problemText(lang, gone.code, gone.detail)}</p>
        <button onClick={() => navigate('/chat')}>{t('close')}</button>
      </section>
    );
  }
  const group = s && s.kind !== 'direct';
  const closed = !!s?.dissolved;
  const typers = Object.entries(typing ?? {}).filter(([, until]) => until > Date.now()).map(([m]) => name(m));
  const drop = {
    onDragOver: (e: DragEvent) => { if (!closed && hasFiles(e)) { e.preventDefault(); setDragging(true); } },
    onDragLeave: (e: DragEvent) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false); },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      if (!closed) for (const f of Array.from(e.dataTransfer.files)) engine.sendFile(id, f, f.name || 'file');
    },
  };
  return (
    <>
      <section className={`chat-view panel${dragging ? ' dragging' : ''}`} data-testid="chat-view" {...drop}>
        <div className="chat-head">
          <div>
            <strong data-testid="chat-title">{s ? conversationTitle(s, name) : '…'}</strong>
            {group && <span className="muted small"> · {t('groupMembers', { n: members?.length ?? s.memberCount })}</span>}
            {!online && <span className="muted small" data-testid="chat-offline"> · {t('reconnecting')}</span>}
          </div>
          <div className="chat-head-actions">
            <button className="link" data-testid="conversation-search-toggle" title={t('searchInConversation')} onClick={() => toggle('search')}><SearchIcon /> {t('searchButton')}</button>
            {group && <button className="link" data-testid="chat-info-toggle" onClick={() => toggle('info')}>{t('groupInfo')}</button>}
            {!group && s && isAdmin(member) && <button className="link" data-testid="chat-export-toggle" onClick={() => toggle('export')}>{t('exportHistory')}</button>}
          </div>
        </div>
        {s?.announcement && <div className="announcement" data-testid="chat-announcement"><strong>{t('announcement')}</strong> {s.announcement}</div>}
        {s?.dissolved && <div className="banner" data-testid="chat-dissolved">{t('groupDissolved')}</div>}
        {error && <div className="chat-error"><Banner error={{ message: error }} /><button className="link" onClick={() => setError(null)}>{t('close')}</button></div>}
        <MessageList id={id} onError={capture} />
        <div className="typing muted small" data-testid="typing">{typers.length > 0 && t('isTyping', { name: typers.join(t('listSep')) })}</div>
        <Composer id={id} disabled={closed} />
        {dragging && <div className="drop-overlay" data-testid="drop-overlay">{t('dropFilesHere')}</div>}
      </section>
      {side === 'info' && s && group && <GroupPanel s={s} onError={capture} onClose={() => setSide(null)} />}
      {side === 'search' && (
        <aside className="panel group-panel search-panel" data-testid="conversation-search-panel">
          <button className="link close" onClick={() => setSide(null)}>{t('close')}</button>
          <h3>{t('searchInConversation')}</h3>
          <SearchBox placeholder={t('searchInConversation')} onSearch={setQuery} initial={search.q} autoFocus testId="conversation-search" />
          {search.q && <SearchResults request={search} conversationId={id} />}
        </aside>
      )}
      {side === 'export' && (
        <aside className="panel group-panel" data-testid="export-panel">
          <button className="link close" onClick={() => setSide(null)}>{t('close')}</button>
          <h3>{t('exportHistory')}</h3>
          <ExportButtons conversationId={id} onError={capture} />
        </aside>
      )}
    </>
  );
}
