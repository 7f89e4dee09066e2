import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { waitText, widgetEn, widgetError, widgetLang, widgetZh, wt } from './strings';

describe('the widget’s words', () => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    expect(Object.keys(widgetZh).sort()).toEqual(Object.keys(widgetEn).sort());
    for (const key of Object.keys(widgetEn) as (keyof typeof widgetEn)[]) {
      expect(widgetZh[key].trim(), key).not.toBe('');
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(widgetZh[key]), key).toEqual(holes(widgetEn[key]));
    }
  });
  it('follow data-lang, else the browser', () => {
    expect(widgetLang('en', 'zh-CN')).toBe('en');
    expect(widgetLang(null, 'zh-TW')).toBe('zh-CN');
    expect(widgetLang(null, 'de-DE')).toBe('en');
    expect(wt('zh-CN', 'queuePosition', { n: 3 })).toBe('你排在第 3 位。');
  });
  it('say server problems in the visitor’s words, and what to do', () => {
    expect(widgetError('zh-CN', new ApiError(429, 'rate_limited', undefined, 'slow down'))).toBe('发送太快了，请稍等片刻。');
    expect(widgetError('en', new ApiError(0, 'network_error', undefined, 'network'))).toContain('Check your network');
    expect(widgetError('en', new ApiError(500, 'brand_new', undefined, 'x'))).toBe('Something went wrong (brand_new). Try again.');
  });
  it('round a queue estimate for people', () => {
    expect(waitText('en', 42)).toBe('40 s');
    expect(waitText('zh-CN', 150)).toBe('3 分钟');
  });
});
