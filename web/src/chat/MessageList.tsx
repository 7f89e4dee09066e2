// The messages of one conversation, oldest at the top: scrolling to the top loads the page before;
// new messages keep the view at the bottom when it was there. Messages and files on their way come
// last. After jumping to a search hit far back, a window on that part of the history is shown instead
// (scrolling down loads on until it meets the newest messages), and the hit is marked briefly.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useChat, useChatEngine } from './context';
import { UploadItem } from './FileViews';
import type { Msg } from './log';
import { MessageItem, PendingItem } from './MessageItem';
import { useNames } from './names';
import { ReceiptsDialog } from './ReceiptsDialog';
import { systemText } from './text';

const FLASH_MS = 2_500;
/** The last jump scrolled to (module-wide: opening the conversation again later does not jump again). */
let lastFocused = 0;

export function MessageList({ id, onError }: { id: string; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const { member } = useSession();
  const engine = useChatEngine();
  const { name } = useNames();
  const live = useChat((s) => s.logs[id]);
  const win = useChat((s) => s.windows[id]);
  const log = win ?? live;
  const s = useChat((st) => st.summaries.find((x) => x.id === id));
  const members = useChat((st) => st.members[id]);
  const outbox = useChat((st) => st.outbox);
  const uploads = useChat((st) => st.uploads);
  const focus = useChat((st) => st.focus);
  const loadingOlder = useChat((st) => !!st.loadingOlder[id]);
  const loadingNewer = useChat((st) => !!st.loadingOlder[`${id}:newer`]);
  const pending = useMemo(() => outbox.filter((m) => m.conversationId === id), [outbox, id]);
  const sending = useMemo(() => uploads.filter((u) => u.conversationId === id), [uploads, id]);
  const [receiptsFor, setReceiptsFor] = useState<Msg | null>(null);
  const [flash, setFlash] = useState<number | null>(null);

  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const shape = useRef({ first: 0, height: 0 });
  const messages = log?.messages ?? [];
  const first = messages[0]?.seq ?? 0;

  // what I send takes me to the newest messages (also out of a window on earlier history)
  const mineOnTheWay = pending.length + sending.length;
  const before = useRef({ mineOnTheWay, win });
  if (mineOnTheWay > before.current.mineOnTheWay || (before.current.win && !win && !messages.some((m) => m.seq === before.current.win?.oldest))) {
    atBottom.current = true;
  }
  before.current = { mineOnTheWay, win };

  // keep the reader's place: at the bottom as messages arrive, or on the same message when older ones load above
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (shape.current.first && first < shape.current.first && !atBottom.current) {
      el.scrollTop += el.scrollHeight - shape.current.height;
    } else if (atBottom.current && !win) {
      el.scrollTop = el.scrollHeight;
    }
    shape.current = { first, height: el.scrollHeight };
  }, [messages, pending, sending, first, win]);

  // a search hit: scroll it to the middle once it is shown, and mark it for a moment
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !focus || focus.conversationId !== id || lastFocused >= focus.token) return;
    const target = el.querySelector<HTMLElement>(`[data-seq="${focus.seq}"]`);
    if (!target) return;
    lastFocused = focus.token;
    atBottom.current = false;
    target.scrollIntoView({ block: 'center' });
    shape.current = { first, height: el.scrollHeight };
    setFlash(focus.seq);
  }, [focus, id, messages, first]);
  useEffect(() => {
    if (flash === null) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash, focus?.token]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 60 && log?.hasOlder) (win ? engine.loadOlderInWindow(id) : engine.loadOlder(id)).catch(onError);
    if (win && el.scrollHeight - el.scrollTop - el.clientHeight < 60) engine.loadNewerInWindow(id).catch(onError);
  };

  // the last message of mine: in a direct chat it carries the "read" mark
  const lastMine = [...messages].reverse().find((m) => m.senderId === member.id && m.kind !== 'system' && !m.recalled)?.seq;
  const peerRead = s?.kind === 'direct' ? members?.find((m) => m.memberId === s.peerId)?.readSeq ?? 0 : 0;
  const manages = s ? s.kind !== 'direct' && s.role !== 'member' : false;
  const orgAdmin = member.role === 'owner' || member.role === 'admin';

  return (
    <div className="messages" ref={box} onScroll={onScroll} data-testid="messages">
      {log?.ready && (log.hasOlder
        ? <button className="link load-older" data-testid="load-older" disabled={loadingOlder}
            onClick={() => (win ? engine.loadOlderInWindow(id) : engine.loadOlder(id)).catch(onError)}>{t('loadOlder')}</button>
        : messages.length > 0 && <div className="muted small center">{t('noOlder')}</div>)}
      {!log?.ready && <p className="muted center">{t('loading')}</p>}
      {messages.map((m) => (m.kind === 'system'
        ? <div key={m.seq} className={`system-note${flash === m.seq ? ' flash' : ''}`} data-testid="system-note" data-seq={m.seq}>{systemText(m.body.event, name, t)}</div>
        : <MessageItem key={m.seq} conversationId={id} m={m} group={s?.kind !== 'direct'} mine={m.senderId === member.id}
            mayRecall={m.senderId === member.id || manages || orgAdmin} closed={!!s?.dissolved}
            members={members} memberCount={s?.memberCount ?? 0} flash={flash === m.seq}
            directRead={s?.kind === 'direct' && m.seq === lastMine ? peerRead >= m.seq : undefined}
            onReceipts={() => setReceiptsFor(m)} onError={onError} />))}
      {win ? (
        <div className="window-end">
          <button className="link" data-testid="load-newer" disabled={loadingNewer} onClick={() => engine.loadNewerInWindow(id).catch(onError)}>{t('loadNewer')}</button>
          <button className="primary jump-latest" data-testid="jump-latest" onClick={() => { atBottom.current = true; engine.leaveWindow(id); }}>{t('jumpToLatest')}</button>
        </div>
      ) : (
        <>
          {pending.map((p) => <PendingItem key={p.clientMsgId} p={p} />)}
          {sending.map((u) => <UploadItem key={u.clientMsgId} u={u} />)}
        </>
      )}
      {receiptsFor && <ReceiptsDialog conversationId={id} msg={receiptsFor} onClose={() => setReceiptsFor(null)} />}
    </div>
  );
}
