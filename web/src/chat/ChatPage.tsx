// The Chat section: the conversation list beside the open conversation (/chat/<id>). The search box
// above the list searches every conversation; its results take the list's place until closed.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { ChatView } from './ChatView';
import { ConversationList } from './ConversationList';
import { NewGroupDialog } from './NewGroupDialog';
import { SearchBox, SearchResults, useSearchRequest } from './SearchPanel';
import './chat-extra.css';

export function ChatPage({ path }: { path: string }) {
  const { t } = useI18n();
  const id = path.startsWith('/chat/') ? decodeURIComponent(path.slice('/chat/'.length)) : null;
  const [creating, setCreating] = useState(false);
  const [search, setQuery] = useSearchRequest();
  const [searchKey, setSearchKey] = useState(0);
  return (
    <div className="chat">
      <aside className="chat-list panel">
        <div className="chat-list-head">
          <SearchBox key={searchKey} placeholder={t('searchMessages')} onSearch={setQuery} testId="chat-search" />
          <button className="primary" data-testid="new-group" onClick={() => setCreating(true)}>{t('newGroup')}</button>
        </div>
        {search.q ? (
          <>
            <button className="link search-close" data-testid="chat-search-close" onClick={() => { setQuery(''); setSearchKey(searchKey + 1); }}>← {t('close')}</button>
            <SearchResults request={search} />
          </>
        ) : <ConversationList activeId={id} />}
      </aside>
      {id ? <ChatView key={id} id={id} /> : <section className="chat-view panel empty"><p className="muted">{t('chooseConversation')}</p></section>}
      {creating && <NewGroupDialog onClose={() => setCreating(false)} onCreated={(cid) => { setCreating(false); navigate(`/chat/${cid}`); }} />}
    </div>
  );
}
