import { describe, expect, it } from 'vitest';
import { appendPage, highlight, queryTerms, resultText, snippet } from './search';
import type { Entry } from './types';

const marked = (text: string, q: string) => highlight(text, q).map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');

describe('search results', () => {
  it('splits a query into terms, each once, longest first', () => {
    expect(queryTerms('  预算  meeting，预算 Meeting ')).toEqual(['meeting', '预算']);
    expect(queryTerms('鹊桥项目')).toEqual(['鹊桥项目']);
    expect(queryTerms(' ,. ')).toEqual([]);
  });

  it('marks the terms where they appear literally, ignoring case', () => {
    expect(marked('我们明天下午开会讨论鹊桥项目的预算', '预算')).toBe('我们明天下午开会讨论鹊桥项目的[预算]');
    expect(marked('The quarterly Meetings moved', 'meeting')).toBe('The quarterly [Meeting]s moved');
    expect(marked('预算表和预算', '预算')).toBe('[预算]表和[预算]');
    expect(marked('no match here', '预算')).toBe('no match here');
    // the longer term wins where both match, neighbouring marks merge
    expect(marked('鹊桥项目', '鹊桥 鹊桥项目')).toBe('[鹊桥项目]');
    expect(marked('ab', 'a b')).toBe('[ab]');
  });

  it('treats regular-expression characters in a query as text', () => {
    expect(marked('cost (a+b)* 2', '(a+b)*')).toBe('cost ([a]+[b])* 2');
    expect(marked('1.5 vs 105', '1.5')).toBe('[1].[5] vs [1]0[5]');
    expect(marked('a.b', 'a.b')).toBe('[a].[b]');
  });

  it('cuts long texts around the first mark', () => {
    const text = `${'前'.repeat(100)}预算${'后'.repeat(100)}`;
    const s = snippet(text, '预算', 10);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('预算');
    expect(snippet('short', 'x')).toBe('short');
  });

  it('a file result reads as its name (and caption)', () => {
    const e = { body: { file: { name: '预算.xlsx' }, text: '请看' } } as unknown as Entry;
    expect(resultText(e)).toBe('预算.xlsx — 请看');
  });

  it('appends a page without repeats', () => {
    const e = (id: string) => ({ id } as Entry);
    expect(appendPage([e('a'), e('b')], [e('b'), e('c')]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});
