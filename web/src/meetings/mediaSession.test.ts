import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { createFakePc, FakePc, FakeRt, flush, track } from './fakes.test-util';
import { MediaSession } from './mediaSession';

const owners = (...o: [string, string, string][]) => Object.fromEntries(o.map(([mid, participantId, source]) => [mid, { participantId, source }]));

function setup(subscribeAnswer: () => unknown = () => ({ sdp: 'offer mids=0,1', tracks: owners(['0', 'a', 'microphone'], ['1', 'a', 'camera']), version: 1 })) {
  FakePc.all = [];
  const rt = new FakeRt()
    .on('media.publish', () => ({ sdp: 'server answer' }))
    .on('media.subscribe', subscribeAnswer);
  const media = new MediaSession({ rt, meetingId: 'm1', createPeerConnection: createFakePc, disconnectedGraceMs: 1000, log: () => {} });
  return { rt, media, pub: () => FakePc.all[FakePc.all.length - 2], sub: () => FakePc.all[FakePc.all.length - 1] };
}

describe('media session', () => {
  beforeEach(() => { FakePc.all = []; });
  afterEach(() => { vi.useRealTimers(); });

  it('publishes microphone and camera on sendonly transceivers and applies the answer', async () => {
    const { rt, media, pub } = setup();
    const mic = track('audio');
    const cam = track('video');
    await media.start({ microphone: mic, camera: cam });
    const [publish] = rt.ops('media.publish');
    expect(publish).toEqual({ meetingId: 'm1', sdp: 'client offer 1', tracks: [{ mid: '0', source: 'microphone' }, { mid: '1', source: 'camera' }] });
    expect(pub().transceivers.map((t) => [t.direction, t.sender.track])).toEqual([['sendonly', mic], ['sendonly', cam]]);
    expect(pub().remoteDescription).toEqual({ type: 'answer', sdp: 'server answer' });
    expect(pub().config).toMatchObject({ bundlePolicy: 'max-bundle' });
  });

  it('answers the server’s subscribe offer with its version and maps each remote track to its owner', async () => {
    const { rt, media, sub } = setup();
    await media.start({ microphone: track('audio'), camera: null });
    expect(rt.ops('media.subscribe')).toEqual([{ meetingId: 'm1' }]);
    expect(rt.ops('media.answer')).toEqual([{ meetingId: 'm1', sdp: 'client answer to offer mids=0,1', version: 1 }]);
    const remote = media.getView().remote;
    expect(remote.map((r) => [r.mid, r.participantId, r.source])).toEqual([['0', 'a', 'microphone'], ['1', 'a', 'camera']]);
    expect(remote[1].track).toBe(sub().transceivers[1].receiver.track);
  });

  it('applies each media.offer push in order, replacing the map; an older offer is ignored', async () => {
    const { rt, media } = setup();
    await media.start({});
    const seen: string[][] = [];
    media.subscribeView(() => seen.push(media.getView().remote.map((r) => `${r.mid}:${r.participantId}:${r.source}`)));
    // b joins (mids 2,3), then a leaves (mids 0,1 inactive), pushed back to back
    rt.push('media.offer', { meetingId: 'm1', sdp: 'offer mids=0,1,2,3', version: 2, tracks: owners(['0', 'a', 'microphone'], ['1', 'a', 'camera'], ['2', 'b', 'microphone'], ['3', 'b', 'camera']) });
    rt.push('media.offer', { meetingId: 'm1', sdp: 'offer mids=2,3', version: 3, tracks: owners(['2', 'b', 'microphone'], ['3', 'b', 'camera']) });
    rt.push('media.offer', { meetingId: 'm1', sdp: 'offer mids=0', version: 2, tracks: owners(['0', 'z', 'camera']) }); // stale
    rt.push('media.offer', { meetingId: 'other', sdp: 'offer mids=9', version: 9, tracks: {} }); // another meeting
    await flush(20);
    expect(rt.ops('media.answer').map((a) => a.version)).toEqual([1, 2, 3]);
    expect(media.getView().remote.map((r) => `${r.mid}:${r.participantId}:${r.source}`)).toEqual(['2:b:microphone', '3:b:camera']);
    expect(seen).toContainEqual(['0:a:microphone', '1:a:camera', '2:b:microphone', '3:b:camera']);
  });

  it('turns the camera on and off by replacing the track, without a new offer', async () => {
    const { rt, media, pub } = setup();
    await media.start({ microphone: track('audio'), camera: null });
    const cam = track('video');
    await media.setTrack('camera', cam);
    expect(pub().transceivers[1].sender.track).toBe(cam);
    await media.setTrack('camera', null);
    expect(pub().transceivers[1].sender.track).toBeNull();
    expect(rt.ops('media.publish')).toHaveLength(1);
  });

  it('a screen share adds an m-section and offers again; stopping it deactivates it and offers again', async () => {
    const { rt, media, pub } = setup();
    await media.start({ microphone: track('audio'), camera: track('video') });
    const screen = track('video');
    await media.setTrack('screen', screen);
    expect(rt.ops('media.publish')[1].tracks).toEqual([{ mid: '0', source: 'microphone' }, { mid: '1', source: 'camera' }, { mid: '2', source: 'screen' }]);
    await media.setTrack('screen', null);
    expect(pub().transceivers[2].direction).toBe('inactive');
    expect(rt.ops('media.publish')[2].tracks).toEqual([{ mid: '0', source: 'microphone' }, { mid: '1', source: 'camera' }]);
    // sharing again reuses the m-section
    await media.setTrack('screen', track('video'));
    expect(pub().transceivers).toHaveLength(3);
    expect(rt.ops('media.publish')[3].tracks).toContainEqual({ mid: '2', source: 'screen' });
  });

  it('coalesces offers asked for while one is on its way', async () => {
    const { rt, media } = setup();
    let release!: () => void;
    rt.on('media.publish', () => new Promise((r) => { release = () => r({ sdp: 'server answer' }); }));
    const started = media.start({});
    await flush();
    const a = media.negotiatePublish(false);
    const b = media.negotiatePublish(true);
    release();
    await flush();
    release();
    await Promise.all([started, a, b]);
    const offers = rt.ops('media.publish').map((p) => p.sdp);
    expect(offers).toEqual(['client offer 1', 'client offer 2 ice-restart']);
  });

  it('rolls the offer back when the server refuses it, and says why', async () => {
    const { rt, media, pub } = setup();
    rt.on('media.publish', () => { throw new ApiError(0, 'disconnected', undefined, 'x'); });
    await media.start({});
    expect(pub().signalingState).toBe('stable');
    expect(media.getView().error).toBe('disconnected');
  });

  it('restarts ICE when a connection fails: publish offers with restartIce, subscribe asks with iceRestart', async () => {
    const { rt, media, pub, sub } = setup();
    await media.start({ microphone: track('audio') });
    pub().setState('connected');
    sub().setState('connected');
    expect(media.getView().reconnecting).toBe(false);
    pub().setState('failed');
    sub().setState('failed');
    expect(media.getView().reconnecting).toBe(true);
    await flush(10);
    expect(pub().restarts).toBe(1);
    expect(rt.ops('media.publish').at(-1)?.sdp).toBe('client offer 2 ice-restart');
    expect(rt.ops('media.subscribe').at(-1)).toEqual({ meetingId: 'm1', iceRestart: true });
    pub().setState('connected');
    sub().setState('connected');
    expect(media.getView().reconnecting).toBe(false);
  });

  it('sends the camera as three simulcast layers, lowest first, and the microphone as one stream', async () => {
    const { media, pub } = setup();
    await media.start({ microphone: track('audio'), camera: track('video') });
    const [mic, cam] = pub().transceivers;
    expect(mic.init.sendEncodings).toBeUndefined();
    expect(cam.init.sendEncodings?.map((e) => [e.rid, e.scaleResolutionDownBy])).toEqual([['q', 4], ['h', 2], ['f', 1]]);

    FakePc.all = [];
    const rt = new FakeRt().on('media.publish', () => ({ sdp: 'server answer' })).on('media.subscribe', () => ({ sdp: 'o', tracks: {}, version: 1 }));
    const single = new MediaSession({ rt, meetingId: 'm1', createPeerConnection: createFakePc, simulcast: false, log: () => {} });
    await single.start({ camera: track('video') });
    expect(FakePc.all[0].transceivers[1].init.sendEncodings).toBeUndefined();
  });

  it('tells the server how tall each shown camera is, and again when a height changes', async () => {
    const { rt, media } = setup();
    await media.start({});
    media.showCameras(['a', 'b'], { a: 180, b: 360, z: 720 }); // z is not shown: not said
    await flush(5);
    expect(rt.ops('media.view')).toEqual([{ meetingId: 'm1', cameras: ['a', 'b'], heights: { a: 180, b: 360 } }]);
    media.showCameras(['b', 'a'], { b: 360, a: 180 });
    await flush(5);
    expect(rt.ops('media.view')).toHaveLength(1);
    media.showCameras(['a', 'b'], { a: 720, b: 360 }); // a became the speaker
    await flush(5);
    expect(rt.ops('media.view').at(-1)).toEqual({ meetingId: 'm1', cameras: ['a', 'b'], heights: { a: 720, b: 360 } });
  });

  it('tells the server whose cameras the stage shows, once per change, after the subscribe and again after a new one', async () => {
    const { rt, media } = setup();
    const started = media.start({});
    media.showCameras(['b', 'a', 'a']);
    await started;
    await flush(5);
    const order = rt.requests.map((r) => r.op).filter((op) => op.startsWith('media.') && op !== 'media.publish');
    expect(order).toEqual(['media.subscribe', 'media.answer', 'media.view']);
    expect(rt.ops('media.view')).toEqual([{ meetingId: 'm1', cameras: ['a', 'b'] }]);

    media.showCameras(['a', 'b']);
    await flush(5);
    expect(rt.ops('media.view')).toHaveLength(1); // the same set again: nothing to say

    media.showCameras([]);
    await flush(5);
    expect(rt.ops('media.view').at(-1)).toEqual({ meetingId: 'm1', cameras: [] });

    await media.resubscribe(false); // a new subscribe session starts from every camera: say it again
    expect(rt.ops('media.view')).toHaveLength(3);
    await media.resubscribe(true); // an ICE restart keeps the session and what it forwards
    expect(rt.ops('media.view')).toHaveLength(3);
  });

  it('gives a disconnected connection a moment to heal before restarting ICE', async () => {
    vi.useFakeTimers();
    const { rt, media, sub } = setup();
    await media.start({});
    sub().setState('connected');
    sub().setState('disconnected');
    await vi.advanceTimersByTimeAsync(500);
    sub().setState('connected');
    await vi.advanceTimersByTimeAsync(1000);
    expect(rt.ops('media.subscribe')).toHaveLength(1);
    sub().setState('disconnected');
    await vi.advanceTimersByTimeAsync(1100);
    expect(rt.ops('media.subscribe').at(-1)).toEqual({ meetingId: 'm1', iceRestart: true });
  });

  it('after a reconnect: renegotiates both (subscribe on the same transport), or rebuilds both when a connection is beyond repair', async () => {
    const { rt, media, pub, sub } = setup();
    const mic = track('audio');
    await media.start({ microphone: mic });
    pub().setState('connected');
    sub().setState('connected');
    await media.resync();
    expect(FakePc.all).toHaveLength(2);
    expect(rt.ops('media.publish')).toHaveLength(2);
    // a subscribe without iceRestart would make the server replace the transport this connection is keyed on
    expect(rt.ops('media.subscribe')).toEqual([{ meetingId: 'm1' }, { meetingId: 'm1', iceRestart: true }]);
    const [oldPub, oldSub] = [pub(), sub()];
    oldSub.setState('failed');
    await flush(10);
    oldSub.close();
    await media.resync();
    expect(FakePc.all).toHaveLength(4);
    expect(oldPub.closed).toBe(true);
    expect(pub().transceivers[0].sender.track).toBe(mic);
    expect(media.getView().remote.map((r) => r.participantId)).toEqual(['a', 'a']);
  });

  it('closes both connections and stops listening', async () => {
    const { rt, media, pub, sub } = setup();
    await media.start({});
    media.close();
    expect(pub().closed && sub().closed).toBe(true);
    expect(rt.listeners('media.offer')).toBe(0);
  });
});
