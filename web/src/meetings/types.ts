// The meeting shapes of the server (docs/meeting-protocol.md): HTTP objects, `meeting.*` results and pushes.

export type MeetingKind = 'instant' | 'scheduled' | 'personal';
export type MeetingStatus = 'scheduled' | 'live' | 'ended';
export type ParticipantRole = 'host' | 'cohost' | 'attendee';
export type MediaSource = 'microphone' | 'camera' | 'screen';

export interface MeetingSettings { allowGuests: boolean; waitingRoom: boolean; muteOnEntry: boolean; allowSelfUnmute: boolean }
export const DEFAULT_SETTINGS: MeetingSettings = { allowGuests: false, waitingRoom: false, muteOnEntry: false, allowSelfUnmute: true };

export interface Meeting {
  id: string; number: string; title: string; hostId: string; kind: MeetingKind;
  startAt: string | null; durationMinutes: number | null; hasPasscode: boolean;
  /** Only for the host and members of the organisation. */
  passcode?: string | null;
  settings: MeetingSettings; status: MeetingStatus; locked: boolean; inviteUrl: string; capacity: number;
}

/** `GET /meetings/lookup/{number}`: what anyone may know. */
export interface MeetingLookup { id: string; title: string; hasPasscode: boolean; allowGuests: boolean; organization: string; number?: string }

export interface Participant {
  id: string; memberId: string | null; displayName: string; role: ParticipantRole; guest: boolean;
  audio: boolean; video: boolean; sharing: boolean; hand: boolean;
  connection: 'connected' | 'reconnecting'; spotlight: boolean; joinedAt: string;
}

/** Someone in the waiting room (the hosts' list). Only `id` and `displayName` are relied upon. */
export interface WaitingPerson { id: string; displayName: string; guest?: boolean; memberId?: string | null; since?: string }

export type JoinResult =
  | { status: 'joined'; meeting: Meeting; self: Participant; participants: Participant[] }
  | { status: 'waiting' };

export interface ChatLine { from: string; displayName: string; text: string; at: string }

/** Pushes, by topic. Every one may carry `meetingId` (pushes for another meeting are ignored). */
export interface ParticipantPush { meetingId?: string; participant: Participant }
export interface LeftPush { meetingId?: string; participantId: string; reason: 'left' | 'removed' | 'timeout' | string }
export interface SettingsPush { meetingId?: string; locked?: boolean; spotlight?: string | null; sharing?: string | null; settings?: Partial<MeetingSettings> }
export interface ChatPush extends ChatLine { meetingId?: string }
export interface ActiveSpeakerPush { meetingId?: string; participantId: string | null }
export interface WaitingPush { meetingId?: string; waiting: WaitingPerson[] }
export interface MutedPush { meetingId?: string; allowUnmute: boolean }
export interface RemovedPush { meetingId?: string; reason?: string }

/** media.* shapes. `tracks` of the server maps mid → owner (an array of {mid, …} is accepted too). */
export interface TrackOwner { participantId: string; source: MediaSource }
export type ServerTracks = Record<string, TrackOwner> | (TrackOwner & { mid: string })[];
export interface SubscribeOffer { sdp: string; tracks: ServerTracks; version?: number }
export interface OfferPush extends SubscribeOffer { meetingId?: string }

export const MEETING_TOPICS = [
  'meeting.participant', 'meeting.left', 'meeting.settings', 'meeting.chat', 'meeting.active-speaker', 'meeting.ended',
  'meeting.waiting', 'meeting.admitted', 'meeting.denied', 'meeting.muted', 'meeting.unmute-requested',
  'meeting.video-stopped', 'meeting.removed',
] as const;
export type MeetingTopic = typeof MEETING_TOPICS[number];
