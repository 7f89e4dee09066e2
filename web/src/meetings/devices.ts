// Device choices of the pre-join check (remembered in localStorage) and the microphone level (pure).

export interface DevicePrefs { audio: boolean; video: boolean; microphoneId: string; cameraId: string; speakerId: string }
export const DEFAULT_PREFS: DevicePrefs = { audio: true, video: true, microphoneId: '', cameraId: '', speakerId: '' };
const KEY = 'queqiao.meeting.devices';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function loadPrefs(store: Store = localStorage): DevicePrefs {
  try {
    const raw = JSON.parse(store.getItem(KEY) ?? 'null') as Partial<DevicePrefs> | null;
    if (!raw || typeof raw !== 'object') return DEFAULT_PREFS;
    return {
      audio: typeof raw.audio === 'boolean' ? raw.audio : DEFAULT_PREFS.audio,
      video: typeof raw.video === 'boolean' ? raw.video : DEFAULT_PREFS.video,
      microphoneId: typeof raw.microphoneId === 'string' ? raw.microphoneId : '',
      cameraId: typeof raw.cameraId === 'string' ? raw.cameraId : '',
      speakerId: typeof raw.speakerId === 'string' ? raw.speakerId : '',
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function savePrefs(p: DevicePrefs, store: Store = localStorage) {
  try {
    store.setItem(KEY, JSON.stringify(p));
  } catch {
    // private mode or full: the choice lasts for this page only
  }
}

/** The remembered device if it is still plugged in, else the default (""). */
export function pickDevice(devices: Pick<MediaDeviceInfo, 'deviceId' | 'kind'>[], kind: MediaDeviceKind, saved: string): string {
  return saved && devices.some((d) => d.kind === kind && d.deviceId === saved) ? saved : '';
}

/** getUserMedia constraints for the chosen devices. */
export function constraintsFor(p: Pick<DevicePrefs, 'microphoneId' | 'cameraId'>, audio: boolean, video: boolean): MediaStreamConstraints {
  return {
    audio: audio ? (p.microphoneId ? { deviceId: { exact: p.microphoneId } } : true) : false,
    video: video ? { ...(p.cameraId ? { deviceId: { exact: p.cameraId } } : {}), width: { ideal: 1280 }, height: { ideal: 720 } } : false,
  };
}

/** 0..1 from an analyser's time-domain bytes (128 = silence): the RMS, scaled so speech fills the meter. */
export function levelOf(samples: ArrayLike<number>): number {
  if (!samples.length) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = (samples[i] - 128) / 128;
    sum += v * v;
  }
  return Math.min(1, Math.sqrt(sum / samples.length) * 4);
}

/** Whether this browser can choose where audio plays (HTMLMediaElement.setSinkId). */
export const canChooseSpeaker = () => typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

/**
 * Why the page cannot open a camera or microphone at all, before asking (null: it can ask). Browsers hide
 * getUserMedia outside secure contexts, so a server reached over plain http on the LAN has none: that needs
 * https from the administrator, not another browser.
 */
export function whyNoDevices(hasGetUserMedia: boolean, secureContext: boolean): 'needs_https' | 'unsupported' | null {
  if (hasGetUserMedia) return null;
  return secureContext ? 'unsupported' : 'needs_https';
}
