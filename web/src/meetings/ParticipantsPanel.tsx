// Everyone in the meeting, and for hosts and co-hosts the host panel: the waiting room (admit / deny
// one, admit all), mute all, lock, and per participant the actions permissions.ts allows.
import { useState } from 'react';
import { useI18n, type Key } from '../i18n';
import { Modal } from '../ui';
import { useRoom, useRoomView } from './context';
import { meetingErrorText } from './errors';
import { displayRole } from './layout';
import { controlsFor, hostActions, rosterOrder, type HostAction } from './permissions';
import { selfOf } from './roster';
import type { Participant } from './types';

const ACTION_LABEL: Record<HostAction, Key> = {
  mute: 'mute', askUnmute: 'askUnmute', stopVideo: 'stopVideo', stopShare: 'stopTheirShare', lowerHand: 'lowerHand',
  makeCohost: 'makeCohost', removeCohost: 'removeCohost', transferHost: 'transferHost', spotlight: 'spotlight',
  removeSpotlight: 'removeSpotlight', rename: 'renameParticipant', remove: 'removeParticipant',
};

type Dialog = { kind: 'rename' | 'remove' | 'transfer'; p: Participant } | { kind: 'muteAll' } | null;

export function ParticipantsPanel({ onError }: { onError: (m: string) => void }) {
  const { t, lang } = useI18n();
  const room = useRoom();
  const { room: s } = useRoomView();
  const me = selfOf(s);
  const c = controlsFor(s);
  const [open, setOpen] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const act = (p: Promise<unknown>) => p.catch((e) => onError(meetingErrorText(lang, e)));

  const run = (a: HostAction, p: Participant) => {
    setOpen(null);
    switch (a) {
      case 'mute': return act(room.mute(p.id));
      case 'askUnmute': return act(room.askUnmute(p.id));
      case 'stopVideo': return act(room.stopVideo(p.id));
      case 'stopShare': return act(room.stopTheirShare(p.id));
      case 'lowerHand': return act(p.id === me?.id ? room.setHand(false) : room.lowerHand(p.id));
      case 'makeCohost': return act(room.setRole(p.id, 'cohost'));
      case 'removeCohost': return act(room.setRole(p.id, 'attendee'));
      case 'spotlight': return act(room.spotlight(p.id));
      case 'removeSpotlight': return act(room.spotlight(null));
      case 'rename': return setDialog({ kind: 'rename', p });
      case 'remove': return setDialog({ kind: 'remove', p });
      case 'transferHost': return setDialog({ kind: 'transfer', p });
    }
  };

  return (
    <aside className="meeting-panel panel" aria-label={t('participantsPanel', { n: s.participants.length })} data-testid="participants-panel">
      {c.hostPanel && (
        <div className="host-tools" data-testid="host-panel">
          <button data-testid="host-mute-all" onClick={() => setDialog({ kind: 'muteAll' })}>{t('muteAll')}</button>
          <button data-testid="host-lock" aria-pressed={s.locked} onClick={() => act(room.lock(!s.locked))}>
            {s.locked ? t('unlockMeeting') : t('lockMeeting')}
          </button>
          {s.locked && <p className="muted small" data-testid="locked-explain">{t('lockedExplain')}</p>}
        </div>
      )}
      {c.hostPanel && s.waiting.length > 0 && (
        <section data-testid="waiting-list" aria-label={t('waitingRoom', { n: s.waiting.length })}>
          <h2>{t('waitingRoom', { n: s.waiting.length })}
            <button className="link" data-testid="waiting-admit-all" onClick={() => act(room.admit('all'))}>{t('admitAll')}</button></h2>
          <ul className="people">
            {s.waiting.map((w) => (
              <li key={w.id} data-testid="waiting-row" data-participant-id={w.id}>
                <span className="person-name">{w.displayName}{w.guest && <span className="role-tag">{t('guest')}</span>}</span>
                <button className="link" data-testid="waiting-admit" aria-label={`${t('admit')} ${w.displayName}`} onClick={() => act(room.admit([w.id]))}>{t('admit')}</button>
                <button className="link danger" data-testid="waiting-deny" aria-label={`${t('deny')} ${w.displayName}`} onClick={() => act(room.deny([w.id]))}>{t('deny')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('participantsPanel', { n: s.participants.length })}</h2>
      <ul className="people">
        {rosterOrder(s).map((p) => {
          const actions = hostActions(me, p);
          const role = displayRole(p);
          return (
            <li key={p.id} data-testid="participant-row" data-participant-id={p.id}>
              <span className="person-name">
                {p.displayName}{p.id === me?.id && ` ${t('youTag')}`}
                {role && <span className="role-tag">{t(role)}</span>}
                {p.hand && <span role="img" aria-label={t('handRaised')}> ✋</span>}
                {p.connection === 'reconnecting' && <span className="muted small"> {t('reconnecting')}</span>}
              </span>
              <span role="img" aria-label={p.audio ? t('micOn') : t('micOff')} data-testid="row-mic" data-on={p.audio}>{p.audio ? '🎙' : '🔇'}</span>
              <span role="img" aria-label={p.video ? t('startVideo') : t('cameraOff')}>{p.video ? '📷' : '⛔'}</span>
              {actions.length > 0 && (
                <button className="link" data-testid="participant-actions" aria-expanded={open === p.id}
                  aria-label={t('hostActions', { name: p.displayName })} onClick={() => setOpen(open === p.id ? null : p.id)}>⋯</button>
              )}
              {open === p.id && (
                <div className="person-actions" role="group" aria-label={t('hostActions', { name: p.displayName })}>
                  {actions.map((a) => (
                    <button key={a} className={`link${a === 'remove' ? ' danger' : ''}`} data-testid={`host-action-${a}`} onClick={() => run(a, p)}>{t(ACTION_LABEL[a])}</button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {dialog && <HostDialog dialog={dialog} allowUnmuteDefault={s.meeting?.settings.allowSelfUnmute ?? true} onClose={() => setDialog(null)} act={act} />}
    </aside>
  );
}

function HostDialog({ dialog, allowUnmuteDefault, onClose, act }: {
  dialog: NonNullable<Dialog>; allowUnmuteDefault: boolean; onClose: () => void; act: (p: Promise<unknown>) => void;
}) {
  const { t } = useI18n();
  const room = useRoom();
  const [allowUnmute, setAllowUnmute] = useState(allowUnmuteDefault);
  const [name, setName] = useState(dialog.kind === 'rename' ? dialog.p.displayName : '');
  const done = (p: Promise<unknown>) => { onClose(); act(p); };
  if (dialog.kind === 'muteAll') {
    return (
      <Modal title={t('muteAll')} onClose={onClose}>
        <label className="check"><input type="checkbox" checked={allowUnmute} data-testid="mute-all-allow-unmute" onChange={(e) => setAllowUnmute(e.target.checked)} /> {t('muteAllAllowUnmute')}</label>
        <div className="buttons">
          <button onClick={onClose}>{t('cancel')}</button>
          <button className="primary" data-testid="mute-all-confirm" onClick={() => done(room.muteAll(allowUnmute))}>{t('muteAll')}</button>
        </div>
      </Modal>
    );
  }
  if (dialog.kind === 'rename') {
    return (
      <Modal title={t('renameParticipant')} onClose={onClose}>
        <label className="field"><span>{t('newName')}</span>
          <input value={name} maxLength={64} data-testid="rename-input" onChange={(e) => setName(e.target.value)} /></label>
        <div className="buttons">
          <button onClick={onClose}>{t('cancel')}</button>
          <button className="primary" data-testid="rename-confirm" disabled={!name.trim()} onClick={() => done(room.rename(dialog.p.id, name.trim()))}>{t('save')}</button>
        </div>
      </Modal>
    );
  }
  const remove = dialog.kind === 'remove';
  return (
    <Modal title={remove ? t('removeParticipant') : t('transferHost')} onClose={onClose}>
      <p>{t(remove ? 'removeParticipantConfirm' : 'transferHostConfirm', { name: dialog.p.displayName })}</p>
      <div className="buttons">
        <button onClick={onClose}>{t('cancel')}</button>
        <button className={remove ? 'danger-button' : 'primary'} data-testid={remove ? 'remove-confirm' : 'transfer-confirm'}
          onClick={() => done(remove ? room.remove(dialog.p.id) : room.transferHost(dialog.p.id))}>{remove ? t('removeParticipant') : t('transferHost')}</button>
      </div>
    </Modal>
  );
}
