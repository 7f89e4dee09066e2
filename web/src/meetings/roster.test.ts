import { describe, expect, it } from 'vitest';
import { meeting, person } from './fixtures.test-util';
import { initialRoom, roomReducer, selfOf, type RoomAction, type RoomState } from './roster';

const run = (actions: RoomAction[], from: RoomState = initialRoom) => actions.reduce(roomReducer, from);
const host = person('h', { role: 'host' });
const me = person('me');
const other = person('o');
const joined = (extra: Partial<typeof me> = {}) => run([
  { type: 'joining' },
  { type: 'joinResult', result: { status: 'joined', meeting: meeting(), self: { ...me, ...extra }, participants: [host, { ...me, ...extra }, other] } },
]);

describe('room reducer', () => {
  it('joins with the roster in joining order and knows who I am', () => {
    const s = joined();
    expect(s.phase).toBe('joined');
    expect(s.participants.map((p) => p.id)).toEqual(['h', 'me', 'o']);
    expect(selfOf(s)?.id).toBe('me');
  });

  it('waits in the waiting room, then joins once admitted; or is denied', () => {
    const waiting = run([{ type: 'joining' }, { type: 'joinResult', result: { status: 'waiting' } }]);
    expect(waiting.phase).toBe('waiting');
    expect(roomReducer(waiting, { type: 'admitted' }).phase).toBe('joining');
    expect(roomReducer(waiting, { type: 'denied' }).phase).toBe('denied');
  });

  it('keeps a refused join’s code', () => {
    const s = run([{ type: 'joining' }, { type: 'joinFailed', code: 'wrong_passcode' }]);
    expect(s).toMatchObject({ phase: 'failed', error: 'wrong_passcode' });
  });

  it('adds, changes and removes participants from pushes', () => {
    let s = joined();
    const newcomer = person('n', { joinedAt: '2027-01-01T00:00:00Z' });
    s = roomReducer(s, { type: 'participant', participant: newcomer });
    expect(s.participants.map((p) => p.id)).toEqual(['h', 'me', 'o', 'n']);
    s = roomReducer(s, { type: 'participant', participant: { ...other, hand: true, connection: 'reconnecting' } });
    expect(s.participants.find((p) => p.id === 'o')).toMatchObject({ hand: true, connection: 'reconnecting' });
    s = roomReducer(s, { type: 'activeSpeaker', participantId: 'o' });
    s = roomReducer(s, { type: 'left', participantId: 'o', reason: 'timeout' });
    expect(s.participants.map((p) => p.id)).toEqual(['h', 'me', 'n']);
    expect(s.activeSpeakerId).toBeNull();
  });

  it('ignores my own meeting.left (my end comes as removed, ended or my leave)', () => {
    const s = joined();
    expect(roomReducer(s, { type: 'left', participantId: 'me' })).toBe(s);
  });

  it('follows the sharer and the spotlight from participant and settings pushes', () => {
    let s = joined();
    s = roomReducer(s, { type: 'participant', participant: { ...other, sharing: true } });
    expect(s.sharingId).toBe('o');
    s = roomReducer(s, { type: 'settings', push: { sharing: null, spotlight: 'h', locked: true } });
    expect(s.sharingId).toBeNull();
    expect(s.participants.find((p) => p.id === 'o')?.sharing).toBe(false);
    expect(s.spotlightId).toBe('h');
    expect(s.participants.find((p) => p.id === 'h')?.spotlight).toBe(true);
    expect(s.locked).toBe(true);
    expect(s.meeting?.locked).toBe(true);
    s = roomReducer(s, { type: 'left', participantId: 'h' });
    expect(s.spotlightId).toBeNull();
  });

  it('a host mute without unmuting blocks until a host lets me speak again', () => {
    let s = joined();
    s = roomReducer(s, { type: 'muted', allowUnmute: false });
    expect(s.hostMute).toEqual({ allowUnmute: false });
    expect(selfOf(s)?.audio).toBe(false);
    expect(s.notice).toEqual({ kind: 'mutedByHost', allowUnmute: false });
    // another push about someone else changes nothing for me
    s = roomReducer(s, { type: 'participant', participant: { ...other, audio: false } });
    expect(s.hostMute).not.toBeNull();
    // the server says I send audio again (a host unmuted me / allowed it)
    s = roomReducer(s, { type: 'participant', participant: { ...me, audio: true } });
    expect(s.hostMute).toBeNull();
  });

  it('an unmute request is shown until answered; unmuting clears it', () => {
    let s = joined({ audio: false });
    s = roomReducer(s, { type: 'unmuteRequested' });
    expect(s.unmuteRequested).toBe(true);
    s = roomReducer(s, { type: 'selfChanged', patch: { audio: true } });
    expect(s.unmuteRequested).toBe(false);
    expect(selfOf(s)?.audio).toBe(true);
  });

  it('muted on entry where unmuting oneself is not allowed', () => {
    const s = run([{ type: 'joining' }, { type: 'joinResult', result: {
      status: 'joined', meeting: meeting({ settings: { allowGuests: false, waitingRoom: false, muteOnEntry: true, allowSelfUnmute: false } }),
      self: { ...me, audio: false }, participants: [host, { ...me, audio: false }],
    } }]);
    expect(s.hostMute).toEqual({ allowUnmute: false });
  });

  it('a host stopping my video turns it off in my tile and tells me', () => {
    const s = roomReducer(joined(), { type: 'videoStopped' });
    expect(selfOf(s)?.video).toBe(false);
    expect(s.notice).toEqual({ kind: 'videoStopped' });
  });

  it('my share shows at once, before the server confirms it', () => {
    let s = roomReducer(joined(), { type: 'selfChanged', patch: { sharing: true } });
    expect(s.sharingId).toBe('me');
    s = roomReducer(s, { type: 'selfChanged', patch: { sharing: false } });
    expect(s.sharingId).toBeNull();
  });

  it('keeps the chat (bounded) and the waiting list', () => {
    let s = joined();
    s = roomReducer(s, { type: 'chat', line: { from: 'o', displayName: 'O', text: 'hi', at: 'now' } });
    expect(s.chat).toHaveLength(1);
    s = roomReducer(s, { type: 'waitingList', waiting: [{ id: 'w1', displayName: 'W' }] });
    expect(s.waiting).toHaveLength(1);
    // admitted: the participant push takes them off the list
    s = roomReducer(s, { type: 'participant', participant: person('w1') });
    expect(s.waiting).toHaveLength(0);
  });

  it('ends, removes and leaves for good; a late ended push after leaving changes nothing', () => {
    expect(roomReducer(joined(), { type: 'ended' }).phase).toBe('ended');
    expect(roomReducer(joined(), { type: 'removed', reason: 'joined_elsewhere' })).toMatchObject({ phase: 'removed', error: 'joined_elsewhere' });
    const left = roomReducer(joined(), { type: 'leftSelf' });
    expect(roomReducer(left, { type: 'ended' })).toBe(left);
  });

  it('a join again after a reconnect replaces the roster but keeps the chat', () => {
    let s = roomReducer(joined(), { type: 'chat', line: { from: 'o', displayName: 'O', text: 'hi', at: 'now' } });
    s = roomReducer(s, { type: 'reconnecting', on: true });
    s = roomReducer(s, { type: 'joinResult', result: { status: 'joined', meeting: meeting(), self: { ...me, role: 'cohost' }, participants: [host, { ...me, role: 'cohost' }] } });
    expect(s.participants.map((p) => p.id)).toEqual(['h', 'me']);
    expect(selfOf(s)?.role).toBe('cohost');
    expect(s.chat).toHaveLength(1);
    expect(s.reconnecting).toBe(false);
  });
});
