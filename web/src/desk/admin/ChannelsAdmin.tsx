// Channels: a website widget (its script tag to copy) or an app channel (its key), the group that
// answers it, the pre-chat form, and for signed visitors the identity secret with how to sign.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { Banner, CopyButton, Field, useFormError } from '../../ui';
import { scriptTag, signingExample } from '../channel';
import { deskApi } from '../deskApi';
import type { Channel, SkillGroup } from '../types';

export function ChannelsAdmin() {
  const { t } = useI18n();
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [groups, setGroups] = useState<SkillGroup[]>([]);
  const { error, capture } = useFormError();
  const load = useCallback(() => {
    deskApi.channels().then((r) => setChannels(r.items), (e) => { capture(e); setChannels([]); });
    deskApi.groups().then((r) => setGroups(r.items), () => {});
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [load]);
  return (
    <section className="narrow">
      <NewChannel groups={groups} onCreated={load} />
      <Banner error={error} />
      {channels === null ? <p className="muted">{t('loading')}</p> : channels.length === 0 ? <p className="muted">{t('desk_noChannels')}</p>
        : channels.map((c) => <ChannelCard key={c.id} c={c} groupName={groups.find((g) => g.id === c.groupId)?.name ?? ''} />)}
    </section>
  );
}

function ChannelCard({ c, groupName }: { c: Channel; groupName: string }) {
  const { t } = useI18n();
  const [showSecret, setShowSecret] = useState(false);
  const tag = scriptTag(window.location.origin, c.widgetKey);
  return (
    <div className="panel channel-card" data-testid="channel-card" data-widget-key={c.widgetKey}>
      <h2>{c.name} <span className="muted small">· {c.kind === 'web' ? t('desk_kind_web') : t('desk_kind_api')} · {groupName}{c.preChatForm ? ` · ${t('desk_preChatForm')}` : ''}</span></h2>
      {c.kind === 'web' ? (
        <>
          <p>{t('desk_scriptTag')}</p>
          <pre className="code-block" data-testid="channel-script-tag">{tag}</pre>
          <CopyButton text={tag} />
        </>
      ) : (
        <>
          <p className="muted small">{t('desk_apiChannelHint')}</p>
          <p>{t('desk_widgetKey')}: <code data-testid="channel-key">{c.widgetKey}</code> <CopyButton text={c.widgetKey} /></p>
        </>
      )}
      {c.identitySecret && (
        <div className="channel-secret">
          <p>{t('desk_identitySecret')}: <code data-testid="channel-secret">{showSecret ? c.identitySecret : '••••••••••••••••'}</code>{' '}
            <button className="link" onClick={() => setShowSecret(!showSecret)}>{showSecret ? t('desk_hideSecret') : t('desk_showSecret')}</button>
            {showSecret && <CopyButton text={c.identitySecret} />}</p>
          <p className="muted small">{t('desk_signingNote')}</p>
          {c.kind === 'web' && <pre className="code-block">{scriptTag(window.location.origin, c.widgetKey, true)}</pre>}
          <pre className="code-block">{signingExample()}</pre>
        </div>
      )}
    </div>
  );
}

function NewChannel({ groups, onCreated }: { groups: SkillGroup[]; onCreated: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'web' | 'api'>('web');
  const [groupId, setGroupId] = useState('');
  const [identified, setIdentified] = useState(false);
  const [preChatForm, setPreChatForm] = useState(false);
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await deskApi.createChannel({ name, kind, groupId: groupId || groups[0]?.id || '', identified, preChatForm });
      setName('');
      onCreated();
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="panel" data-testid="channel-form">
      <h2>{t('desk_newChannel')}</h2>
      {groups.length === 0 && <p className="muted small">{t('desk_noGroups')}</p>}
      <Field label={t('desk_channelName')} name="name" value={name} onChange={setName} error={error} testId="channel-name" required />
      <label className="field"><span>{t('desk_channelKind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as 'web' | 'api')} data-testid="channel-kind">
          <option value="web">{t('desk_kind_web')}</option><option value="api">{t('desk_kind_api')}</option>
        </select>
      </label>
      <label className="field"><span>{t('desk_group')}</span>
        <select value={groupId || groups[0]?.id || ''} onChange={(e) => setGroupId(e.target.value)} data-testid="channel-group">
          {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
        {error?.field === 'groupId' && <small className="field-error" role="alert">{error.message}</small>}
      </label>
      <label className="check"><input type="checkbox" checked={identified} onChange={(e) => setIdentified(e.target.checked)} data-testid="channel-identified" /> {t('desk_identified')}</label>
      <label className="check"><input type="checkbox" checked={preChatForm} onChange={(e) => setPreChatForm(e.target.checked)} data-testid="channel-prechat" /> {t('desk_preChatForm')}</label>
      <Banner error={error} fields={['name', 'groupId']} />
      <button className="primary" disabled={busy || groups.length === 0} data-testid="channel-create">{t('create')}</button>
    </form>
  );
}
