// Stand-ins for the realtime connection, RTCPeerConnection and media tracks (meeting tests only).
import { ApiError } from '../api';
import type { Realtime, ReadyInfo } from '../realtime';
import type { MediaView } from './mediaSession';
import type { MediaLike } from './room';
import type { MediaSource } from './types';

type Handler = (data: Record<string, unknown>) => unknown | Promise<unknown>;

export class FakeRt implements Realtime {
  connected = true;
  requests: { op: string; data: Record<string, unknown> }[] = [];
  handlers = new Map<string, Handler>();
  private topics = new Map<string, ((d: unknown) => void)[]>();
  private ready: ((i: ReadyInfo) => void)[] = [];
  private down: (() => void)[] = [];
  on(op: string, h: Handler) { this.handlers.set(op, h); return this; }
  async request<T>(op: string, data: unknown): Promise<T> {
    const d = (data ?? {}) as Record<string, unknown>;
    this.requests.push({ op, data: d });
    const h = this.handlers.get(op);
    if (!h) return null as T;
    return (await h(d)) as T;
  }
  subscribe(topic: string, handler: (d: unknown) => void) {
    this.topics.set(topic, [...(this.topics.get(topic) ?? []), handler]);
    return () => { this.topics.set(topic, (this.topics.get(topic) ?? []).filter((h) => h !== handler)); };
  }
  onReady(h: (i: ReadyInfo) => void) { this.ready.push(h); return () => { this.ready = this.ready.filter((x) => x !== h); }; }
  onDisconnect(h: () => void) { this.down.push(h); return () => { this.down = this.down.filter((x) => x !== h); }; }
  push(topic: string, data: unknown) { this.topics.get(topic)?.forEach((h) => h(data)); }
  drop() { this.connected = false; this.down.forEach((h) => h()); }
  becomeReady(resumed = false) { this.connected = true; this.ready.forEach((h) => h({ resumed })); }
  ops(op: string) { return this.requests.filter((r) => r.op === op).map((r) => r.data); }
  listeners(topic: string) { return this.topics.get(topic)?.length ?? 0; }
}

export const refuse = (code: string, status = 409) => () => { throw new ApiError(status, code, undefined, code); };

let trackIds = 0;
export class FakeTrack {
  id = `t${++trackIds}`;
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  contentHint = '';
  private ended: (() => void)[] = [];
  constructor(readonly kind: 'audio' | 'video') {}
  stop() { this.readyState = 'ended'; }
  addEventListener(_: 'ended', f: () => void) { this.ended.push(f); }
  /** The browser's own "stop sharing" button. */
  endByBrowser() { this.readyState = 'ended'; this.ended.forEach((f) => f()); }
}
export const track = (kind: 'audio' | 'video') => new FakeTrack(kind) as unknown as MediaStreamTrack;

export function fakeStream(tracks: MediaStreamTrack[]): MediaStream {
  return {
    getTracks: () => tracks, getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
  } as unknown as MediaStream;
}

export class FakeTransceiver {
  mid: string | null = null;
  currentDirection: RTCRtpTransceiverDirection | null = null;
  /** what addTransceiver was given (sendEncodings: simulcast layers) */
  init: RTCRtpTransceiverInit = {};
  sender: { track: MediaStreamTrack | null; replaceTrack: (t: MediaStreamTrack | null) => Promise<void> };
  receiver = { track: track('video') };
  constructor(public direction: RTCRtpTransceiverDirection, sending: MediaStreamTrack | null, readonly kind: string) {
    const sender = { track: sending, replaceTrack: async (t: MediaStreamTrack | null) => { sender.track = t; } };
    this.sender = sender;
  }
}

/**
 * A peer connection that understands a toy SDP: an offer from the "server" is `offer mids=0,1,2`; its
 * m-sections become receiving transceivers (new mids fire `track`, missing ones go inactive).
 */
export class FakePc {
  static all: FakePc[] = [];
  connectionState: RTCPeerConnectionState = 'new';
  signalingState: RTCSignalingState = 'stable';
  localDescription: RTCSessionDescriptionInit | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  transceivers: FakeTransceiver[] = [];
  onconnectionstatechange: (() => void) | null = null;
  ontrack: ((e: { transceiver: FakeTransceiver; track: unknown }) => void) | null = null;
  restarts = 0;
  offers = 0;
  closed = false;
  constructor(readonly config: RTCConfiguration) { FakePc.all.push(this); }
  addTransceiver(trackOrKind: MediaStreamTrack | string, init: RTCRtpTransceiverInit) {
    const t = typeof trackOrKind === 'string'
      ? new FakeTransceiver(init.direction ?? 'sendrecv', null, trackOrKind)
      : new FakeTransceiver(init.direction ?? 'sendrecv', trackOrKind, trackOrKind.kind);
    t.init = init;
    this.transceivers.push(t);
    return t;
  }
  getTransceivers() { return this.transceivers; }
  restartIce() { this.restarts++; }
  async createOffer(o?: RTCOfferOptions) { this.offers++; return { type: 'offer' as const, sdp: `client offer ${this.offers}${o?.iceRestart ? ' ice-restart' : ''}` }; }
  async createAnswer() { return { type: 'answer' as const, sdp: `client answer to ${this.remoteDescription?.sdp}` }; }
  async setLocalDescription(d: RTCSessionDescriptionInit) {
    if (d.type === 'rollback') { this.signalingState = 'stable'; return; }
    this.localDescription = d;
    if (d.type === 'offer') {
      this.transceivers.forEach((t, i) => { if (t.mid === null) t.mid = String(i); });
      this.signalingState = 'have-local-offer';
    } else {
      this.transceivers.forEach((t) => { if (t.direction === 'recvonly') t.currentDirection = 'recvonly'; else t.currentDirection = 'inactive'; });
      this.signalingState = 'stable';
    }
  }
  async setRemoteDescription(d: RTCSessionDescriptionInit) {
    this.remoteDescription = d;
    if (d.type === 'answer') {
      this.transceivers.forEach((t) => { t.currentDirection = t.direction; });
      this.signalingState = 'stable';
      return;
    }
    const mids = /mids=([\d,]*)/.exec(d.sdp ?? '')?.[1].split(',').filter(Boolean) ?? [];
    const fresh: FakeTransceiver[] = [];
    for (const mid of mids) {
      let t = this.transceivers.find((x) => x.mid === mid);
      if (!t) {
        t = new FakeTransceiver('recvonly', null, 'video');
        t.mid = mid;
        this.transceivers.push(t);
        fresh.push(t);
      }
      t.direction = 'recvonly';
    }
    this.transceivers.forEach((t) => { if (t.mid && !mids.includes(t.mid)) t.direction = 'inactive'; });
    this.signalingState = 'have-remote-offer';
    fresh.forEach((t) => this.ontrack?.({ transceiver: t, track: t.receiver.track }));
  }
  async getStats() { return new Map() as unknown as RTCStatsReport; }
  close() { this.closed = true; this.connectionState = 'closed'; this.signalingState = 'closed'; }
  setState(s: RTCPeerConnectionState) { this.connectionState = s; this.onconnectionstatechange?.(); }
}

export const createFakePc = (c: RTCConfiguration) => new FakePc(c) as unknown as RTCPeerConnection;
export const flush = async (n = 5) => { for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0)); };

/** The media side of a room, recording what the room asks of it. */
export class FakeMedia implements MediaLike {
  started: Partial<Record<MediaSource, MediaStreamTrack | null>> | null = null;
  tracks: [MediaSource, MediaStreamTrack | null][] = [];
  resyncs = 0;
  closed = false;
  view: MediaView = { publish: 'connected', subscribe: 'connected', remote: [], reconnecting: false, error: null };
  private l = new Set<() => void>();
  async start(t: Partial<Record<MediaSource, MediaStreamTrack | null>>) { this.started = t; }
  async setTrack(s: MediaSource, t: MediaStreamTrack | null) { this.tracks.push([s, t]); }
  async resync() { this.resyncs++; }
  close() { this.closed = true; }
  subscribeView(f: () => void) { this.l.add(f); return () => { this.l.delete(f); }; }
  getView() { return this.view; }
  async getStats() { return { publish: null, subscribe: null }; }
  shown: string[][] = [];
  showCameras(cameras: string[]) { this.shown.push(cameras); }
  setView(p: Partial<MediaView>) { this.view = { ...this.view, ...p }; this.l.forEach((f) => f()); }
}
