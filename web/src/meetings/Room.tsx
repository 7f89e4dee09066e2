// The meeting room: top bar (title, number, lock, reconnecting, view switch), what the hosts did to me,
// the stage, the chat or participants panel, and the control bar.
import { useState } from 'react';
import { problemText, useI18n } from '../i18n';
import { useRoom, useRoomView } from './context';
import { Controls, type Panel } from './Controls';
import { ParticipantsPanel } from './ParticipantsPanel';
import { MeetingChat } from './MeetingChat';
import { formatNumber } from './number';
import { controlsFor } from './permissions';
import type { ViewMode } from './layout';
import { ShareToChatButton } from './ShareToChat';
import { Stage } from './Stage';

export function Room({ speakerId }: { speakerId: string }) {
  const { t } = useI18n();
  const { room: s, media } = useRoomView();
  const [mode, setMode] = useState<ViewMode>('gallery');
  const [panel, setPanel] = useState<Panel>(null);
  const [error, setError] = useState<string | null>(null);
  // guests have no chats (and their token is refused by the HTTP API)
  const me = s.participants.find((p) => p.id === s.selfId);
  return (
    <div className="meeting-room" data-testid="meeting-room" data-meeting-id={s.meeting?.id}>
      <header className="meeting-top">
        <div className="meeting-title">
          <strong data-testid="meeting-title">{s.meeting?.title}</strong>
          <span className="muted" data-testid="meeting-number">{s.meeting && formatNumber(s.meeting.number)}</span>
          {s.locked && <span className="role-tag" data-testid="meeting-locked">🔒 {t('lockedTag')}</span>}
          {s.reconnecting && <span className="reconnecting" role="status" data-testid="meeting-reconnecting">{t('reconnecting')}</span>}
        </div>
        {s.meeting && me && !me.guest && <span className="meeting-share"><ShareToChatButton m={s.meeting} /></span>}
        <button data-testid="meeting-view-toggle" aria-pressed={mode === 'speaker'} aria-label={t('speakerView')}
          onClick={() => setMode(mode === 'gallery' ? 'speaker' : 'gallery')}>{mode === 'gallery' ? t('speakerView') : t('galleryView')}</button>
      </header>
      <RoomNotices error={error ?? (media.error ? media.error : null)} clearError={() => setError(null)} />
      <div className="meeting-body">
        <Stage mode={mode} speakerId={speakerId} />
        {panel === 'chat' && <MeetingChat />}
        {panel === 'people' && <ParticipantsPanel onError={setError} />}
      </div>
      <Controls panel={panel} setPanel={setPanel} onError={setError} />
    </div>
  );
}

function RoomNotices({ error, clearError }: { error: string | null; clearError: () => void }) {
  const { t, lang } = useI18n();
  const room = useRoom();
  const { room: s, media } = useRoomView();
  const c = controlsFor(s);
  const n = s.notice;
  const mediaFailed = !!media.error && error === media.error;
  return (
    <div className="meeting-notices">
      {n?.kind === 'mutedByHost' && (
        <div className="banner" role="status" data-testid="muted-by-host">
          {n.allowUnmute || c.canUnmute ? t('mutedByHost') : t('mutedByHostNoUnmute')}
          <button className="link" onClick={() => room.dismissNotice()}>{t('close')}</button>
        </div>
      )}
      {n?.kind === 'videoStopped' && (
        <div className="banner" role="status" data-testid="video-stopped">{t('videoStoppedByHost')}
          <button className="link" onClick={() => room.dismissNotice()}>{t('close')}</button></div>
      )}
      {n?.kind === 'error' && (
        <div className="banner error" role="alert" data-testid="meeting-error">
          {n.code === 'device_failed' ? t('err_device_failed', { detail: n.detail ?? '' }) : problemText(lang, n.code, n.detail ?? n.code)}
          <button className="link" onClick={() => room.dismissNotice()}>{t('close')}</button>
        </div>
      )}
      {s.unmuteRequested && (
        <div className="banner" role="alertdialog" aria-label={t('unmuteRequested')} data-testid="unmute-request">
          {t('unmuteRequested')}{' '}
          <button className="primary" data-testid="unmute-request-accept" onClick={() => room.answerUnmuteRequest(true)}>{t('unmute')}</button>{' '}
          <button data-testid="unmute-request-dismiss" onClick={() => room.answerUnmuteRequest(false)}>{t('stayMuted')}</button>
        </div>
      )}
      {error && (
        <div className="banner error" role="alert" data-testid="meeting-error">
          {mediaFailed ? t('err_media_failed', { detail: error }) : error}
          {!mediaFailed && <button className="link" onClick={clearError}>{t('close')}</button>}
        </div>
      )}
    </div>
  );
}
