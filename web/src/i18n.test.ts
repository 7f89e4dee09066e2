import { describe, expect, it } from 'vitest';
import { en, problemText, translate, zh } from './i18n';

describe('dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('have no empty strings and keep every placeholder', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(zh[key]), key).toEqual(holes(en[key]));
    }
  });
  it('fills placeholders', () => {
    expect(translate('en', 'importDone', { n: 3, d: 1 })).toBe('Imported 3 members (1 new departments).');
    expect(translate('zh-CN', 'joinTitle', { org: '鹊桥小学' })).toBe('加入 鹊桥小学');
  });
  it('fills a problem’s placeholders from its extensions', () => {
    expect(problemText('zh-CN', 'too_many_recipients', 'An urgent notice may reach at most 10000 people', { limit: 10000 }))
      .toBe('一条加急通知最多发给 10000 人，请减少接收人。');
    expect(problemText('en', 'no_such_notice', 'There is no such urgent notice for you')).toBe('This urgent notice does not exist, or it is not yours to see.');
    expect(problemText('en', 'brand_new_code', 'The server’s words')).toBe('The server’s words');
  });
});
