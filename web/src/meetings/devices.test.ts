import { describe, expect, it } from 'vitest';
import { constraintsFor, DEFAULT_PREFS, levelOf, loadPrefs, pickDevice, savePrefs, whyNoDevices } from './devices';
import { galleryColumns, initials, stageOf } from './layout';
import { meeting, person } from './fixtures.test-util';
import { initialRoom, roomReducer } from './roster';

const memStore = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => { m.set(k, v); } };
};

describe('device choices', () => {
  it('are remembered, and a broken or foreign value falls back to the defaults', () => {
    const store = memStore();
    expect(loadPrefs(store)).toEqual(DEFAULT_PREFS);
    savePrefs({ audio: false, video: true, microphoneId: 'mic2', cameraId: '', speakerId: 'spk' }, store);
    expect(loadPrefs(store)).toEqual({ audio: false, video: true, microphoneId: 'mic2', cameraId: '', speakerId: 'spk' });
    store.setItem('queqiao.meeting.devices', '{not json');
    expect(loadPrefs(store)).toEqual(DEFAULT_PREFS);
    store.setItem('queqiao.meeting.devices', JSON.stringify({ audio: 'yes', cameraId: 5 }));
    expect(loadPrefs(store)).toEqual(DEFAULT_PREFS);
  });
  it('a remembered device that is gone falls back to the default', () => {
    const devices = [{ deviceId: 'cam1', kind: 'videoinput' as const }, { deviceId: 'mic1', kind: 'audioinput' as const }];
    expect(pickDevice(devices, 'videoinput', 'cam1')).toBe('cam1');
    expect(pickDevice(devices, 'videoinput', 'cam9')).toBe('');
    expect(pickDevice(devices, 'audioinput', 'cam1')).toBe('');
  });
  it('asks for exactly the chosen devices', () => {
    expect(constraintsFor({ microphoneId: 'm', cameraId: '' }, true, false)).toEqual({ audio: { deviceId: { exact: 'm' } }, video: false });
    expect(constraintsFor({ microphoneId: '', cameraId: 'c' }, true, true).video).toMatchObject({ deviceId: { exact: 'c' } });
  });
  it('measures the microphone level from the analyser’s samples', () => {
    expect(levelOf(new Uint8Array(64).fill(128))).toBe(0);
    expect(levelOf(new Uint8Array(64).fill(160))).toBeCloseTo(1, 5);
    expect(levelOf(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 136 : 120)))).toBeCloseTo(0.25, 5);
    expect(levelOf([])).toBe(0);
  });
});

describe('layout', () => {
  it('gallery columns', () => {
    expect([1, 2, 4, 5, 9, 10, 16, 17].map(galleryColumns)).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
  });
  it('initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('ada')).toBe('A');
    expect(initials('张三丰')).toBe('三丰');
    expect(initials('李四')).toBe('李四');
    expect(initials('  ')).toBe('?');
  });
  it('the stage: a share, else the spotlight, else the active speaker (not me), else someone else', () => {
    const me = person('me');
    const a = person('a');
    const b = person('b');
    const s = roomReducer(initialRoom, { type: 'joinResult', result: { status: 'joined', meeting: meeting(), self: me, participants: [me, a, b] } });
    expect(stageOf(s)).toEqual({ participantId: 'a', source: 'camera' });
    expect(stageOf({ ...s, activeSpeakerId: 'me' })).toEqual({ participantId: 'a', source: 'camera' });
    expect(stageOf({ ...s, activeSpeakerId: 'b' })).toEqual({ participantId: 'b', source: 'camera' });
    expect(stageOf({ ...s, activeSpeakerId: 'b', spotlightId: 'me' })).toEqual({ participantId: 'me', source: 'camera' });
    expect(stageOf({ ...s, activeSpeakerId: 'b', spotlightId: 'a', sharingId: 'b' })).toEqual({ participantId: 'b', source: 'screen' });
    expect(stageOf({ ...s, participants: [me] })).toEqual({ participantId: 'me', source: 'camera' });
  });
});

describe('whyNoDevices', () => {
  it('tells plain http (no secure context, so no getUserMedia) from a browser that has none', () => {
    expect(whyNoDevices(true, true)).toBeNull();
    expect(whyNoDevices(false, false)).toBe('needs_https');
    expect(whyNoDevices(false, true)).toBe('unsupported');
  });
});
