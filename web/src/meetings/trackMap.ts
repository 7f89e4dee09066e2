// Whose track is which (pure). The server's subscribe offers come with `tracks`: mid → {participantId,
// source}. Each offer replaces the whole map; a remote track belongs to whoever the current map names
// for its transceiver's mid (a reused m-section may change owner without a new `track` event).
import type { MediaSource, ServerTracks, TrackOwner } from './types';

export interface TrackMap {
  /** The version of the offer the map came with (`media.offer`), or null when the server gave none. */
  version: number | null;
  owners: Readonly<Record<string, TrackOwner>>;
}

export const emptyTrackMap: TrackMap = { version: null, owners: {} };

const SOURCES: MediaSource[] = ['microphone', 'camera', 'screen'];

/** The server's `tracks`, as an object keyed by mid (an array of `{mid, participantId, source}` is accepted too). */
export function normaliseTracks(tracks: ServerTracks | null | undefined): Record<string, TrackOwner> {
  const out: Record<string, TrackOwner> = {};
  if (!tracks) return out;
  const entries: [string, TrackOwner][] = Array.isArray(tracks)
    ? tracks.map((t) => [String(t.mid), t])
    : Object.entries(tracks);
  for (const [mid, t] of entries) {
    if (t && typeof t.participantId === 'string' && SOURCES.includes(t.source)) out[mid] = { participantId: t.participantId, source: t.source };
  }
  return out;
}

/**
 * The map after an offer, or null when the offer is older than the one applied already (a
 * `media.offer` push overtaken by a newer one). `force` (a `media.subscribe` answer, which starts over)
 * accepts any version.
 */
export function applyOffer(map: TrackMap, tracks: ServerTracks | null | undefined, version: number | null | undefined, force = false): TrackMap | null {
  const v = typeof version === 'number' ? version : null;
  if (!force && v !== null && map.version !== null && v <= map.version) return null;
  return { version: v ?? map.version, owners: normaliseTracks(tracks) };
}

/** What the subscribe connection holds, as far as the bookkeeping needs it (a transceiver). */
export interface Receiving<T> { mid: string | null; track: T; direction: RTCRtpTransceiverDirection | null; stopped?: boolean }

export interface RemoteTrack<T> { mid: string; participantId: string; source: MediaSource; track: T }

/** The tracks being received, each with its owner. Inactive or unknown m-sections are left out. */
export function remoteTracks<T>(map: TrackMap, receiving: Receiving<T>[]): RemoteTrack<T>[] {
  const out: RemoteTrack<T>[] = [];
  for (const r of receiving) {
    if (r.mid === null || r.stopped) continue;
    if (r.direction !== null && r.direction !== 'recvonly' && r.direction !== 'sendrecv') continue;
    const owner = map.owners[r.mid];
    if (owner) out.push({ mid: r.mid, participantId: owner.participantId, source: owner.source, track: r.track });
  }
  return out;
}

export type TracksOf<T> = Partial<Record<MediaSource, T>>;

/** Remote tracks by participant and source (if two mids claim the same slot, the later m-section wins). */
export function byParticipant<T>(tracks: RemoteTrack<T>[]): Map<string, TracksOf<T>> {
  const out = new Map<string, TracksOf<T>>();
  for (const t of tracks) {
    const slot = out.get(t.participantId) ?? {};
    slot[t.source] = t.track;
    out.set(t.participantId, slot);
  }
  return out;
}

/** The `tracks` of a `media.publish`: the mids of what is being sent, by source. */
export function publishTracks(sending: { source: MediaSource; mid: string | null; active: boolean }[]): { mid: string; source: MediaSource }[] {
  return sending.filter((s) => s.active && s.mid !== null).map((s) => ({ mid: s.mid as string, source: s.source }));
}
