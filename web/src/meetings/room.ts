// The meeting I am in, for this tab: joins (`meeting.join`), keeps the roster reducer current from
// the `meeting.*` pushes, runs the media (mediaSession.ts) and my own microphone, camera and screen,
// and sends the control operations. After the WebSocket comes back it joins again and renegotiates.
// No React: components read getState() through useSyncExternalStore; tests drive it with a fake
// connection, fake devices and a fake media session.
import { ApiError } from '../api';
import type { Realtime } from '../realtime';
import { MediaSession, type MediaView } from './mediaSession';
import { controlsFor } from './permissions';
import { initialRoom, isOver, roomReducer, selfOf, type RoomAction, type RoomState } from './roster';
import type {
  ActiveSpeakerPush, ChatPush, JoinResult, LeftPush, MediaSource, MutedPush, ParticipantPush, ParticipantRole,
  RemovedPush, SettingsPush, WaitingPush,
} from './types';

/** What the room needs from the media side (MediaSession, or a fake in tests). */
export interface MediaLike {
  start(tracks: Partial<Record<MediaSource, MediaStreamTrack | null>>): Promise<void>;
  setTrack(source: MediaSource, track: MediaStreamTrack | null): Promise<void>;
  resync(): Promise<void>;
  close(): void;
  subscribeView(l: () => void): () => void;
  getView(): MediaView;
  getStats(): Promise<{ publish: RTCStatsReport | null; subscribe: RTCStatsReport | null }>;
  /** Whose cameras the stage shows: only those are forwarded to me. */
  showCameras(cameras: string[], heights?: Record<string, number>): void;
}

/** Camera, microphone and screen (navigator.mediaDevices, or a fake in tests). */
export interface DeviceAccess {
  getUserMedia(c: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia(c: DisplayMediaStreamOptions): Promise<MediaStream>;
}

export interface RoomDeps {
  rt: Realtime;
  meetingId: string;
  passcode?: string;
  /** Tracks from the pre-join check; `audio`/`video`: whether to send them from the start. */
  microphone?: MediaStreamTrack | null;
  camera?: MediaStreamTrack | null;
  audio: boolean;
  video: boolean;
  /** Chosen devices, for turning the microphone or camera on later. */
  microphoneId?: string;
  cameraId?: string;
  media?: (meetingId: string) => MediaLike;
  devices?: DeviceAccess;
}

export interface LocalTracks { microphone: MediaStreamTrack | null; camera: MediaStreamTrack | null; screen: MediaStreamTrack | null }

export interface RoomView { room: RoomState; media: MediaView; local: LocalTracks }

const idleMedia: MediaView = { publish: 'new', subscribe: 'new', remote: [], reconnecting: false, error: null };

export class MeetingRoom {
  private room: RoomState = initialRoom;
  private local: LocalTracks = { microphone: null, camera: null, screen: null };
  private media: MediaLike | null = null;
  private mediaStarted = false;
  /** whose cameras the stage shows (null until it says) */
  private cameras: string[] | null = null;
  private heights: Record<string, number> = {};
  private view: RoomView;
  private readonly listeners = new Set<() => void>();
  private unsubs: (() => void)[] = [];
  private socketDown = false;
  private stopped = false;
  /** My share is confirmed by the server: from then on a push saying someone else shares ends mine. */
  private shareConfirmed = false;
  private readonly devices: DeviceAccess;
  private joinSeq = 0;

  constructor(private readonly deps: RoomDeps) {
    this.devices = deps.devices ?? (navigator.mediaDevices as DeviceAccess);
    this.local.microphone = deps.microphone ?? null;
    this.local.camera = deps.video ? deps.camera ?? null : null;
    if (!deps.video) deps.camera?.stop();
    if (this.local.microphone) this.local.microphone.enabled = deps.audio;
    this.view = { room: this.room, media: idleMedia, local: this.local };
  }

  subscribe = (l: () => void) => { this.listeners.add(l); return () => { this.listeners.delete(l); }; };
  getState = () => this.view;

  private emit() {
    const media = this.media?.getView() ?? idleMedia;
    const room = this.room.phase === 'joined' && this.room.reconnecting !== (this.socketDown || media.reconnecting)
      ? roomReducer(this.room, { type: 'reconnecting', on: this.socketDown || media.reconnecting })
      : this.room;
    this.room = room;
    this.view = { room, media, local: this.local };
    this.listeners.forEach((l) => l());
  }

  private dispatch(a: RoomAction) {
    const next = roomReducer(this.room, a);
    if (next === this.room) return;
    this.room = next;
    this.emit();
  }

  /** Subscribes to the pushes (before anything is sent, so none is missed), then joins. */
  start(): Promise<void> {
    const on = <T>(topic: string, f: (d: T) => void) => {
      this.unsubs.push(this.deps.rt.subscribe(topic, (d) => {
        const m = (d as { meetingId?: string } | null)?.meetingId;
        if (this.stopped || (m && m !== this.deps.meetingId)) return;
        f(d as T);
      }));
    };
    on<ParticipantPush>('meeting.participant', (d) => { this.dispatch({ type: 'participant', participant: d.participant }); this.checkMyShare(); });
    on<LeftPush>('meeting.left', (d) => this.dispatch({ type: 'left', participantId: d.participantId, reason: d.reason }));
    on<SettingsPush>('meeting.settings', (d) => { this.dispatch({ type: 'settings', push: d }); this.checkMyShare(); });
    on<ChatPush>('meeting.chat', (d) => this.dispatch({ type: 'chat', line: { from: d.from, displayName: d.displayName, text: d.text, at: d.at } }));
    on<ActiveSpeakerPush>('meeting.active-speaker', (d) => this.dispatch({ type: 'activeSpeaker', participantId: d.participantId ?? null }));
    on<WaitingPush>('meeting.waiting', (d) => this.dispatch({ type: 'waitingList', waiting: d.waiting ?? [] }));
    on<unknown>('meeting.admitted', (d) => this.onAdmitted(d));
    on<unknown>('meeting.denied', () => { this.dispatch({ type: 'denied' }); this.teardown(); });
    on<MutedPush>('meeting.muted', (d) => this.onMuted(d.allowUnmute !== false));
    on<unknown>('meeting.unmute-requested', () => this.dispatch({ type: 'unmuteRequested' }));
    on<unknown>('meeting.video-stopped', () => this.onVideoStopped());
    on<RemovedPush>('meeting.removed', (d) => { this.dispatch({ type: 'removed', reason: d.reason }); this.teardown(); });
    on<unknown>('meeting.ended', () => { this.dispatch({ type: 'ended' }); this.teardown(); });
    this.unsubs.push(this.deps.rt.onDisconnect(() => {
      this.socketDown = true;
      this.emit();
    }));
    this.unsubs.push(this.deps.rt.onReady(() => {
      const wasDown = this.socketDown;
      this.socketDown = false;
      this.emit();
      // back after a drop: my place in the meeting is kept for the grace period; join again to take it
      if (wasDown && (this.room.phase === 'joined' || this.room.phase === 'waiting')) this.join(true);
    }));
    return this.join(false);
  }

  /** `meeting.join`; `again` after a reconnect (the roster is replaced, the media renegotiated). */
  async join(again = false): Promise<void> {
    const seq = ++this.joinSeq;
    if (!again) this.dispatch({ type: 'joining' });
    const audio = !!this.local.microphone && this.local.microphone.enabled && !this.room.hostMute;
    const video = !!this.local.camera;
    let result: JoinResult;
    try {
      result = await this.deps.rt.request<JoinResult>('meeting.join', {
        meetingId: this.deps.meetingId, audio, video, ...(this.deps.passcode ? { passcode: this.deps.passcode } : {}),
      });
    } catch (e) {
      if (this.stopped || seq !== this.joinSeq) return;
      const code = e instanceof ApiError ? e.code : 'request_failed';
      // a reconnect that fails for a transport reason is tried again at the next ready
      if (again && (code === 'disconnected' || code === 'timeout')) return;
      this.dispatch({ type: 'joinFailed', code });
      this.teardown();
      return;
    }
    if (this.stopped || seq !== this.joinSeq) return;
    this.dispatch({ type: 'joinResult', result });
    if (result.status === 'joined') {
      // muted on entry: the server does not forward my audio, so do not send it either
      if (!result.self.audio && this.local.microphone) this.local.microphone.enabled = false;
      await this.startOrResyncMedia();
    }
  }

  private async onAdmitted(d: unknown) {
    this.dispatch({ type: 'admitted' });
    const r = d as Partial<JoinResult> | null;
    if (r && r.status === 'joined') {
      this.dispatch({ type: 'joinResult', result: r as JoinResult });
      await this.startOrResyncMedia();
    } else {
      await this.join(true);
    }
  }

  private async startOrResyncMedia() {
    if (this.mediaStarted) {
      await this.media?.resync();
      return;
    }
    this.mediaStarted = true;
    const media = (this.deps.media ?? ((id) => new MediaSession({ rt: this.deps.rt, meetingId: id })))(this.deps.meetingId);
    this.media = media;
    if (this.cameras) media.showCameras(this.cameras, this.heights); // the stage said before the media started
    this.unsubs.push(media.subscribeView(() => this.emit()));
    this.emit();
    await media.start({ microphone: this.local.microphone, camera: this.local.camera });
  }

  // ---- my microphone, camera, screen, hand

  async setAudio(on: boolean): Promise<void> {
    if (on) {
      if (!controlsFor(this.room).canUnmute) return;
      let track = this.local.microphone;
      if (!track || track.readyState === 'ended') {
        track = await this.acquire('audio');
        if (!track) return;
        this.local = { ...this.local, microphone: track };
        await this.media?.setTrack('microphone', track);
      }
      try {
        await this.op('meeting.state', { audio: true }, true);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'unmute_not_allowed') this.dispatch({ type: 'muted', allowUnmute: false });
        else this.notice(e);
        return;
      }
      track.enabled = true;
      this.dispatch({ type: 'selfChanged', patch: { audio: true } });
    } else {
      if (this.local.microphone) this.local.microphone.enabled = false;
      this.dispatch({ type: 'selfChanged', patch: { audio: false } });
      await this.op('meeting.state', { audio: false });
    }
    this.emit();
  }

  async setVideo(on: boolean): Promise<void> {
    if (on) {
      const track = await this.acquire('video');
      if (!track) return;
      this.local.camera?.stop();
      this.local = { ...this.local, camera: track };
      await this.media?.setTrack('camera', track);
      this.dispatch({ type: 'selfChanged', patch: { video: true } });
      await this.op('meeting.state', { video: true });
    } else {
      await this.cameraOff();
      await this.op('meeting.state', { video: false });
    }
    this.emit();
  }

  private async cameraOff() {
    const cam = this.local.camera;
    this.local = { ...this.local, camera: null };
    await this.media?.setTrack('camera', null);
    cam?.stop();
    this.dispatch({ type: 'selfChanged', patch: { video: false } });
    this.emit();
  }

  async startShare(): Promise<void> {
    const c = controlsFor(this.room);
    if (!c.canShare) {
      this.dispatch({ type: 'notice', notice: { kind: 'error', code: 'share_in_progress' } });
      return;
    }
    let track: MediaStreamTrack | undefined;
    try {
      const stream = await this.devices.getDisplayMedia({ video: true, audio: false });
      track = stream.getVideoTracks()[0];
    } catch (e) {
      if ((e as Error)?.name !== 'NotAllowedError' && (e as Error)?.name !== 'AbortError') this.notice(e);
      return; // cancelled in the browser's picker
    }
    if (!track) return;
    try { track.contentHint = 'detail'; } catch { /* older browsers */ }
    this.shareConfirmed = false;
    try {
      await this.op('meeting.share', { sharing: true }, true);
    } catch (e) {
      track.stop();
      this.notice(e);
      return;
    }
    this.shareConfirmed = true;
    track.addEventListener('ended', () => { if (this.local.screen === track) this.stopShare(); });
    this.local = { ...this.local, screen: track };
    this.dispatch({ type: 'selfChanged', patch: { sharing: true } });
    this.emit();
    await this.media?.setTrack('screen', track);
  }

  /** Stops my share; `tell` is false when the server already ended it (a host stopped it). */
  async stopShare(tell = true): Promise<void> {
    const track = this.local.screen;
    if (!track) return;
    this.shareConfirmed = false;
    this.local = { ...this.local, screen: null };
    track.stop();
    this.dispatch({ type: 'selfChanged', patch: { sharing: false } });
    this.emit();
    await this.media?.setTrack('screen', null);
    if (tell) await this.op('meeting.share', { sharing: false });
  }

  /** A push said I am not the sharer any more (a host stopped my share): stop sending it. */
  private checkMyShare() {
    if (!this.local.screen || !this.shareConfirmed) return;
    const me = selfOf(this.room);
    if (this.room.sharingId !== this.room.selfId || (me && !me.sharing)) this.stopShare(false);
  }

  setHand(raised: boolean) {
    this.dispatch({ type: 'selfChanged', patch: { hand: raised } });
    return this.op('meeting.hand', { raised });
  }

  sendChat(text: string) {
    return this.op('meeting.chat', { text }, true);
  }

  renameSelf(displayName: string) {
    return this.op('meeting.rename', { participantId: this.room.selfId, displayName });
  }

  answerUnmuteRequest(unmute: boolean) {
    this.dispatch({ type: 'dismissUnmuteRequest' });
    return unmute ? this.setAudio(true) : Promise.resolve();
  }

  dismissNotice() { this.dispatch({ type: 'notice', notice: null }); }

  // ---- pushes about me

  private onMuted(allowUnmute: boolean) {
    if (this.local.microphone) this.local.microphone.enabled = false;
    this.dispatch({ type: 'muted', allowUnmute });
    this.op('meeting.state', { audio: false });
  }

  private onVideoStopped() {
    this.dispatch({ type: 'videoStopped' });
    this.cameraOff().then(() => this.op('meeting.state', { video: false }));
  }

  // ---- host operations (hosts and co-hosts; the server refuses the rest)

  mute(participantId: string) { return this.op('meeting.mute', { participantId, allowUnmute: true }, true); }
  muteAll(allowUnmute: boolean) { return this.op('meeting.mute', { all: true, allowUnmute }, true); }
  askUnmute(participantId: string) { return this.op('meeting.ask-unmute', { participantId }, true); }
  stopVideo(participantId: string) { return this.op('meeting.stop-video', { participantId }, true); }
  stopTheirShare(participantId: string) { return this.op('meeting.share', { participantId, sharing: false }, true); }
  lowerHand(participantId: string) { return this.op('meeting.hand', { participantId, raised: false }, true); }
  setRole(participantId: string, role: Exclude<ParticipantRole, 'host'>) { return this.op('meeting.role', { participantId, role }, true); }
  transferHost(participantId: string) { return this.op('meeting.transfer-host', { participantId }, true); }
  spotlight(participantId: string | null) { return this.op('meeting.spotlight', { participantId }, true); }
  rename(participantId: string, displayName: string) { return this.op('meeting.rename', { participantId, displayName }, true); }
  remove(participantId: string) { return this.op('meeting.remove', { participantId }, true); }
  lock(locked: boolean) { return this.op('meeting.lock', { locked }, true); }
  admit(participantIds: string[] | 'all') { return this.op('meeting.admit', participantIds === 'all' ? { all: true } : { participantIds }, true); }
  deny(participantIds: string[] | 'all') { return this.op('meeting.deny', participantIds === 'all' ? { all: true } : { participantIds }, true); }

  /** Leave (everyone) or end it for everyone (the host). */
  async leave(endForAll = false): Promise<void> {
    if (endForAll) {
      await this.op('meeting.end', {}, true);
      this.dispatch({ type: 'ended' });
    } else {
      // answered or not, I am gone: the server times a silent participant out anyway
      this.op('meeting.leave', {}).catch(() => {});
      this.dispatch({ type: 'leftSelf' });
    }
    this.teardown();
  }

  /** The statistics of both peer connections (diagnostics and tests). */
  getStats() { return this.media?.getStats() ?? Promise.resolve({ publish: null, subscribe: null }); }

  /**
   * The stage shows these participants' cameras (a gallery page, the speaker view): receive only those, each
   * in the simulcast layer that fits its tile's height (device pixels).
   */
  showCameras(participantIds: string[], heights: Record<string, number> = {}) {
    this.cameras = participantIds;
    this.heights = heights;
    this.media?.showCameras(participantIds, heights);
  }

  /** Unmounting: leave if still in, release devices and subscriptions. */
  stop() {
    if (this.stopped) return;
    if (this.room.phase === 'joined' || this.room.phase === 'waiting') this.op('meeting.leave', {}).catch(() => {});
    this.teardown();
    this.stopped = true;
    this.unsubs.forEach((u) => u());
    this.unsubs = [];
  }

  private teardown() {
    this.media?.close();
    for (const t of [this.local.microphone, this.local.camera, this.local.screen]) t?.stop();
    this.local = { microphone: null, camera: null, screen: null };
    this.emit();
  }

  private async acquire(kind: 'audio' | 'video'): Promise<MediaStreamTrack | null> {
    const id = kind === 'audio' ? this.deps.microphoneId : this.deps.cameraId;
    const c: MediaStreamConstraints = kind === 'audio'
      ? { audio: id ? { deviceId: { exact: id } } : true }
      : { video: { ...(id ? { deviceId: { exact: id } } : {}), width: { ideal: 1280 }, height: { ideal: 720 } } };
    try {
      const s = await this.devices.getUserMedia(c);
      return (kind === 'audio' ? s.getAudioTracks() : s.getVideoTracks())[0] ?? null;
    } catch (e) {
      this.notice(e);
      return null;
    }
  }

  private notice(e: unknown) {
    const code = e instanceof ApiError ? e.code : 'device_failed';
    const detail = e instanceof ApiError ? e.detail : (e as Error)?.name ?? String(e);
    this.dispatch({ type: 'notice', notice: { kind: 'error', code, detail } });
  }

  /**
   * A control operation for this meeting. `rethrow`: the caller shows the failure; otherwise it becomes
   * the room's notice (a state report the server missed is repeated by the next join anyway).
   */
  private async op(op: string, data: Record<string, unknown>, rethrow = false): Promise<void> {
    if (this.stopped || isOver(this.room.phase) && op !== 'meeting.leave') return;
    try {
      await this.deps.rt.request(op, { meetingId: this.deps.meetingId, ...data });
    } catch (e) {
      if (rethrow) throw e;
      if (!(e instanceof ApiError && (e.code === 'disconnected' || e.code === 'timeout'))) this.notice(e);
    }
  }
}
