// The state of the meeting I am in, as the server tells it: the roster, who speaks, shares and is in the
// spotlight, the waiting room (hosts), the meeting chat, and what the hosts did to me. Pure: every push
// and every operation result is an action; the room (room.ts) dispatches them.
import type {
  ChatLine, JoinResult, Meeting, MeetingSettings, Participant, SettingsPush, WaitingPerson,
} from './types';

export type Phase =
  | 'idle' | 'joining' | 'waiting' | 'joined'
  /** over: */ | 'left' | 'ended' | 'removed' | 'denied' | 'failed';

export const isOver = (p: Phase) => p === 'left' || p === 'ended' || p === 'removed' || p === 'denied' || p === 'failed';

/** Something to tell me once (a banner I dismiss). */
export type RoomNotice =
  | { kind: 'mutedByHost'; allowUnmute: boolean }
  | { kind: 'videoStopped' }
  | { kind: 'error'; code: string; detail?: string };

export interface RoomState {
  phase: Phase;
  /** The code that ended or refused the join (`wrong_passcode`, `meeting_full`, …, or `removed` reasons). */
  error: string | null;
  meeting: Meeting | null;
  selfId: string | null;
  /** In the order they joined. */
  participants: Participant[];
  waiting: WaitingPerson[];
  chat: ChatLine[];
  activeSpeakerId: string | null;
  spotlightId: string | null;
  sharingId: string | null;
  locked: boolean;
  /** A host muted me and I have not unmuted since; `allowUnmute: false` keeps the unmute button disabled. */
  hostMute: { allowUnmute: boolean } | null;
  unmuteRequested: boolean;
  notice: RoomNotice | null;
  /** My connection to the server (socket or media) is being restored. */
  reconnecting: boolean;
}

export const initialRoom: RoomState = {
  phase: 'idle', error: null, meeting: null, selfId: null, participants: [], waiting: [], chat: [],
  activeSpeakerId: null, spotlightId: null, sharingId: null, locked: false, hostMute: null, unmuteRequested: false,
  notice: null, reconnecting: false,
};

/** At most this many chat lines are kept. */
export const CHAT_KEEP = 500;

export type RoomAction =
  | { type: 'joining' }
  | { type: 'joinResult'; result: JoinResult }
  | { type: 'joinFailed'; code: string }
  | { type: 'admitted' }
  | { type: 'denied' }
  | { type: 'participant'; participant: Participant }
  | { type: 'left'; participantId: string; reason?: string }
  | { type: 'settings'; push: SettingsPush }
  | { type: 'chat'; line: ChatLine }
  | { type: 'activeSpeaker'; participantId: string | null }
  | { type: 'waitingList'; waiting: WaitingPerson[] }
  | { type: 'muted'; allowUnmute: boolean }
  | { type: 'unmuteRequested' }
  | { type: 'dismissUnmuteRequest' }
  | { type: 'videoStopped' }
  | { type: 'removed'; reason?: string }
  | { type: 'ended' }
  | { type: 'leftSelf' }
  /** What I changed myself (optimistic, confirmed by the participant push). */
  | { type: 'selfChanged'; patch: Partial<Pick<Participant, 'audio' | 'video' | 'sharing' | 'hand' | 'displayName'>> }
  | { type: 'reconnecting'; on: boolean }
  | { type: 'notice'; notice: RoomNotice | null };

const byJoined = (a: Participant, b: Participant) => (a.joinedAt < b.joinedAt ? -1 : a.joinedAt > b.joinedAt ? 1 : 0);

function upsert(list: Participant[], p: Participant): Participant[] {
  const i = list.findIndex((x) => x.id === p.id);
  if (i < 0) return [...list, p].sort(byJoined);
  const next = list.slice();
  next[i] = { ...list[i], ...p };
  return next;
}

function patchOne(list: Participant[], id: string | null, patch: Partial<Participant>): Participant[] {
  if (!id) return list;
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) return list;
  const next = list.slice();
  next[i] = { ...list[i], ...patch };
  return next;
}

/** Who shares and who is in the spotlight, as the participants' own flags say. */
function derived(participants: Participant[]) {
  return {
    sharingId: participants.find((p) => p.sharing)?.id ?? null,
    spotlightId: participants.find((p) => p.spotlight)?.id ?? null,
  };
}

export function roomReducer(s: RoomState, a: RoomAction): RoomState {
  switch (a.type) {
    case 'joining':
      return { ...initialRoom, phase: 'joining', chat: s.chat };
    case 'joinResult': {
      if (a.result.status === 'waiting') return { ...s, phase: 'waiting', error: null };
      const { meeting, self, participants } = a.result;
      const list = upsert(participants.filter((p) => p.id !== self.id), self);
      const d = derived(list);
      // a join again after a reconnect keeps the chat, the notices and what I was told before
      return {
        ...s, phase: 'joined', error: null, meeting, selfId: self.id, participants: list, locked: meeting.locked,
        sharingId: d.sharingId, spotlightId: d.spotlightId, reconnecting: false,
        hostMute: self.audio ? null
          : s.hostMute ?? (meeting.settings.muteOnEntry && !meeting.settings.allowSelfUnmute && self.role === 'attendee' ? { allowUnmute: false } : null),
        activeSpeakerId: list.some((p) => p.id === s.activeSpeakerId) ? s.activeSpeakerId : null,
        waiting: s.selfId === self.id ? s.waiting : [],
      };
    }
    case 'joinFailed':
      return { ...s, phase: 'failed', error: a.code, reconnecting: false };
    case 'admitted':
      return s.phase === 'waiting' ? { ...s, phase: 'joining' } : s;
    case 'denied':
      return { ...s, phase: 'denied', error: 'denied' };
    case 'participant': {
      if (s.phase !== 'joined') return s;
      const p = a.participant;
      const participants = upsert(s.participants, p);
      const d = derived(participants);
      const isSelf = p.id === s.selfId;
      return {
        ...s, participants, sharingId: d.sharingId, spotlightId: d.spotlightId,
        // someone in the meeting is no longer waiting
        waiting: s.waiting.some((w) => w.id === p.id) ? s.waiting.filter((w) => w.id !== p.id) : s.waiting,
        hostMute: isSelf && p.audio ? null : s.hostMute,
      };
    }
    case 'left': {
      if (a.participantId === s.selfId) return s; // my own end comes as meeting.removed / ended / my leave
      const participants = s.participants.filter((p) => p.id !== a.participantId);
      if (participants.length === s.participants.length) return s;
      return {
        ...s, participants,
        activeSpeakerId: s.activeSpeakerId === a.participantId ? null : s.activeSpeakerId,
        sharingId: s.sharingId === a.participantId ? null : s.sharingId,
        spotlightId: s.spotlightId === a.participantId ? null : s.spotlightId,
      };
    }
    case 'settings': {
      const { push } = a;
      let next = s;
      if (push.locked !== undefined) next = { ...next, locked: push.locked, meeting: next.meeting && { ...next.meeting, locked: push.locked } };
      if (push.spotlight !== undefined) {
        next = { ...next, spotlightId: push.spotlight, participants: next.participants.map((p) => (p.spotlight === (p.id === push.spotlight) ? p : { ...p, spotlight: p.id === push.spotlight })) };
      }
      if (push.sharing !== undefined) {
        next = { ...next, sharingId: push.sharing, participants: next.participants.map((p) => (p.sharing === (p.id === push.sharing) ? p : { ...p, sharing: p.id === push.sharing })) };
      }
      if (push.settings && next.meeting) {
        next = { ...next, meeting: { ...next.meeting, settings: { ...next.meeting.settings, ...push.settings } as MeetingSettings } };
      }
      return next;
    }
    case 'chat': {
      const chat = [...s.chat, a.line];
      return { ...s, chat: chat.length > CHAT_KEEP ? chat.slice(chat.length - CHAT_KEEP) : chat };
    }
    case 'activeSpeaker':
      return s.activeSpeakerId === a.participantId ? s : { ...s, activeSpeakerId: a.participantId };
    case 'waitingList':
      return { ...s, waiting: a.waiting };
    case 'muted':
      return {
        ...s, hostMute: { allowUnmute: a.allowUnmute }, unmuteRequested: false,
        participants: patchOne(s.participants, s.selfId, { audio: false }),
        notice: { kind: 'mutedByHost', allowUnmute: a.allowUnmute },
      };
    case 'unmuteRequested':
      return { ...s, unmuteRequested: true };
    case 'dismissUnmuteRequest':
      return s.unmuteRequested ? { ...s, unmuteRequested: false } : s;
    case 'videoStopped':
      return { ...s, participants: patchOne(s.participants, s.selfId, { video: false }), notice: { kind: 'videoStopped' } };
    case 'removed':
      return { ...s, phase: 'removed', error: a.reason ?? 'removed', reconnecting: false };
    case 'ended':
      return isOver(s.phase) ? s : { ...s, phase: 'ended', error: null, reconnecting: false };
    case 'leftSelf':
      return isOver(s.phase) ? s : { ...s, phase: 'left', reconnecting: false };
    case 'selfChanged': {
      const participants = patchOne(s.participants, s.selfId, a.patch);
      let next: RoomState = { ...s, participants };
      if (a.patch.audio) next = { ...next, hostMute: null, unmuteRequested: false };
      if (a.patch.sharing !== undefined) {
        if (a.patch.sharing) next = { ...next, sharingId: s.selfId };
        else if (s.sharingId === s.selfId) next = { ...next, sharingId: null };
      }
      return next;
    }
    case 'reconnecting':
      return s.reconnecting === a.on ? s : { ...s, reconnecting: a.on };
    case 'notice':
      return { ...s, notice: a.notice };
  }
}

// Selectors

export const selfOf = (s: RoomState): Participant | null => s.participants.find((p) => p.id === s.selfId) ?? null;
export const participantOf = (s: RoomState, id: string | null): Participant | null => (id ? s.participants.find((p) => p.id === id) ?? null : null);
