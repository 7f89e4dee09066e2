// <video> and <audio> for MediaStreamTracks. One MediaStream per track, kept while the track lives,
// so a re-render does not restart playback.
import { useEffect, useRef } from 'react';

const streams = new WeakMap<MediaStreamTrack, MediaStream>();
function streamOf(track: MediaStreamTrack): MediaStream {
  let s = streams.get(track);
  if (!s) {
    s = new MediaStream([track]);
    streams.set(track, s);
  }
  return s;
}

export function VideoView({ track, testId, mirror = false, participantId, source }: {
  track: MediaStreamTrack; testId: string; mirror?: boolean; participantId?: string; source?: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const s = streamOf(track);
    if (el.srcObject !== s) el.srcObject = s;
    el.play?.().catch(() => {});
  }, [track]);
  return (
    <video ref={ref} autoPlay playsInline muted className={`tile-video${mirror ? ' mirror' : ''}`} data-testid={testId}
      data-participant-id={participantId} data-source={source} data-track-id={track.id} />
  );
}

/** Remote speech: one hidden <audio> per remote microphone, playing on the chosen speaker. */
export function AudioView({ track, participantId, speakerId }: { track: MediaStreamTrack; participantId: string; speakerId: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const s = streamOf(track);
    if (el.srcObject !== s) el.srcObject = s;
    el.play?.().catch(() => {});
  }, [track]);
  useEffect(() => {
    const el = ref.current as (HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }) | null;
    if (el?.setSinkId && speakerId) el.setSinkId(speakerId).catch(() => {});
  }, [speakerId]);
  // data-track-id is the receiver track's id, which getStats() reports as inbound-rtp trackIdentifier
  return <audio ref={ref} autoPlay data-testid="remote-audio" data-participant-id={participantId} data-track-id={track.id} />;
}
