import { describe, expect, it } from 'vitest';
import { addWords, parseBulk, parseRetention, validateWords, wordIndex, wordKey } from './wordlist';

describe('sensitive word list', () => {
  it('compares words as the server does: case, full-width forms and separators inside do not matter', () => {
    expect(wordKey(' ＡＢＣ ')).toBe('abc');
    expect(wordKey('降 价')).toBe('降价');
    expect(wordKey('降-价!')).toBe('降价');
    expect(wordKey('降\u200b价')).toBe('降价');
  });

  it('parses a paste one word per line, without blanks or repeats', () => {
    expect(parseBulk('降价\r\n\n  内幕 \nABC\nabc\n降 价\n')).toEqual(['降价', '内幕', 'ABC']);
  });

  it('adds words with an action, leaving out those already there', () => {
    const r = addWords([{ word: '降价', action: 'mask' }], ['降价', '内幕', ' '], 'block');
    expect(r.list).toEqual([{ word: '降价', action: 'mask' }, { word: '内幕', action: 'block' }]);
    expect(r.added).toBe(1);
    expect(r.skipped).toBe(1);
  });

  it('finds what the server would refuse, by place', () => {
    expect(validateWords([{ word: 'ok', action: 'block' }, { word: ' !! ', action: 'mask' }, { word: 'x'.repeat(51), action: 'block' }]))
      .toEqual([{ index: 1, code: 'word_blank' }, { index: 2, code: 'word_too_long' }]);
    expect(validateWords([{ word: `${'x'.repeat(50)}!!`, action: 'block' }])).toEqual([]);
  });

  it('reads the word a server error names', () => {
    expect(wordIndex('sensitiveWords[3]')).toBe(3);
    expect(wordIndex('sensitiveWords[12].action')).toBe(12);
    expect(wordIndex('retentionDays')).toBeNull();
    expect(wordIndex(undefined)).toBeNull();
  });

  it('accepts retention of 0 (forever) to 36,500 whole days', () => {
    expect(parseRetention('0')).toBe(0);
    expect(parseRetention(' 30 ')).toBe(30);
    expect(parseRetention('36500')).toBe(36500);
    expect(parseRetention('36501')).toBeNull();
    expect(parseRetention('-1')).toBeNull();
    expect(parseRetention('1.5')).toBeNull();
    expect(parseRetention('')).toBeNull();
  });
});
