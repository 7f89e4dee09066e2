// Creating a group: a name and the people in it (the creator becomes its owner).
import { useState, type FormEvent } from 'react';
import type { Member } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { Banner, Field, Modal, useFormError } from '../ui';
import { useChatEngine } from './context';
import { MemberPicker } from './MemberPicker';

export function NewGroupDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const engine = useChatEngine();
  const { member } = useSession();
  const [title, setTitle] = useState('');
  const [people, setPeople] = useState<Member[]>([]);
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await engine.createGroup(title, people.map((p) => p.id)));
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('newGroup')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Banner error={error} fields={['title']} />
        <Field label={t('groupName')} name="title" value={title} onChange={setTitle} error={error} testId="group-create-title" />
        <h3 className="small muted">{t('pickMembers')}</h3>
        <MemberPicker selected={people} onChange={setPeople} exclude={new Set([member.id])} />
        <div className="buttons">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button className="primary" disabled={busy} data-testid="group-create-submit">{t('create')}</button>
        </div>
      </form>
    </Modal>
  );
}
