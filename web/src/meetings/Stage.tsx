// The video area: the gallery (a grid, 25 people a page, the screen share first) or the speaker view
// (the share, spotlight or active speaker large, eight others in a strip). Only the cameras on screen
// are received (media.view).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { useRoom, useRoomView } from './context';
import { camerasShown, displayRole, galleryColumns, galleryPage, initials, pageCount, stageOf, STRIP_SIZE, type ViewMode } from './layout';
import { AudioView, VideoView } from './MediaViews';
import { tileHeights } from './simulcast';
import { byParticipant, type TracksOf } from './trackMap';
import type { Participant } from './types';

export function Stage({ mode, speakerId }: { mode: ViewMode; speakerId: string }) {
  const { t } = useI18n();
  const meetingRoom = useRoom();
  const { room, media, local } = useRoomView();
  const [page, setPage] = useState(0);
  const remote = useMemo(() => byParticipant(media.remote), [media.remote]);
  const tracksOf = (p: Participant): TracksOf<MediaStreamTrack> => (p.id === room.selfId
    ? { camera: local.camera ?? undefined, screen: local.screen ?? undefined }
    : remote.get(p.id) ?? {});
  const sharer = room.participants.find((p) => p.id === room.sharingId) ?? null;
  const share = sharer && tracksOf(sharer).screen ? <ScreenTile p={sharer} track={tracksOf(sharer).screen!} /> : null;
  const tile = (p: Participant, large = false) => (
    <Tile key={p.id} p={p} track={p.video ? tracksOf(p).camera ?? null : null} self={p.id === room.selfId}
      active={p.id === room.activeSpeakerId} large={large} />
  );

  // Only the cameras on screen are received: a gallery page, or the speaker view's stage and strip.
  const pages = pageCount(room.participants.length);
  const shownPage = Math.min(page, pages - 1);
  const main = stageOf(room);
  const mainP = room.participants.find((p) => p.id === main?.participantId) ?? null;
  const others = room.participants.filter((p) => main?.source === 'screen' || p.id !== mainP?.id);
  const tiles = mode === 'gallery' ? galleryPage(room.participants, shownPage)
    : [...(main?.source === 'camera' && mainP ? [mainP] : []), ...others.slice(0, STRIP_SIZE)];
  const shown = camerasShown(tiles, room.selfId).join(',');
  // how tall each shown camera is on screen picks the simulcast layer the server sends (ADR 0009 §14)
  const stageRef = useRef<HTMLElement>(null);
  const [heights, setHeights] = useState('{}');
  useEffect(() => {
    const root = stageRef.current;
    if (!root) return undefined;
    const measure = () => setHeights(JSON.stringify(tileHeights(root, shown ? shown.split(',') : [], window.devicePixelRatio || 1)));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [shown, mode]);
  useEffect(() => { meetingRoom.showCameras(shown ? shown.split(',') : [], JSON.parse(heights)); }, [meetingRoom, shown, heights]);

  let body: React.ReactNode;
  if (mode === 'gallery') {
    const n = tiles.length + (share ? 1 : 0);
    body = (
      <div className="gallery-pages">
        <div className="gallery" data-testid="gallery" style={{ gridTemplateColumns: `repeat(${galleryColumns(n)}, minmax(0, 1fr))` }}>
          {share}
          {tiles.map((p) => tile(p))}
        </div>
        {pages > 1 && (
          <nav className="gallery-pager" data-testid="gallery-pager" aria-label={t('galleryPages')}>
            <button data-testid="gallery-previous" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)} aria-label={t('previousPage')}>‹</button>
            <span data-testid="gallery-page">{t('pageOf', { page: shownPage + 1, pages })}</span>
            <button data-testid="gallery-next" disabled={shownPage === pages - 1} onClick={() => setPage(shownPage + 1)} aria-label={t('nextPage')}>›</button>
          </nav>
        )}
      </div>
    );
  } else {
    const hidden = others.length - STRIP_SIZE;
    body = (
      <div className="speaker-view" data-testid="speaker-view">
        <div className="speaker-main">{main?.source === 'screen' ? share : mainP && tile(mainP, true)}</div>
        <div className="speaker-strip">
          {others.slice(0, STRIP_SIZE).map((p) => tile(p))}
          {hidden > 0 && <div className="tile more" data-testid="strip-more">{t('moreParticipants', { n: hidden })}</div>}
        </div>
      </div>
    );
  }
  return (
    <section className="stage" ref={stageRef}>
      {body}
      {media.remote.filter((r) => r.source === 'microphone').map((r) => (
        <AudioView key={r.mid} track={r.track} participantId={r.participantId} speakerId={speakerId} />
      ))}
    </section>
  );
}

function Tile({ p, track, self, active, large }: { p: Participant; track: MediaStreamTrack | null; self: boolean; active: boolean; large: boolean }) {
  const { t } = useI18n();
  const role = displayRole(p);
  return (
    <div className={`tile${active ? ' speaking' : ''}${large ? ' large' : ''}`} data-testid="participant-tile" data-participant-id={p.id}
      data-self={self || undefined} data-audio={p.audio} data-video={p.video} data-hand={p.hand} data-connection={p.connection}
      data-active-speaker={active || undefined} aria-label={p.displayName}>
      {track
        ? <VideoView track={track} testId={self ? 'local-video' : 'tile-video'} mirror={self} participantId={p.id} source="camera" />
        : <div className="tile-avatar" aria-hidden="true">{initials(p.displayName)}</div>}
      {p.hand && <span className="tile-hand" data-testid="tile-hand" role="img" aria-label={t('handRaised')}>✋</span>}
      {p.connection === 'reconnecting' && <span className="tile-reconnecting" data-testid="tile-reconnecting">{t('reconnecting')}</span>}
      <div className="tile-label">
        <span className={`mic${p.audio ? '' : ' off'}`} role="img" aria-label={p.audio ? t('micOn') : t('micOff')} data-testid="tile-mic">{p.audio ? '🎙' : '🔇'}</span>
        <span className="tile-name">{p.displayName}{self && ` ${t('youTag')}`}</span>
        {role && <span className="role-tag">{t(role)}</span>}
        {p.spotlight && <span className="role-tag">{t('spotlighted')}</span>}
      </div>
    </div>
  );
}

function ScreenTile({ p, track }: { p: Participant; track: MediaStreamTrack }) {
  const { t } = useI18n();
  return (
    <div className="tile screen" data-testid="screen-share" data-participant-id={p.id}>
      <VideoView track={track} testId="screen-share-video" participantId={p.id} source="screen" />
      <div className="tile-label"><span className="tile-name">{t('sharingScreen', { name: p.displayName })}</span></div>
    </div>
  );
}
