// The check before joining: camera preview, microphone level, device choice (camera, microphone, and
// speaker where the browser can choose it), and whether to join with microphone and camera on. The
// choices are remembered (devices.ts); the tracks are handed to the room, not opened twice.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { canChooseSpeaker, constraintsFor, levelOf, loadPrefs, pickDevice, savePrefs, whyNoDevices, type DevicePrefs } from './devices';
import { VideoView } from './MediaViews';

export interface JoinChoice { prefs: DevicePrefs; microphone: MediaStreamTrack | null; camera: MediaStreamTrack | null }

export function PreJoin({ title, busy, onJoin, children }: { title: string; busy: boolean; onJoin: (c: JoinChoice) => void; children?: React.ReactNode }) {
  const { t } = useI18n();
  const [prefs, setPrefs] = useState<DevicePrefs>(loadPrefs);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const handedOver = useRef(false);
  const set = (p: Partial<DevicePrefs>) => setPrefs((old) => ({ ...old, ...p }));

  // (re)open the chosen devices; the microphone always, for the level meter
  useEffect(() => {
    const md = navigator.mediaDevices;
    const missing = whyNoDevices(!!md?.getUserMedia, window.isSecureContext);
    if (missing) { setFailure(missing); return; }
    let cancelled = false;
    let opened: MediaStream | null = null;
    md.getUserMedia(constraintsFor(prefs, true, prefs.video)).then((s) => {
      if (cancelled) { s.getTracks().forEach((tr) => tr.stop()); return; }
      opened = s;
      setFailure(null);
      setStream(s);
      return md.enumerateDevices().then((list) => {
        if (cancelled) return;
        setDevices(list);
        // a remembered device that is gone falls back to the default
        setPrefs((old) => {
          const mic = pickDevice(list, 'audioinput', old.microphoneId);
          const cam = pickDevice(list, 'videoinput', old.cameraId);
          const spk = pickDevice(list, 'audiooutput', old.speakerId);
          return mic === old.microphoneId && cam === old.cameraId && spk === old.speakerId ? old : { ...old, microphoneId: mic, cameraId: cam, speakerId: spk };
        });
      });
    }).catch((e: Error) => { if (!cancelled) { setFailure(e?.name || String(e)); setStream(null); } });
    return () => {
      cancelled = true;
      if (opened && !handedOver.current) opened.getTracks().forEach((tr) => tr.stop());
    };
  }, [prefs.microphoneId, prefs.cameraId, prefs.video]); // eslint-disable-line react-hooks/exhaustive-deps

  const mic = stream?.getAudioTracks()[0] ?? null;
  const cam = prefs.video ? stream?.getVideoTracks()[0] ?? null : null;
  const kinds = (k: MediaDeviceKind) => devices.filter((d) => d.kind === k && d.deviceId);

  const join = () => {
    savePrefs(prefs);
    handedOver.current = true;
    // the microphone goes along only when it is on; the room opens it when I unmute later
    if (!prefs.audio) mic?.stop();
    onJoin({ prefs, microphone: prefs.audio ? mic : null, camera: cam });
  };

  return (
    <div className="prejoin" data-testid="prejoin">
      <h1>{title}</h1>
      <h2>{t('prejoinTitle')}</h2>
      <div className="prejoin-preview">
        {cam ? <VideoView track={cam} testId="prejoin-video" mirror /> : <div className="tile-avatar">{t('cameraOff')}</div>}
      </div>
      {mic && <LevelMeter track={mic} />}
      {failure && <div className="banner" role="status" data-testid="prejoin-device-failure">{failure === 'needs_https' ? t('devicesNeedHttps') : t('noCameraAccess', { reason: failure })}</div>}
      <div className="prejoin-toggles">
        <button data-testid="prejoin-mic" aria-pressed={prefs.audio} onClick={() => set({ audio: !prefs.audio })}>{prefs.audio ? '🎙' : '🔇'} {t('joinWithMic')}</button>
        <button data-testid="prejoin-camera" aria-pressed={prefs.video} onClick={() => set({ video: !prefs.video })}>{prefs.video ? '📷' : '⛔'} {t('joinWithCamera')}</button>
      </div>
      <div className="prejoin-devices">
        <DeviceSelect label={t('camera')} testId="prejoin-camera-select" value={prefs.cameraId} devices={kinds('videoinput')} onChange={(v) => set({ cameraId: v })} />
        <DeviceSelect label={t('microphone')} testId="prejoin-mic-select" value={prefs.microphoneId} devices={kinds('audioinput')} onChange={(v) => set({ microphoneId: v })} />
        {canChooseSpeaker() && (
          <DeviceSelect label={t('speaker')} testId="prejoin-speaker-select" value={prefs.speakerId} devices={kinds('audiooutput')} onChange={(v) => set({ speakerId: v })} />
        )}
      </div>
      {children}
      <button className="primary" data-testid="prejoin-join" disabled={busy} onClick={join}>{t('joinNow')}</button>
    </div>
  );
}

function DeviceSelect({ label, testId, value, devices, onChange }: { label: string; testId: string; value: string; devices: MediaDeviceInfo[]; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('defaultDevice')}</option>
        {devices.filter((d) => d.deviceId !== 'default').map((d, i) => <option key={d.deviceId} value={d.deviceId}>{d.label || `${label} ${i + 1}`}</option>)}
      </select>
    </label>
  );
}

/** The microphone's level, from a Web Audio analyser, as a meter. */
function LevelMeter({ track }: { track: MediaStreamTrack }) {
  const { t } = useI18n();
  const [level, setLevel] = useState(0);
  useEffect(() => {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const source = ctx.createMediaStreamSource(new MediaStream([track]));
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const buf = new Uint8Array(analyser.fftSize);
    let frame = 0;
    const tick = () => {
      analyser.getByteTimeDomainData(buf);
      setLevel(levelOf(buf));
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => { cancelAnimationFrame(frame); source.disconnect(); ctx.close().catch(() => {}); };
  }, [track]);
  const pct = Math.round(level * 100);
  return (
    <div className="level-meter" role="meter" aria-label={t('micLevel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="mic-level">
      <div className="level-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
