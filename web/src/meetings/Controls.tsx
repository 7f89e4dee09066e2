// The control bar: microphone, camera, screen, hand, the panels, leave (and end for everyone, the host).
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Modal } from '../ui';
import { useRoom, useRoomView } from './context';
import { meetingErrorText } from './errors';
import { controlsFor } from './permissions';
import { selfOf } from './roster';

export type Panel = 'chat' | 'people' | null;

export function Controls({ panel, setPanel, onError }: { panel: Panel; setPanel: (p: Panel) => void; onError: (m: string) => void }) {
  const { t, lang } = useI18n();
  const room = useRoom();
  const { room: s } = useRoomView();
  const me = selfOf(s);
  const c = controlsFor(s);
  const [ending, setEnding] = useState(false);
  if (!me) return null;
  const act = (p: Promise<unknown>) => p.catch((e) => onError(meetingErrorText(lang, e)));
  const muted = !me.audio;
  const sharer = s.participants.find((p) => p.id === c.shareBusyBy);
  return (
    <div className="meeting-controls" role="toolbar" aria-label={t('meetingRoom')}>
      <button data-testid="meeting-mute" aria-pressed={muted} aria-label={t('mute')} className={muted ? 'off' : ''}
        disabled={muted && !c.canUnmute} aria-describedby={muted && !c.canUnmute ? 'unmute-blocked' : undefined}
        title={muted && !c.canUnmute ? t('unmuteNotAllowedHint') : undefined}
        onClick={() => act(room.setAudio(muted))}>{muted ? '🔇' : '🎙'} {muted ? t('unmute') : t('mute')}</button>
      {muted && !c.canUnmute && <span id="unmute-blocked" className="control-hint" data-testid="unmute-blocked">{t('unmuteNotAllowedHint')}</span>}
      <button data-testid="meeting-video" aria-pressed={!me.video} aria-label={t('stopVideo')} className={me.video ? '' : 'off'}
        onClick={() => act(room.setVideo(!me.video))}>📷 {me.video ? t('stopVideo') : t('startVideo')}</button>
      <button data-testid="meeting-share" aria-pressed={me.sharing} aria-label={t('shareScreen')} disabled={!me.sharing && !c.canShare}
        aria-describedby={!c.canShare ? 'share-busy' : undefined} title={sharer ? t('sharingScreen', { name: sharer.displayName }) : undefined}
        onClick={() => act(me.sharing ? room.stopShare() : room.startShare())}>🖥 {me.sharing ? t('stopShare') : t('shareScreen')}</button>
      {!c.canShare && sharer && <span id="share-busy" className="control-hint">{t('sharingScreen', { name: sharer.displayName })}</span>}
      <button data-testid="meeting-hand" aria-pressed={me.hand} aria-label={t('raiseHand')}
        onClick={() => act(room.setHand(!me.hand))}>✋ {me.hand ? t('lowerHand') : t('raiseHand')}</button>
      <button data-testid="meeting-chat-toggle" aria-pressed={panel === 'chat'} onClick={() => setPanel(panel === 'chat' ? null : 'chat')}>💬 {t('chatPanel')}</button>
      <button data-testid="meeting-participants-toggle" aria-pressed={panel === 'people'} onClick={() => setPanel(panel === 'people' ? null : 'people')}>
        👥 {t('participantsPanel', { n: s.participants.length })}{c.hostPanel && s.waiting.length > 0 && <span className="badge nav-badge" data-testid="waiting-badge">{s.waiting.length}</span>}
      </button>
      <span className="spacer" />
      {c.endForAll && <button className="danger-button" data-testid="meeting-end" onClick={() => setEnding(true)}>{t('endForAll')}</button>}
      <button className="danger" data-testid="meeting-leave" onClick={() => act(room.leave())}>{t('leave')}</button>
      {ending && (
        <Modal title={t('endForAll')} onClose={() => setEnding(false)}>
          <p>{t('endForAllConfirm')}</p>
          <div className="buttons">
            <button onClick={() => setEnding(false)}>{t('cancel')}</button>
            <button className="danger-button" data-testid="meeting-end-confirm" onClick={() => { setEnding(false); act(room.leave(true)); }}>{t('endForAll')}</button>
          </div>
        </Modal>
      )}
    </div>
  );
}
