// Which buttons show, and which are disabled and why, from my role and the meeting's state. The server
// decides in the end (it refuses what is not allowed); this keeps the UI from offering what would fail.
import type { RoomState } from './roster';
import { selfOf } from './roster';
import type { Participant, ParticipantRole } from './types';

export const isHostRole = (r: ParticipantRole | undefined | null) => r === 'host' || r === 'cohost';

export type HostAction =
  | 'mute' | 'askUnmute' | 'stopVideo' | 'stopShare' | 'lowerHand'
  | 'makeCohost' | 'removeCohost' | 'transferHost'
  | 'spotlight' | 'removeSpotlight' | 'rename' | 'remove';

/**
 * What I may do to one participant from the host panel. Hosts and co-hosts act on everyone but the
 * host (a co-host does not mute, stop, rename or remove the host); roles and host transfer are the
 * host's alone. On myself: only renaming and lowering my hand (the controls do the rest).
 */
export function hostActions(me: Participant | null, target: Participant): HostAction[] {
  if (!me) return [];
  if (target.id === me.id) return ['rename'];
  if (!isHostRole(me.role)) return [];
  const onHost = target.role === 'host';
  const a: HostAction[] = [];
  if (!onHost || me.role === 'host') {
    a.push(target.audio ? 'mute' : 'askUnmute');
    if (target.video) a.push('stopVideo');
    if (target.sharing) a.push('stopShare');
    if (target.hand) a.push('lowerHand');
  }
  if (me.role === 'host') {
    if (target.role === 'attendee') a.push('makeCohost');
    if (target.role === 'cohost') a.push('removeCohost');
    a.push('transferHost');
  }
  a.push(target.spotlight ? 'removeSpotlight' : 'spotlight');
  if (!onHost) a.push('rename', 'remove');
  return a;
}

export interface Controls {
  /** The mute button: disabled while a host muted me without allowing me to unmute. */
  canUnmute: boolean;
  unmuteBlocked: boolean;
  /** Share: disabled while someone else shares (one sharer at a time). */
  canShare: boolean;
  shareBusyBy: string | null;
  /** Host panel (hosts and co-hosts): mute all, lock, waiting room, per-participant actions. */
  hostPanel: boolean;
  /** End the meeting for everyone: the host only. */
  endForAll: boolean;
  /** Renaming myself is allowed to everyone. */
  renameSelf: boolean;
}

export function controlsFor(s: RoomState): Controls {
  const me = selfOf(s);
  const blocked = !!s.hostMute && !s.hostMute.allowUnmute && !isHostRole(me?.role);
  const otherSharer = s.sharingId && s.sharingId !== s.selfId ? s.sharingId : null;
  return {
    canUnmute: !blocked,
    unmuteBlocked: blocked,
    canShare: !otherSharer,
    shareBusyBy: otherSharer,
    hostPanel: isHostRole(me?.role),
    endForAll: me?.role === 'host',
    renameSelf: !!me,
  };
}

/** Whom the hosts see first in the participants list: me, hosts, raised hands, then by joining time. */
export function rosterOrder(s: RoomState): Participant[] {
  const rank = (p: Participant) => (p.id === s.selfId ? 0 : p.role === 'host' ? 1 : p.role === 'cohost' ? 2 : p.hand ? 3 : 4);
  return s.participants.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p);
}
