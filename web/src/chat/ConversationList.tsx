// The conversation list: title (or the other person's name), last message, unread badge.
import { useSession } from '../session';
import { problemText, useI18n } from '../i18n';
import { navigate } from '../router';
import { Banner } from '../ui';
import { useChat } from './context';
import { useNames } from './names';
import { badge } from './summaries';
import { conversationTitle, previewText } from './text';
import type { ConversationSummary } from './types';

export function ConversationList({ activeId }: { activeId: string | null }) {
  const { t, lang } = useI18n();
  const summaries = useChat((s) => s.summaries);
  const loaded = useChat((s) => s.listLoaded);
  const error = useChat((s) => s.listError);
  return (
    <>
      {error && <Banner error={{ message: error.code === 'network_error' ? t('networkError') : problemText(lang, error.code, error.detail) }} />}
      {loaded && summaries.length === 0 && <p className="muted small" data-testid="no-conversations">{t('noConversations')}</p>}
      <ul className="conversations" data-testid="conversation-list">
        {summaries.map((s) => <ConversationRow key={s.id} s={s} active={s.id === activeId} />)}
      </ul>
    </>
  );
}

function ConversationRow({ s, active }: { s: ConversationSummary; active: boolean }) {
  const { t } = useI18n();
  const { member } = useSession();
  const { name } = useNames();
  const title = conversationTitle(s, name);
  const count = badge(s);
  return (
    <li className={`conversation${active ? ' active' : ''}`} data-testid="conversation-item" data-conversation-id={s.id}
      onClick={() => navigate(`/chat/${s.id}`)}>
      <div className="avatar small">{title.slice(0, 1)}</div>
      <div className="conversation-text">
        <div className="conversation-title" data-testid="conversation-title">{title}</div>
        <div className="conversation-preview muted small" data-testid="conversation-preview">{previewText(s.lastEntry, s.kind, member.id, name, t)}</div>
      </div>
      {count && <span className="badge" data-testid="unread-badge">{count}</span>}
    </li>
  );
}
