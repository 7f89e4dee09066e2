// One open conversation: header, announcement, the messages, who is typing, the composer and (for
// groups) the group panel. Opening it loads the newest page; while it is on screen it is marked read.
import { useEffect, useState } from 'react';
import { problemText, useI18n } from '../i18n';
import { navigate } from '../router';
import { Banner, useFormError } from '../ui';
import { Composer } from './Composer';
import { useChat, useChatEngine } from './context';
import { GroupPanel } from './GroupPanel';
import { MessageList } from './MessageList';
import { useNames } from './names';
import { conversationTitle } from './text';

export function ChatView({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const engine = useChatEngine();
  const { name } = useNames();
  const s = useChat((st) => st.summaries.find((x) => x.id === id));
  const gone = useChat((st) => st.gone[id]);
  const typing = useChat((st) => st.typing[id]);
  const online = useChat((st) => st.online);
  const members = useChat((st) => st.members[id]);
  const [showInfo, setShowInfo] = useState(false);
  const { error, capture, setError } = useFormError();

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
  const typers = Object.entries(typing ?? {}).filter(([, until]) => until > Date.now()).map(([m]) => name(m));
  return (
    <>
      <section className="chat-view panel" data-testid="chat-view">
        <div className="chat-head">
          <div>
            <strong data-testid="chat-title">{s ? conversationTitle(s, name) : '…'}</strong>
            {group && <span className="muted small"> · {t('groupMembers', { n: members?.length ?? s.memberCount })}</span>}
            {!online && <span className="muted small" data-testid="chat-offline"> · {t('reconnecting')}</span>}
          </div>
          {group && <button className="link" data-testid="chat-info-toggle" onClick={() => setShowInfo(!showInfo)}>{t('groupInfo')}</button>}
        </div>
        {s?.announcement && <div className="announcement" data-testid="chat-announcement"><strong>{t('announcement')}</strong> {s.announcement}</div>}
        {s?.dissolved && <div className="banner" data-testid="chat-dissolved">{t('groupDissolved')}</div>}
        {error && <div className="chat-error"><Banner error={error} /><button className="link" onClick={() => setError(null)}>{t('close')}</button></div>}
        <MessageList id={id} onError={capture} />
        <div className="typing muted small" data-testid="typing">{typers.length > 0 && t('isTyping', { name: typers.join(t('listSep')) })}</div>
        <Composer id={id} disabled={!!s?.dissolved} />
      </section>
      {showInfo && s && group && <GroupPanel s={s} onError={capture} onClose={() => setShowInfo(false)} />}
    </>
  );
}
