// The media of one participant (docs/meeting-protocol.md, "Media"): two RTCPeerConnections to the
// server's SFU, so that offers never cross.
//
// * publish: I offer. One sendonly transceiver each for microphone and camera, made at the start and
//   kept (turning them on and off is replaceTrack, no renegotiation); a screen transceiver while
//   sharing (made sendonly or inactive, then re-offered). `media.publish` {sdp, tracks: [{mid, source}]}
//   answers with the server's SDP.
// * subscribe: the server offers. `media.subscribe` → {sdp, tracks, version?}, then `media.offer`
//   pushes whenever the set of remote tracks changes; I answer each with `media.answer` {sdp, version}.
//   Each offer's `tracks` replaces the whole mid → {participantId, source} map (trackMap.ts).
//
// Recovery: when a connection goes `disconnected` (for a moment) or `failed`, an ICE restart
// (publish: restartIce() and a new offer; subscribe: `media.subscribe` with iceRestart). After the
// WebSocket came back and the room joined again, resync() renegotiates both, or rebuilds them when a
// connection is beyond repair. No React here: the room and the tests drive it.
import { withReceiverRtt } from './receiverRtt';
import { CAMERA_LAYERS } from './simulcast';
import { ApiError } from '../api';
import type { Realtime } from '../realtime';
import {
  applyOffer, emptyTrackMap, publishTracks, remoteTracks, type RemoteTrack, type TrackMap,
} from './trackMap';
import type { MediaSource, OfferPush, SubscribeOffer } from './types';

export type PcState = RTCPeerConnectionState;

export interface MediaView {
  publish: PcState;
  subscribe: PcState;
  /** Remote tracks with their owners. A new array whenever anything changes. */
  remote: RemoteTrack<MediaStreamTrack>[];
  /** Both connections were up once and one of them is not now. */
  reconnecting: boolean;
  /** The last negotiation failure (a code), cleared by the next success. */
  error: string | null;
}

export interface MediaSessionDeps {
  rt: Pick<Realtime, 'request' | 'subscribe'>;
  meetingId: string;
  /** For tests: a stand-in for `new RTCPeerConnection(config)`. */
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
  config?: RTCConfiguration;
  /** Send the camera as simulcast layers (default on; ADR 0009 §14). */
  simulcast?: boolean;
  /** How long `disconnected` may last before an ICE restart (it often heals by itself). */
  disconnectedGraceMs?: number;
  log?: (...args: unknown[]) => void;
}

type Side = 'publish' | 'subscribe';
const SENDABLE: MediaSource[] = ['microphone', 'camera'];
const KIND: Record<MediaSource, 'audio' | 'video'> = { microphone: 'audio', camera: 'video', screen: 'video' };

export class MediaSession {
  private pub: RTCPeerConnection | null = null;
  private sub: RTCPeerConnection | null = null;
  private readonly senders: Partial<Record<MediaSource, RTCRtpTransceiver>> = {};
  private readonly local: Partial<Record<MediaSource, MediaStreamTrack | null>> = {};
  private readonly localStream: MediaStream | null;
  private map: TrackMap = emptyTrackMap;
  private view: MediaView = { publish: 'new', subscribe: 'new', remote: [], reconnecting: false, error: null };
  private readonly listeners = new Set<() => void>();
  private readonly unsubs: (() => void)[] = [];
  private closed = false;
  private everConnected: Record<Side, boolean> = { publish: false, subscribe: false };
  private restartTimers: Partial<Record<Side, ReturnType<typeof setTimeout>>> = {};
  private restarting: Record<Side, boolean> = { publish: false, subscribe: false };
  private readonly errors: Record<Side, string | null> = { publish: null, subscribe: null };
  /** publish negotiations are coalesced: one at a time, and one more if asked meanwhile */
  private pubRunning: Promise<void> | null = null;
  private pubAgain: { iceRestart: boolean } | null = null;
  /** subscribe offers are applied strictly one after another (and `media.view` goes in the same line) */
  private subChain: Promise<void> = Promise.resolve();
  /** whose cameras I show, sorted; null until the stage said (the server then forwards every camera) */
  private cameras: string[] | null = null;
  /** how tall I show each (device pixels): picks the simulcast layer the server sends me */
  private heights: Record<string, number> = {};
  /** what the current subscribe session was last told */
  private camerasSent: string | null = null;
  private readonly log: (...args: unknown[]) => void;
  private readonly create: (config: RTCConfiguration) => RTCPeerConnection;

  constructor(private readonly deps: MediaSessionDeps) {
    this.log = deps.log ?? ((...a) => console.warn('[meeting media]', ...a));
    this.create = deps.createPeerConnection ?? ((c) => new RTCPeerConnection(c));
    this.localStream = typeof MediaStream !== 'undefined' ? new MediaStream() : null;
  }

  subscribeView = (l: () => void) => { this.listeners.add(l); return () => { this.listeners.delete(l); }; };
  getView = () => this.view;

  private set(patch: Partial<MediaView>) {
    const next = { ...this.view, ...patch };
    next.reconnecting = !this.closed && ((this.everConnected.publish && next.publish !== 'connected') || (this.everConnected.subscribe && next.subscribe !== 'connected'));
    this.view = next;
    this.listeners.forEach((l) => l());
  }

  /** Opens both connections with what I send from the start (tracks may be null: off). */
  async start(tracks: Partial<Record<MediaSource, MediaStreamTrack | null>>): Promise<void> {
    Object.assign(this.local, tracks);
    this.unsubs.push(this.deps.rt.subscribe('media.offer', (d) => {
      const o = d as OfferPush;
      if (o.meetingId && o.meetingId !== this.deps.meetingId) return;
      this.enqueueOffer(o, false);
    }));
    this.build();
    await Promise.all([this.negotiatePublish(false), this.resubscribe(false)]);
  }

  private build() {
    const config: RTCConfiguration = { bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require', ...this.deps.config };
    const pub = this.create(config);
    const sub = this.create(config);
    this.pub = pub;
    this.sub = sub;
    for (const k of Object.keys(this.senders) as MediaSource[]) delete this.senders[k];
    for (const source of SENDABLE) this.addSender(source);
    if (this.local.screen) this.addSender('screen');
    this.map = emptyTrackMap;
    pub.onconnectionstatechange = () => { if (this.pub === pub) this.onState('publish', pub.connectionState); };
    sub.onconnectionstatechange = () => { if (this.sub === sub) this.onState('subscribe', sub.connectionState); };
    sub.ontrack = () => { if (this.sub === sub) this.refreshRemote(); };
    this.set({ publish: pub.connectionState, subscribe: sub.connectionState, remote: [] });
  }

  private addSender(source: MediaSource) {
    const track = this.local[source] ?? null;
    const streams = this.localStream && source !== 'screen' ? [this.localStream] : [];
    const init: RTCRtpTransceiverInit = { direction: 'sendonly', streams };
    if (source === 'camera' && this.deps.simulcast !== false) init.sendEncodings = CAMERA_LAYERS.map((l) => ({ ...l }));
    this.senders[source] = this.pub!.addTransceiver(track ?? KIND[source], init);
  }

  /**
   * What I send from a source; null stops sending it. Microphone and camera swap the track in place; the
   * screen adds (or deactivates) its m-section and offers again.
   */
  async setTrack(source: MediaSource, track: MediaStreamTrack | null): Promise<void> {
    this.local[source] = track;
    if (!this.pub || this.closed) return;
    if (source !== 'screen') {
      await this.senders[source]?.sender.replaceTrack(track);
      return;
    }
    const t = this.senders.screen;
    if (!t) {
      if (!track) return;
      this.addSender('screen');
    } else {
      await t.sender.replaceTrack(track);
      t.direction = track ? 'sendonly' : 'inactive';
    }
    await this.negotiatePublish(false);
  }

  /** Publish: a new offer (coalesced: while one runs, at most one more follows, with an ICE restart if any asked). */
  negotiatePublish(iceRestart: boolean): Promise<void> {
    if (this.pubRunning) {
      this.pubAgain = { iceRestart: iceRestart || !!this.pubAgain?.iceRestart };
      return this.pubRunning; // it runs the one asked for meanwhile before it settles
    }
    const run = async (restart: boolean) => {
      try {
        await this.publishOnce(restart);
        this.ok('publish');
      } catch (e) {
        this.fail('publish', e);
      }
      const again = this.pubAgain;
      this.pubAgain = null;
      if (again && !this.closed) await run(again.iceRestart);
    };
    this.pubRunning = run(iceRestart).finally(() => { this.pubRunning = null; });
    return this.pubRunning;
  }

  private async publishOnce(iceRestart: boolean) {
    const pc = this.pub;
    if (!pc || this.closed) return;
    if (iceRestart) pc.restartIce();
    const offer = await pc.createOffer(iceRestart ? { iceRestart: true } : undefined);
    await pc.setLocalDescription(offer);
    const sdp = pc.localDescription?.sdp ?? offer.sdp ?? '';
    const tracks = publishTracks((Object.entries(this.senders) as [MediaSource, RTCRtpTransceiver][]).map(([source, t]) => ({
      source, mid: t.mid, active: source !== 'screen' || (t.direction === 'sendonly' && !!this.local.screen),
    })));
    let answer: { sdp: string };
    try {
      answer = await this.deps.rt.request<{ sdp: string }>('media.publish', { meetingId: this.deps.meetingId, sdp, tracks });
    } catch (e) {
      if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' }).catch(() => {});
      throw e;
    }
    if (this.pub !== pc || this.closed) return;
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
  }

  /**
   * Whose cameras the stage shows: only those are forwarded to me (`media.view`). Sent after the subscribe
   * that is under way, and again after every new subscribe session (which starts from every camera).
   */
  showCameras(cameras: string[], heights: Record<string, number> = {}) {
    const next = [...new Set(cameras)].sort();
    if (this.cameras && viewKey(this.cameras, this.heights) === viewKey(next, heights)) return;
    this.cameras = next;
    this.heights = { ...heights };
    const pc = this.sub;
    this.subChain = this.subChain.then(() => (pc && this.sub === pc ? this.sendView() : undefined));
  }

  private async sendView() {
    const cameras = this.cameras;
    const heights = this.heights;
    if (!cameras || this.closed || viewKey(cameras, heights) === this.camerasSent) return;
    try {
      const shown = Object.fromEntries(Object.entries(heights).filter(([id]) => cameras.includes(id)));
      await this.deps.rt.request('media.view', { meetingId: this.deps.meetingId, cameras, ...(Object.keys(shown).length ? { heights: shown } : {}) });
      this.camerasSent = viewKey(cameras, heights);
    } catch (e) {
      this.log('media.view failed (every camera keeps coming)', e); // advice to the server, not a failure of mine
    }
  }

  /** Subscribe: ask the server for a (new) offer; `iceRestart` after the connection broke. */
  resubscribe(iceRestart: boolean): Promise<void> {
    const pc = this.sub;
    const run = async () => {
      if (!pc || this.sub !== pc || this.closed) return;
      try {
        const o = await this.deps.rt.request<SubscribeOffer>('media.subscribe', { meetingId: this.deps.meetingId, ...(iceRestart ? { iceRestart: true } : {}) });
        await this.applyOffer(pc, o, true);
        if (!iceRestart) { // a new subscribe session forwards every camera again
          this.camerasSent = null;
          await this.sendView();
        }
        this.ok('subscribe');
      } catch (e) {
        this.fail('subscribe', e);
      }
    };
    this.subChain = this.subChain.then(run);
    return this.subChain;
  }

  private enqueueOffer(o: SubscribeOffer, force: boolean) {
    const pc = this.sub;
    this.subChain = this.subChain.then(async () => {
      if (!pc || this.sub !== pc || this.closed) return;
      try {
        await this.applyOffer(pc, o, force);
        this.ok('subscribe');
      } catch (e) {
        this.fail('subscribe', e);
      }
    });
  }

  /** Applies one server offer: the map first (so `track` events find their owner), then the SDP, then my answer. */
  private async applyOffer(pc: RTCPeerConnection, o: SubscribeOffer, force: boolean) {
    const next = applyOffer(this.map, o.tracks, o.version, force);
    if (!next) return; // an older offer than the one applied
    this.map = next;
    await pc.setRemoteDescription({ type: 'offer', sdp: o.sdp });
    const created = await pc.createAnswer();
    const answer = { type: created.type, sdp: withReceiverRtt(created.sdp ?? '') };
    // The answer goes to the server while it is applied here, not after: applying it starts ICE, and the
    // server (DTLS server) can take my ClientHello only once the answer told it my fingerprint — one that
    // arrives first is dropped and resent only after the DTLS retransmission timeout.
    const sent = this.deps.rt.request('media.answer', {
      meetingId: this.deps.meetingId, sdp: answer.sdp, version: o.version ?? next.version ?? 0,
    });
    sent.catch(() => {}); // awaited below; this only keeps a failure during setLocalDescription from going unhandled
    await pc.setLocalDescription(answer);
    this.refreshRemote();
    await sent;
  }

  private refreshRemote() {
    const pc = this.sub;
    if (!pc) return;
    const receiving = pc.getTransceivers().map((t) => ({
      mid: t.mid, track: t.receiver.track, direction: t.currentDirection ?? null, stopped: t.currentDirection === 'stopped',
    }));
    const remote = remoteTracks(this.map, receiving);
    const same = remote.length === this.view.remote.length && remote.every((r, i) => {
      const o = this.view.remote[i];
      return o.mid === r.mid && o.track === r.track && o.participantId === r.participantId && o.source === r.source;
    });
    if (!same) this.set({ remote });
  }

  private onState(side: Side, state: PcState) {
    if (state === 'connected') {
      this.everConnected[side] = true;
      this.restarting[side] = false;
      clearTimeout(this.restartTimers[side]);
    }
    this.set(side === 'publish' ? { publish: state } : { subscribe: state });
    if (this.closed) return;
    if (state === 'failed') this.restartIce(side);
    else if (state === 'disconnected') {
      clearTimeout(this.restartTimers[side]);
      this.restartTimers[side] = setTimeout(() => {
        const pc = side === 'publish' ? this.pub : this.sub;
        if (pc && pc.connectionState === 'disconnected') this.restartIce(side);
      }, this.deps.disconnectedGraceMs ?? 2_000);
    }
  }

  /** ICE restart of one side (publish: restartIce() and offer again; subscribe: media.subscribe with iceRestart). */
  async restartIce(side: Side): Promise<void> {
    if (this.closed || this.restarting[side]) return;
    this.restarting[side] = true;
    try {
      if (side === 'publish') await this.negotiatePublish(true);
      else await this.resubscribe(true);
    } finally {
      this.restarting[side] = false;
    }
  }

  /**
   * After the WebSocket came back and `meeting.join` succeeded again: renegotiate both connections
   * (publish with an ICE restart when it is not up; subscribe always asks with iceRestart, see below),
   * or rebuild both when one is closed or failed.
   */
  async resync(): Promise<void> {
    if (this.closed || !this.pub || !this.sub) return;
    const broken = (pc: RTCPeerConnection) => pc.connectionState === 'failed' || pc.connectionState === 'closed' || pc.signalingState === 'closed';
    if (broken(this.pub) || broken(this.sub)) {
      this.pub.close();
      this.sub.close();
      this.subChain = Promise.resolve();
      this.build();
      await Promise.all([this.negotiatePublish(false), this.resubscribe(false)]);
      return;
    }
    await Promise.all([
      this.negotiatePublish(this.pub.connectionState !== 'connected'),
      // Always with iceRestart. Without it the server starts a new subscribe session on a new transport,
      // whose DTLS handshake this RTCPeerConnection (keyed long ago) never makes: the new offer would be
      // answered, ICE would connect, and not one packet would arrive. With it the server offers the current
      // tracks on the same transport; the old ICE credentials keep working until the new ones do.
      this.resubscribe(true),
    ]);
  }

  /** The statistics of both connections (tests and diagnostics). */
  async getStats(): Promise<{ publish: RTCStatsReport | null; subscribe: RTCStatsReport | null }> {
    return { publish: this.pub ? await this.pub.getStats() : null, subscribe: this.sub ? await this.sub.getStats() : null };
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.unsubs.forEach((u) => u());
    Object.values(this.restartTimers).forEach((t) => clearTimeout(t));
    this.pub?.close();
    this.sub?.close();
    this.set({ publish: 'closed', subscribe: 'closed', remote: [] });
    this.listeners.clear();
  }

  private fail(side: Side, e: unknown) {
    const code = e instanceof ApiError ? e.code : e instanceof Error ? e.name || e.message : String(e);
    this.log(`${side} negotiation failed`, e);
    this.errors[side] = code;
    if (!this.closed) this.set({ error: this.errors.publish ?? this.errors.subscribe });
  }

  private ok(side: Side) {
    if (this.errors[side] === null) return;
    this.errors[side] = null;
    this.set({ error: this.errors.publish ?? this.errors.subscribe });
  }
}

/** What a `media.view` says, as a string to compare: the cameras and the heights of those shown. */
function viewKey(cameras: readonly string[], heights: Record<string, number>): string {
  return cameras.map((id) => `${id}:${heights[id] ?? ''}`).join();
}
