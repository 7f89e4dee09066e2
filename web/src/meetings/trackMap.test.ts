import { describe, expect, it } from 'vitest';
import { applyOffer, byParticipant, emptyTrackMap, normaliseTracks, publishTracks, remoteTracks } from './trackMap';

const rx = (mid: string | null, track: string, direction: RTCRtpTransceiverDirection | null = 'recvonly') => ({ mid, track, direction });

describe('track map', () => {
  it('reads the server’s mid → owner map (or an array of them), dropping what it cannot use', () => {
    expect(normaliseTracks({ 0: { participantId: 'a', source: 'microphone' }, 1: { participantId: 'a', source: 'camera' } }))
      .toEqual({ 0: { participantId: 'a', source: 'microphone' }, 1: { participantId: 'a', source: 'camera' } });
    expect(normaliseTracks([{ mid: '2', participantId: 'b', source: 'screen' }])).toEqual({ 2: { participantId: 'b', source: 'screen' } });
    expect(normaliseTracks({ 3: { participantId: 'c', source: 'hologram' as 'screen' } })).toEqual({});
    expect(normaliseTracks(undefined)).toEqual({});
  });

  it('maps each received track to its owner by its transceiver’s mid', () => {
    const map = applyOffer(emptyTrackMap, { 0: { participantId: 'a', source: 'microphone' }, 1: { participantId: 'a', source: 'camera' }, 2: { participantId: 'b', source: 'camera' } }, 1)!;
    const remote = remoteTracks(map, [rx('0', 'ta0'), rx('1', 'ta1'), rx('2', 'tb2'), rx(null, 'pending')]);
    expect(remote).toEqual([
      { mid: '0', participantId: 'a', source: 'microphone', track: 'ta0' },
      { mid: '1', participantId: 'a', source: 'camera', track: 'ta1' },
      { mid: '2', participantId: 'b', source: 'camera', track: 'tb2' },
    ]);
    const by = byParticipant(remote);
    expect(by.get('a')).toEqual({ microphone: 'ta0', camera: 'ta1' });
    expect(by.get('b')).toEqual({ camera: 'tb2' });
  });

  it('a renegotiation replaces the whole map: a left participant’s m-sections go, a reused mid changes owner', () => {
    let map = applyOffer(emptyTrackMap, { 0: { participantId: 'a', source: 'microphone' }, 1: { participantId: 'a', source: 'camera' } }, 1)!;
    // a left; b arrived and the server reused mid 1 for b's camera; mid 0 is now inactive
    map = applyOffer(map, { 1: { participantId: 'b', source: 'camera' }, 2: { participantId: 'b', source: 'microphone' } }, 2)!;
    const remote = remoteTracks(map, [rx('0', 't0', 'inactive'), rx('1', 't1'), rx('2', 't2')]);
    expect(remote.map((r) => [r.mid, r.participantId, r.source])).toEqual([['1', 'b', 'camera'], ['2', 'b', 'microphone']]);
    expect(byParticipant(remote).has('a')).toBe(false);
  });

  it('an offer older than the one applied is ignored; a subscribe answer starts over whatever its version', () => {
    const v5 = applyOffer(emptyTrackMap, { 0: { participantId: 'a', source: 'camera' } }, 5)!;
    expect(applyOffer(v5, {}, 4)).toBeNull();
    expect(applyOffer(v5, {}, 5)).toBeNull();
    expect(applyOffer(v5, {}, 6)?.version).toBe(6);
    expect(applyOffer(v5, { 0: { participantId: 'b', source: 'camera' } }, 1, true)?.owners['0'].participantId).toBe('b');
    // without a version, the version stays and the offer applies
    expect(applyOffer(v5, {}, undefined)).toEqual({ version: 5, owners: {} });
  });

  it('ignores stopped transceivers and those not receiving', () => {
    const map = applyOffer(emptyTrackMap, { 0: { participantId: 'a', source: 'camera' } }, 1)!;
    expect(remoteTracks(map, [{ mid: '0', track: 't', direction: 'recvonly', stopped: true }])).toEqual([]);
    expect(remoteTracks(map, [rx('0', 't', 'sendonly')])).toEqual([]);
  });

  it('publishes the mids of what is being sent', () => {
    expect(publishTracks([
      { source: 'microphone', mid: '0', active: true }, { source: 'camera', mid: '1', active: true },
      { source: 'screen', mid: '2', active: false }, { source: 'screen', mid: null, active: true },
    ])).toEqual([{ mid: '0', source: 'microphone' }, { mid: '1', source: 'camera' }]);
  });
});
