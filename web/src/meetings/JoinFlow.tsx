// /join/<number>: look the meeting up, ask who I am (a guest's name, a passcode), check the devices,
// join (waiting room if need be), the room, and what happened at the end. Works signed in (the tab's
// realtime connection) and signed out (a guest session with its own connection, when the meeting
// allows guests).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, type Member } from '../api';
import { useI18n } from '../i18n';
import { RealtimeConnection, type Realtime } from '../realtime';
import { navigate } from '../router';
import { Field } from '../ui';
import { RoomContext, useRealtime, useRoom, useRoomView } from './context';
import { isFinalJoinError, meetingErrorText } from './errors';
import { meetingApi } from './meetingApi';
import { formatNumber } from './number';
import { PreJoin, type JoinChoice } from './PreJoin';
import { Room } from './Room';
import { MeetingRoom } from './room';
import type { MeetingLookup } from './types';
import './meetings.css';

/** Where to come back to after signing in (App reads it). */
export const RETURN_TO_KEY = 'queqiao.returnTo';

type Step = 'identify' | 'prejoin' | 'room';

export function JoinFlow({ number, member, gatewayUrl }: { number: string; member: Member | null; gatewayUrl: string | null }) {
  const { t, lang } = useI18n();
  const memberRt = useRealtime();
  const [lookup, setLookup] = useState<MeetingLookup | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('identify');
  const [displayName, setDisplayName] = useState(member?.name ?? '');
  const [passcode, setPasscode] = useState('');
  const [knownPasscode, setKnownPasscode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState<{ room: MeetingRoom; rt: Realtime; own: RealtimeConnection | null; speakerId: string } | null>(null);

  useEffect(() => {
    let gone = false;
    meetingApi.lookup(number).then(async (l) => {
      if (gone) return;
      setLookup(l);
      // members of the organisation are told the passcode (GET /meetings/{id}); nobody else is
      if (member && l.hasPasscode) {
        const full = await meetingApi.get(l.id).catch(() => null);
        if (!gone && full?.passcode) setKnownPasscode(full.passcode);
      }
    }, (e) => { if (!gone) setLookupError(e instanceof ApiError && e.status === 404 ? t('meetingNotFound') : meetingErrorText(lang, e)); });
    return () => { gone = true; };
  }, [number, member]); // eslint-disable-line react-hooks/exhaustive-deps

  // a member with nothing to type goes straight to the device check
  const needsPasscode = !!lookup?.hasPasscode && !knownPasscode;
  useEffect(() => {
    if (lookup && member && !needsPasscode && step === 'identify') setStep('prejoin');
  }, [lookup, member, needsPasscode, step]);

  // leaving the page leaves the meeting
  const activeRef = useRef(active);
  activeRef.current = active;
  useEffect(() => () => { const a = activeRef.current; a?.room.stop(); a?.own?.stop(); }, []);

  const identify = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!member && !displayName.trim()) { setError(t('err_required')); return; }
    setStep('prejoin');
  };

  const join = async (choice: JoinChoice) => {
    if (!lookup) return;
    setBusy(true);
    setError(null);
    const code = knownPasscode ?? (passcode.trim() || undefined);
    let rt: Realtime | null = memberRt;
    let own: RealtimeConnection | null = null;
    try {
      if (!member) {
        if (!gatewayUrl) throw new ApiError(0, 'network_error', undefined, 'no gateway');
        const session = await meetingApi.guestSession({ number, passcode: code, displayName: displayName.trim() });
        own = new RealtimeConnection({
          url: gatewayUrl, token: session.token,
          onSignedOut: () => setError(t('connectionLost')),
        });
        own.start();
        rt = own;
      }
      if (!rt) throw new ApiError(0, 'network_error', undefined, 'not connected');
    } catch (e) {
      own?.stop();
      choice.microphone?.stop();
      choice.camera?.stop();
      setBusy(false);
      setError(meetingErrorText(lang, e));
      if (e instanceof ApiError && (e.code === 'wrong_passcode' || e.code === 'invalid_passcode' || e.field === 'passcode')) setStep('identify');
      return;
    }
    const room = new MeetingRoom({
      rt, meetingId: lookup.id, passcode: code, microphone: choice.microphone, camera: choice.camera,
      audio: choice.prefs.audio && !!choice.microphone, video: choice.prefs.video && !!choice.camera,
      microphoneId: choice.prefs.microphoneId, cameraId: choice.prefs.cameraId,
    });
    setActive({ room, rt, own, speakerId: choice.prefs.speakerId });
    setStep('room');
    setBusy(false);
    room.start();
  };

  /** Back from the end screen: a new room from the device check. */
  const again = (toIdentify: boolean) => {
    active?.room.stop();
    active?.own?.stop();
    setActive(null);
    setStep(toIdentify ? 'identify' : 'prejoin');
  };

  let body: React.ReactNode;
  if (lookupError) body = <div className="banner error" role="alert" data-testid="join-error">{lookupError}</div>;
  else if (!lookup) body = <p className="muted">{t('loading')}</p>;
  else if (!member && !lookup.allowGuests) {
    body = (
      <>
        <MeetingHeading lookup={lookup} number={number} />
        <div className="banner" data-testid="guests-not-allowed">{t('guestsNotAllowed', { org: lookup.organization })}</div>
        <button className="primary" data-testid="join-sign-in" onClick={() => { sessionStorage.setItem(RETURN_TO_KEY, `/join/${number}`); navigate('/login'); }}>{t('signInToJoin')}</button>
      </>
    );
  } else if (step === 'identify') {
    body = (
      <>
        <MeetingHeading lookup={lookup} number={number} />
        {error && <div className="banner error" role="alert" data-testid="join-error">{error}</div>}
        <form onSubmit={identify} noValidate data-testid="join-identify">
          {!member && <Field label={t('displayName')} name="displayName" value={displayName} onChange={setDisplayName} testId="join-name" required />}
          {needsPasscode && (
            <>
              <p className="muted">{t('passcodeRequired')}</p>
              <Field label={t('passcode')} name="passcode" value={passcode} onChange={setPasscode} testId="join-passcode" autoComplete="off" />
            </>
          )}
          <button className="primary" data-testid="join-continue">{member ? t('joinMeeting') : t('joinAsGuest')}</button>
        </form>
        {!member && (
          <p className="muted"><a href="/login" onClick={(e) => { e.preventDefault(); sessionStorage.setItem(RETURN_TO_KEY, `/join/${number}`); navigate('/login'); }}>{t('orSignIn')}</a></p>
        )}
      </>
    );
  } else if (step === 'prejoin' || !active) {
    body = (
      <PreJoin title={t('joinMeetingTitle', { title: lookup.title })} busy={busy} onJoin={join}>
        {error && <div className="banner error" role="alert" data-testid="join-error">{error}</div>}
      </PreJoin>
    );
  } else {
    return (
      <RoomContext.Provider value={active.room}>
        <InMeeting speakerId={active.speakerId} member={!!member} onAgain={again} />
      </RoomContext.Provider>
    );
  }
  return <div className="meeting-page"><div className="meeting-lobby panel">{body}</div></div>;
}

function MeetingHeading({ lookup, number }: { lookup: MeetingLookup; number: string }) {
  const { t } = useI18n();
  return (
    <>
      <p className="muted">{t('meetingOf', { org: lookup.organization })}</p>
      <h1 data-testid="join-title">{lookup.title}</h1>
      <p className="muted">{t('meetingNumber')}: <span data-testid="join-number">{formatNumber(number)}</span></p>
    </>
  );
}

/** The room once it started: joining, the waiting room, the meeting, or how it ended. */
function InMeeting({ speakerId, member, onAgain }: { speakerId: string; member: boolean; onAgain: (toIdentify: boolean) => void }) {
  const { t, lang } = useI18n();
  const { room: s } = useRoomView();
  if (s.phase === 'joined') return <div className="meeting-page full"><Room speakerId={speakerId} /></div>;
  let body: React.ReactNode;
  if (s.phase === 'idle' || s.phase === 'joining') body = <p className="muted" data-testid="joining">{t('joiningMeeting')}</p>;
  else if (s.phase === 'waiting') {
    body = (
      <div data-testid="waiting-room" role="status">
        <h1>{t('waitingRoomTitle')}</h1>
        <p>{t('waitingRoomText')}</p>
        <LeaveButton label={t('leaveWaiting')} />
      </div>
    );
  } else {
    const message = s.phase === 'ended' ? t('err_meeting_ended')
      : s.phase === 'left' ? t('youLeft')
      : s.phase === 'denied' ? t('deniedText')
      : s.phase === 'removed' ? (s.error === 'joined_elsewhere' ? t('removed_joined_elsewhere') : t('err_removed_from_meeting'))
      : meetingErrorText(lang, new ApiError(0, s.error ?? 'request_failed', undefined, s.error ?? ''));
    const final = s.phase === 'ended' || s.phase === 'removed' || s.phase === 'denied' || (s.phase === 'failed' && isFinalJoinError(s.error ?? ''));
    body = (
      <div data-testid="meeting-over" data-phase={s.phase} data-reason={s.error ?? undefined}>
        <h1>{s.phase === 'removed' ? t('removedTitle') : s.phase === 'ended' ? t('meetingOverTitle') : t('meetings')}</h1>
        <p className={s.phase === 'failed' ? 'banner error' : ''} role={s.phase === 'failed' ? 'alert' : undefined} data-testid="meeting-over-message">{message}</p>
        {!final && <button className="primary" data-testid="meeting-rejoin" onClick={() => onAgain(s.error === 'wrong_passcode')}>{t('rejoin')}</button>}
        {member && <button data-testid="back-to-meetings" onClick={() => navigate('/meetings')}>{t('backToMeetings')}</button>}
      </div>
    );
  }
  return <div className="meeting-page"><div className="meeting-lobby panel">{body}</div></div>;
}

function LeaveButton({ label }: { label: string }) {
  const room = useRoom();
  return <button data-testid="waiting-leave" onClick={() => room.leave()}>{label}</button>;
}
