import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { translate } from '../i18n';
import { JOIN_ERRORS, meetingErrorText } from './errors';

describe('meeting errors', () => {
  it('every join error of the protocol has its own message in both languages', () => {
    for (const code of [...JOIN_ERRORS, 'share_in_progress', 'unmute_not_allowed']) {
      const e = new ApiError(409, code, undefined, 'server words');
      const en = meetingErrorText('en', e);
      const zh = meetingErrorText('zh-CN', e);
      expect(en, code).not.toBe('server words');
      expect(zh, code).not.toBe('server words');
      expect(zh, code).not.toBe(en);
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('says which', () => {
    expect(meetingErrorText('en', new ApiError(403, 'wrong_passcode', undefined, ''))).toBe('The passcode is wrong.');
    expect(meetingErrorText('zh-CN', new ApiError(409, 'meeting_full', undefined, ''))).toBe('会议人数已满。');
    expect(meetingErrorText('zh-CN', new ApiError(403, 'meeting_locked', undefined, ''))).toBe('会议已锁定，新成员无法加入。');
    expect(meetingErrorText('en', new ApiError(410, 'meeting_ended', undefined, ''))).toBe('The meeting has ended.');
    expect(meetingErrorText('en', new ApiError(403, 'removed_from_meeting', undefined, ''))).toBe('You were removed from this meeting and cannot join it again.');
  });
  it('falls back to the server’s words for a code it does not know, and names device failures', () => {
    expect(meetingErrorText('en', new ApiError(400, 'brand_new', undefined, 'Server says no'))).toBe('Server says no');
    expect(meetingErrorText('en', new DOMException('denied', 'NotAllowedError'))).toBe(translate('en', 'err_device_failed', { detail: 'NotAllowedError' }));
  });
});
