import { describe, expect, it } from 'vitest';
import { cannedMatches, expandCanned } from './canned';

const items = [{ shortcut: 'hello', text: '您好！' }, { shortcut: 'help', text: '请问需要什么帮助？' }, { shortcut: 'bye', text: '再见' }, { shortcut: '退款', text: '退款 1–3 个工作日到账。' }];

describe('canned responses', () => {
  it('lists the ones whose shortcut starts with what follows the slash, shortest first', () => {
    expect(cannedMatches('/', items).map((c) => c.shortcut)).toEqual(['退款', 'bye', 'help', 'hello']);
    expect(cannedMatches('/HEL', items).map((c) => c.shortcut)).toEqual(['help', 'hello']);
    expect(cannedMatches('/退', items).map((c) => c.shortcut)).toEqual(['退款']);
    expect(cannedMatches('/hello there', items)).toEqual([]);
    expect(cannedMatches('hello', items)).toEqual([]);
  });
  it('expands a whole shortcut only', () => {
    expect(expandCanned('/Hello', items)).toBe('您好！');
    expect(expandCanned('/hel', items)).toBeNull();
    expect(expandCanned('say /hello', items)).toBeNull();
  });
});
