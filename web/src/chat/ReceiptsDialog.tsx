// Who has read one of my messages in a group, and who has not yet.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Banner, Modal, useFormError } from '../ui';
import { chatApi } from './chatApi';
import type { Msg } from './log';
import { useNames } from './names';
import type { Receipts } from './types';

export function ReceiptsDialog({ conversationId, msg, onClose }: { conversationId: string; msg: Msg; onClose: () => void }) {
  const { t } = useI18n();
  const { name } = useNames();
  const [tab, setTab] = useState<'read' | 'unread'>('unread');
  const [data, setData] = useState<Record<'read' | 'unread', Receipts | null>>({ read: null, unread: null });
  const { error, capture } = useFormError();
  useEffect(() => {
    Promise.all([chatApi.receipts(conversationId, msg.seq, 'read'), chatApi.receipts(conversationId, msg.seq, 'unread')])
      .then(([read, unread]) => setData({ read, unread }), capture);
  }, [conversationId, msg.seq]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = data.read ?? data.unread;
  // the sender counts as a reader on the server; this list is about the others
  const people = (data[tab]?.members ?? []).filter((id) => id !== msg.senderId);
  const readCount = counts ? Math.max(0, counts.readCount - 1) : 0;
  return (
    <Modal title={t('receipts')} onClose={onClose}>
      <Banner error={error} />
      <div className="tabs">
        <button className={tab === 'unread' ? 'active' : ''} data-testid="receipts-unread-tab" onClick={() => setTab('unread')}>{t('unreadTab', { n: counts?.unreadCount ?? 0 })}</button>
        <button className={tab === 'read' ? 'active' : ''} data-testid="receipts-read-tab" onClick={() => setTab('read')}>{t('readTab', { n: readCount })}</button>
      </div>
      <ul className="receipt-members">
        {people.map((id) => <li key={id} data-testid="receipt-member">{name(id)}</li>)}
      </ul>
      <div className="buttons"><button onClick={onClose}>{t('close')}</button></div>
    </Modal>
  );
}
