import { describe, expect, it } from 'vitest';
import { en, translate, zh } from './i18n';

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
});
