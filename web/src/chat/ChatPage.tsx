// The Chat section: the conversation list beside the open conversation (/chat/<id>).
import { useState } from 'react';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { ChatView } from './ChatView';
import { ConversationList } from './ConversationList';
import { NewGroupDialog } from './NewGroupDialog';

export function ChatPage({ path }: { path: string }) {
  const { t } = useI18n();
  const id = path.startsWith('/chat/') ? decodeURIComponent(path.slice('/chat/'.length)) : null;
  const [creating, setCreating] = useState(false);
  return (
    <div className="chat">
      <aside className="chat-list panel">
        <div className="chat-list-head">
          <button className="primary" data-testid="new-group" onClick={() => setCreating(true)}>{t('newGroup')}</button>
        </div>
        <ConversationList activeId={id} />
      </aside>
      {id ? <ChatView key={id} id={id} /> : <section className="chat-view panel empty"><p className="muted">{t('chooseConversation')}</p></section>}
      {creating && <NewGroupDialog onClose={() => setCreating(false)} onCreated={(cid) => { setCreating(false); navigate(`/chat/${cid}`); }} />}
    </div>
  );
}
