// The messages of one conversation, oldest at the top: scrolling to the top loads the page before;
// new messages keep the view at the bottom when it was there. Messages on their way come last.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useChat, useChatEngine } from './context';
import type { Msg } from './log';
import { MessageItem, PendingItem } from './MessageItem';
import { useNames } from './names';
import { ReceiptsDialog } from './ReceiptsDialog';
import { systemText } from './text';

export function MessageList({ id, onError }: { id: string; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const { member } = useSession();
  const engine = useChatEngine();
  const { name } = useNames();
  const log = useChat((s) => s.logs[id]);
  const s = useChat((st) => st.summaries.find((x) => x.id === id));
  const members = useChat((st) => st.members[id]);
  const outbox = useChat((st) => st.outbox);
  const loadingOlder = useChat((st) => !!st.loadingOlder[id]);
  const pending = useMemo(() => outbox.filter((m) => m.conversationId === id), [outbox, id]);
  const [receiptsFor, setReceiptsFor] = useState<Msg | null>(null);

  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const shape = useRef({ first: 0, height: 0 });
  const messages = log?.messages ?? [];
  const first = messages[0]?.seq ?? 0;

  // keep the reader's place: at the bottom as messages arrive, or on the same message when older ones load above
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (shape.current.first && first < shape.current.first && !atBottom.current) {
      el.scrollTop += el.scrollHeight - shape.current.height;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    shape.current = { first, height: el.scrollHeight };
  }, [messages, pending, first]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 60 && log?.hasOlder) engine.loadOlder(id).catch(onError);
  };

  // the last message of mine: in a direct chat it carries the "read" mark
  const lastMine = [...messages].reverse().find((m) => m.senderId === member.id && m.kind !== 'system' && !m.recalled)?.seq;
  const peerRead = s?.kind === 'direct' ? members?.find((m) => m.memberId === s.peerId)?.readSeq ?? 0 : 0;
  const manages = s ? s.kind !== 'direct' && s.role !== 'member' : false;
  const orgAdmin = member.role === 'owner' || member.role === 'admin';

  return (
    <div className="messages" ref={box} onScroll={onScroll} data-testid="messages">
      {log?.ready && (log.hasOlder
        ? <button className="link load-older" data-testid="load-older" disabled={loadingOlder} onClick={() => engine.loadOlder(id).catch(onError)}>{t('loadOlder')}</button>
        : messages.length > 0 && <div className="muted small center">{t('noOlder')}</div>)}
      {!log?.ready && <p className="muted center">{t('loading')}</p>}
      {messages.map((m) => (m.kind === 'system'
        ? <div key={m.seq} className="system-note" data-testid="system-note" data-seq={m.seq}>{systemText(m.body.event, name, t)}</div>
        : <MessageItem key={m.seq} conversationId={id} m={m} group={s?.kind !== 'direct'} mine={m.senderId === member.id}
            mayRecall={m.senderId === member.id || manages || orgAdmin} closed={!!s?.dissolved}
            members={members} memberCount={s?.memberCount ?? 0}
            directRead={s?.kind === 'direct' && m.seq === lastMine ? peerRead >= m.seq : undefined}
            onReceipts={() => setReceiptsFor(m)} onError={onError} />))}
      {pending.map((p) => <PendingItem key={p.clientMsgId} p={p} />)}
      {receiptsFor && <ReceiptsDialog conversationId={id} msg={receiptsFor} onClose={() => setReceiptsFor(null)} />}
    </div>
  );
}
