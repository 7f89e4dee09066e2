// Gallery and speaker view decisions (pure): how many columns, and who takes the big stage.
import type { RoomState } from './roster';
import type { MediaSource, Participant } from './types';

export type ViewMode = 'gallery' | 'speaker';

/** Columns of the gallery grid for n tiles: as square as possible. */
export function galleryColumns(n: number): number {
  if (n <= 1) return 1;
  if (n <= 4) return 2;
  return Math.ceil(Math.sqrt(n));
}

/** Tiles on one gallery page: more would be too small to be worth a video each (the server takes at most 49). */
export const GALLERY_PAGE_SIZE = 25;
/** Small tiles beside the speaker view's stage; the rest are counted ("+12"). */
export const STRIP_SIZE = 8;

export function pageCount(tiles: number): number {
  return Math.max(1, Math.ceil(tiles / GALLERY_PAGE_SIZE));
}

/** The participants on gallery page `page` (0-based, clamped to the last page). */
export function galleryPage<T>(participants: T[], page: number): T[] {
  const last = pageCount(participants.length) - 1;
  const p = Math.min(Math.max(0, page), last);
  return participants.slice(p * GALLERY_PAGE_SIZE, (p + 1) * GALLERY_PAGE_SIZE);
}

/** Whose cameras these tiles show: the others with their camera on (mine is local, not received). */
export function camerasShown(tiles: Participant[], selfId: string | null): string[] {
  return tiles.filter((p) => p.id !== selfId && p.video).map((p) => p.id);
}

export interface Stage { participantId: string; source: Extract<MediaSource, 'camera' | 'screen'> }

/**
 * What the speaker view shows large: a screen share, else the spotlight, else the active speaker
 * (someone else than me when there is anyone else), else the first other person, else me.
 */
export function stageOf(s: RoomState): Stage | null {
  const has = (id: string | null): id is string => !!id && s.participants.some((p) => p.id === id);
  if (has(s.sharingId)) return { participantId: s.sharingId, source: 'screen' };
  if (has(s.spotlightId)) return { participantId: s.spotlightId, source: 'camera' };
  if (has(s.activeSpeakerId) && (s.activeSpeakerId !== s.selfId || s.participants.length === 1)) return { participantId: s.activeSpeakerId, source: 'camera' };
  const other = s.participants.find((p) => p.id !== s.selfId);
  if (other) return { participantId: other.id, source: 'camera' };
  return s.selfId && has(s.selfId) ? { participantId: s.selfId, source: 'camera' } : null;
}

/** Initials for a tile without video: the first letters of up to two words, or the first character (Chinese names). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  if (words.length === 1) {
    const w = [...words[0]];
    // a Latin name: its first letter; a Chinese name: its last two characters (张三丰 → 三丰)
    return /^[A-Za-z0-9]/.test(w[0]) ? w[0].toUpperCase() : w.slice(-2).join('');
  }
  return (([...words[0]][0] ?? '') + ([...words[1]][0] ?? '')).toUpperCase();
}

export const displayRole = (p: Participant) => (p.role === 'host' ? 'host' : p.role === 'cohost' ? 'cohost' : p.guest ? 'guest' : null);
