// What to tell people when a meeting operation fails: the protocol's codes in their language.
import { ApiError } from '../api';
import { problemText, translate, type Lang } from '../i18n';

/** The errors `meeting.join` may answer with (docs/meeting-protocol.md). */
export const JOIN_ERRORS = ['meeting_full', 'meeting_locked', 'wrong_passcode', 'meeting_ended', 'removed_from_meeting'] as const;

/** Errors after which joining again cannot help (a wrong passcode can be typed again). */
export const isFinalJoinError = (code: string) => code === 'meeting_ended' || code === 'removed_from_meeting';

export function meetingErrorText(lang: Lang, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'network_error') return translate(lang, 'networkError');
    return problemText(lang, e.code, e.detail || e.code, e.extra);
  }
  if (e instanceof DOMException || (e instanceof Error && e.name)) {
    return translate(lang, 'err_device_failed', { detail: (e as Error).name || String(e) });
  }
  return String(e);
}

export const codeOf = (e: unknown): string => (e instanceof ApiError ? e.code : e instanceof Error ? e.name : 'request_failed');
