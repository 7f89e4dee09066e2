import { describe, expect, it } from 'vitest';
import { meeting, person } from './fixtures.test-util';
import { controlsFor, hostActions, rosterOrder } from './permissions';
import { initialRoom, roomReducer, type RoomState } from './roster';
import type { Participant } from './types';

const host = person('h', { role: 'host' });
const co = person('c', { role: 'cohost' });
const att = person('a', { audio: true, video: true, hand: true });
const muted = person('m', { audio: false, video: false });

function stateAs(self: Participant, others: Participant[], extra: Partial<RoomState> = {}): RoomState {
  const s = roomReducer(initialRoom, { type: 'joinResult', result: { status: 'joined', meeting: meeting(), self, participants: [self, ...others] } });
  return { ...s, ...extra };
}

describe('host actions', () => {
  it('an attendee has none on others, and may rename themself', () => {
    expect(hostActions(att, host)).toEqual([]);
    expect(hostActions(att, att)).toEqual(['rename']);
  });

  it('the host may do everything to an attendee', () => {
    expect(hostActions(host, att)).toEqual(['mute', 'stopVideo', 'lowerHand', 'makeCohost', 'transferHost', 'spotlight', 'rename', 'remove']);
    expect(hostActions(host, muted)).toEqual(['askUnmute', 'makeCohost', 'transferHost', 'spotlight', 'rename', 'remove']);
    expect(hostActions(host, co)).toContain('removeCohost');
    expect(hostActions(host, { ...att, sharing: true, spotlight: true })).toEqual(expect.arrayContaining(['stopShare', 'removeSpotlight']));
  });

  it('a co-host moderates attendees but not the host, and hands out no roles', () => {
    const onAtt = hostActions(co, att);
    expect(onAtt).toEqual(expect.arrayContaining(['mute', 'stopVideo', 'rename', 'remove']));
    expect(onAtt).not.toContain('makeCohost');
    expect(onAtt).not.toContain('transferHost');
    expect(hostActions(co, host)).toEqual(['spotlight']);
  });
});

describe('controls', () => {
  it('the unmute button is disabled while a host muted me without allowing me to unmute', () => {
    const s = roomReducer(stateAs(att, [host]), { type: 'muted', allowUnmute: false });
    expect(controlsFor(s)).toMatchObject({ canUnmute: false, unmuteBlocked: true });
    const allowed = roomReducer(stateAs(att, [host]), { type: 'muted', allowUnmute: true });
    expect(controlsFor(allowed).canUnmute).toBe(true);
  });

  it('hosts are never locked out of their microphone', () => {
    const s = roomReducer(stateAs(co, [host]), { type: 'muted', allowUnmute: false });
    expect(controlsFor(s).canUnmute).toBe(true);
  });

  it('share is disabled while someone else shares, not while I do', () => {
    expect(controlsFor(stateAs(att, [{ ...host, sharing: true }]))).toMatchObject({ canShare: false, shareBusyBy: 'h' });
    expect(controlsFor(stateAs({ ...att, sharing: true }, [host])).canShare).toBe(true);
  });

  it('host panel for hosts and co-hosts; end for all for the host only', () => {
    expect(controlsFor(stateAs(host, [att]))).toMatchObject({ hostPanel: true, endForAll: true });
    expect(controlsFor(stateAs(co, [host]))).toMatchObject({ hostPanel: true, endForAll: false });
    expect(controlsFor(stateAs(att, [host]))).toMatchObject({ hostPanel: false, endForAll: false });
  });

  it('lists me first, then the host, co-hosts, raised hands and the rest', () => {
    const plain = person('p', { hand: false });
    const s = stateAs(plain, [att, co, host]);
    expect(rosterOrder(s).map((p) => p.id)).toEqual(['p', 'h', 'c', 'a']);
  });
});
