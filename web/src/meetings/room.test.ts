import { describe, expect, it, vi } from 'vitest';
import { fakeStream, FakeMedia, FakeRt, FakeTrack, flush, refuse, track } from './fakes.test-util';
import { meeting, person } from './fixtures.test-util';
import { MeetingRoom } from './room';
import { selfOf } from './roster';
import type { Participant } from './types';

const host = person('h', { role: 'host' });

function setup(opts: { self?: Participant; others?: Participant[]; audio?: boolean; video?: boolean; join?: () => unknown } = {}) {
  const self = opts.self ?? person('me');
  const rt = new FakeRt().on('meeting.join', opts.join ?? (() => ({ status: 'joined', meeting: meeting(), self, participants: [host, self, ...(opts.others ?? [])] })));
  const media = new FakeMedia();
  const mic = track('audio');
  const cam = track('video');
  const screen = track('video');
  const devices = {
    getUserMedia: vi.fn(async (c: MediaStreamConstraints) => fakeStream([c.audio ? track('audio') : track('video')])),
    getDisplayMedia: vi.fn(async () => fakeStream([screen])),
  };
  const room = new MeetingRoom({
    rt, meetingId: 'm1', passcode: '2468', microphone: mic, camera: cam, audio: opts.audio ?? true, video: opts.video ?? true,
    media: () => media, devices,
  });
  return { rt, room, media, mic, cam, screen, devices, s: () => room.getState().room, me: () => selfOf(room.getState().room) };
}

describe('meeting room', () => {
  it('joins with the passcode and what I send, then starts the media with my tracks', async () => {
    const { rt, room, media, mic, cam, s } = setup();
    await room.start();
    expect(rt.ops('meeting.join')).toEqual([{ meetingId: 'm1', audio: true, video: true, passcode: '2468' }]);
    expect(s().phase).toBe('joined');
    expect(media.started).toEqual({ microphone: mic, camera: cam });
  });

  it('hands the media the cameras the stage shows, also those it showed before the media started', async () => {
    const { room, media } = setup();
    room.showCameras(['h']);
    expect(media.shown).toEqual([]);
    await room.start();
    expect(media.shown).toEqual([['h']]);
    room.showCameras([]);
    expect(media.shown.at(-1)).toEqual([]);
  });

  it('joining with the camera off releases it; with the microphone off keeps it disabled', async () => {
    const { rt, room, media, mic, cam } = setup({ audio: false, video: false });
    await room.start();
    expect(rt.ops('meeting.join')[0]).toMatchObject({ audio: false, video: false });
    expect((cam as unknown as FakeTrack).readyState).toBe('ended');
    expect(mic.enabled).toBe(false);
    expect(media.started).toEqual({ microphone: mic, camera: null });
  });

  it('shows why a join was refused, and starts no media', async () => {
    const { room, media, s } = setup({ join: refuse('meeting_locked', 403) });
    await room.start();
    expect(s()).toMatchObject({ phase: 'failed', error: 'meeting_locked' });
    expect(media.started).toBeNull();
  });

  it('waits in the waiting room until admitted, then joins', async () => {
    let waiting = true;
    const self = person('me');
    const { rt, room, media, s } = setup({ join: () => (waiting ? { status: 'waiting' } : { status: 'joined', meeting: meeting(), self, participants: [host, self] }) });
    await room.start();
    expect(s().phase).toBe('waiting');
    waiting = false;
    rt.push('meeting.admitted', { meetingId: 'm1' });
    await flush();
    expect(s().phase).toBe('joined');
    expect(rt.ops('meeting.join')).toHaveLength(2);
    expect(media.started).not.toBeNull();
  });

  it('mutes and unmutes: the track and the server follow', async () => {
    const { rt, room, mic, me } = setup();
    await room.start();
    await room.setAudio(false);
    expect(mic.enabled).toBe(false);
    expect(me()?.audio).toBe(false);
    expect(rt.ops('meeting.state').at(-1)).toEqual({ meetingId: 'm1', audio: false });
    await room.setAudio(true);
    expect(mic.enabled).toBe(true);
    expect(rt.ops('meeting.state').at(-1)).toEqual({ meetingId: 'm1', audio: true });
  });

  it('a host mute stops my audio and tells the server; without permission the unmute does nothing', async () => {
    const { rt, room, mic, s } = setup();
    await room.start();
    rt.push('meeting.muted', { meetingId: 'm1', allowUnmute: false });
    await flush();
    expect(mic.enabled).toBe(false);
    expect(rt.ops('meeting.state').at(-1)).toEqual({ meetingId: 'm1', audio: false });
    expect(s().hostMute).toEqual({ allowUnmute: false });
    const before = rt.requests.length;
    await room.setAudio(true);
    expect(mic.enabled).toBe(false);
    expect(rt.requests.length).toBe(before);
  });

  it('an unmute refused by the server keeps me muted and blocks the button', async () => {
    const { rt, room, mic, s } = setup({ audio: false });
    await room.start();
    rt.on('meeting.state', (d) => { if (d.audio) refuse('unmute_not_allowed', 403)(); return null; });
    await room.setAudio(true);
    expect(mic.enabled).toBe(false);
    expect(s().hostMute).toEqual({ allowUnmute: false });
  });

  it('an unmute request is a prompt; accepting it unmutes', async () => {
    const { rt, room, mic, s } = setup({ audio: false });
    await room.start();
    rt.push('meeting.unmute-requested', { meetingId: 'm1' });
    expect(s().unmuteRequested).toBe(true);
    await room.answerUnmuteRequest(true);
    expect(s().unmuteRequested).toBe(false);
    expect(mic.enabled).toBe(true);
  });

  it('a host stopping my video turns the camera off', async () => {
    const { rt, room, media, cam, s } = setup();
    await room.start();
    rt.push('meeting.video-stopped', { meetingId: 'm1' });
    await flush();
    expect((cam as unknown as FakeTrack).readyState).toBe('ended');
    expect(media.tracks).toContainEqual(['camera', null]);
    expect(rt.ops('meeting.state').at(-1)).toEqual({ meetingId: 'm1', video: false });
    expect(s().notice).toEqual({ kind: 'videoStopped' });
  });

  it('turns the camera back on with a new track', async () => {
    const { room, media, devices, me } = setup({ video: false });
    await room.start();
    await room.setVideo(true);
    expect(devices.getUserMedia).toHaveBeenCalledWith(expect.objectContaining({ video: expect.anything() }));
    expect(media.tracks.at(-1)?.[0]).toBe('camera');
    expect(me()?.video).toBe(true);
  });

  it('shares the screen after the server agrees; a refusal releases it', async () => {
    const { rt, room, media, screen, s } = setup();
    await room.start();
    await room.startShare();
    expect(rt.ops('meeting.share')).toEqual([{ meetingId: 'm1', sharing: true }]);
    expect(media.tracks).toContainEqual(['screen', screen]);
    expect(s().sharingId).toBe('me');
    // the browser's own stop button
    (screen as unknown as FakeTrack).endByBrowser();
    await flush();
    expect(media.tracks.at(-1)).toEqual(['screen', null]);
    expect(rt.ops('meeting.share').at(-1)).toEqual({ meetingId: 'm1', sharing: false });

    const other = setup();
    await other.room.start();
    other.rt.on('meeting.share', refuse('share_in_progress'));
    await other.room.startShare();
    expect((other.screen as unknown as FakeTrack).readyState).toBe('ended');
    expect(other.s().notice).toMatchObject({ kind: 'error', code: 'share_in_progress' });
    expect(other.media.tracks).toEqual([]);
  });

  it('does not even ask for the screen while someone else shares', async () => {
    const { room, devices, s } = setup({ others: [person('o', { sharing: true })] });
    await room.start();
    await room.startShare();
    expect(devices.getDisplayMedia).not.toHaveBeenCalled();
    expect(s().notice).toMatchObject({ code: 'share_in_progress' });
  });

  it('a host stopping my share ends it here without telling the server again', async () => {
    const { rt, room, media, me } = setup();
    await room.start();
    await room.startShare();
    rt.push('meeting.settings', { meetingId: 'm1', sharing: null });
    await flush();
    expect(media.tracks.at(-1)).toEqual(['screen', null]);
    expect(rt.ops('meeting.share')).toHaveLength(1);
    expect(me()?.sharing).toBe(false);
  });

  it('applies roster pushes and ignores those of another meeting', async () => {
    const { rt, room, s } = setup();
    await room.start();
    rt.push('meeting.participant', { meetingId: 'm1', participant: person('n') });
    rt.push('meeting.participant', { meetingId: 'other', participant: person('x') });
    rt.push('meeting.active-speaker', { meetingId: 'm1', participantId: 'h' });
    rt.push('meeting.chat', { meetingId: 'm1', from: 'h', displayName: 'H', text: 'hello', at: 'now' });
    expect(s().participants.map((p) => p.id)).toEqual(['h', 'me', 'n']);
    expect(s().activeSpeakerId).toBe('h');
    expect(s().chat.map((c) => c.text)).toEqual(['hello']);
    rt.push('meeting.left', { meetingId: 'm1', participantId: 'n', reason: 'left' });
    expect(s().participants.map((p) => p.id)).toEqual(['h', 'me']);
  });

  it('after the WebSocket comes back, joins again and renegotiates the media; shows reconnecting meanwhile', async () => {
    const { rt, room, media, s } = setup();
    await room.start();
    rt.drop();
    expect(s().reconnecting).toBe(true);
    rt.becomeReady(false);
    await flush();
    expect(rt.ops('meeting.join')).toHaveLength(2);
    expect(media.resyncs).toBe(1);
    expect(s().reconnecting).toBe(false);
  });

  it('shows reconnecting while the media is being restored', async () => {
    const { room, media, s } = setup();
    await room.start();
    media.setView({ reconnecting: true, subscribe: 'disconnected' });
    expect(s().reconnecting).toBe(true);
    media.setView({ reconnecting: false, subscribe: 'connected' });
    expect(s().reconnecting).toBe(false);
  });

  it('ends, removed or leaving: the media and devices are released', async () => {
    for (const how of ['ended', 'removed', 'leave'] as const) {
      const { rt, room, media, mic, s } = setup();
      await room.start();
      if (how === 'ended') rt.push('meeting.ended', { meetingId: 'm1' });
      if (how === 'removed') rt.push('meeting.removed', { meetingId: 'm1', reason: 'joined_elsewhere' });
      if (how === 'leave') await room.leave();
      expect(s().phase).toBe(how === 'leave' ? 'left' : how);
      expect(media.closed).toBe(true);
      expect((mic as unknown as FakeTrack).readyState).toBe('ended');
      if (how === 'leave') expect(rt.ops('meeting.leave')).toEqual([{ meetingId: 'm1' }]);
      if (how === 'removed') expect(s().error).toBe('joined_elsewhere');
    }
  });

  it('host operations carry the meeting and their target', async () => {
    const { rt, room } = setup({ self: person('me', { role: 'host' }) });
    await room.start();
    await room.muteAll(false);
    await room.admit('all');
    await room.deny(['w1']);
    await room.setRole('o', 'cohost');
    await room.spotlight(null);
    await room.leave(true);
    expect(rt.ops('meeting.mute')).toEqual([{ meetingId: 'm1', all: true, allowUnmute: false }]);
    expect(rt.ops('meeting.admit')).toEqual([{ meetingId: 'm1', all: true }]);
    expect(rt.ops('meeting.deny')).toEqual([{ meetingId: 'm1', participantIds: ['w1'] }]);
    expect(rt.ops('meeting.role')).toEqual([{ meetingId: 'm1', participantId: 'o', role: 'cohost' }]);
    expect(rt.ops('meeting.spotlight')).toEqual([{ meetingId: 'm1', participantId: null }]);
    expect(rt.ops('meeting.end')).toEqual([{ meetingId: 'm1' }]);
  });

  it('stopping (leaving the page) leaves the meeting and unsubscribes', async () => {
    const { rt, room } = setup();
    await room.start();
    room.stop();
    expect(rt.ops('meeting.leave')).toHaveLength(1);
    expect(rt.listeners('meeting.participant')).toBe(0);
  });
});
