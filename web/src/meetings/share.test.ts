import { describe, expect, it } from 'vitest';
import { filterConversations } from './share';

const conv = (id: string, title: string, lastEntryAt: string, dissolved = false) => ({ id, title, lastEntryAt, dissolved });
const list = [
  conv('a', 'Design team', '2026-01-01T10:00:00Z'),
  conv('b', '产品 周会', '2026-01-03T10:00:00Z'),
  conv('c', 'Old group', '2026-01-05T10:00:00Z', true),
  conv('d', 'Zhang San', '2026-01-02T10:00:00Z'),
];
const ids = (q: string) => filterConversations(list, q, (c) => c.title).map((c) => c.id);

describe('the share-to-chat picker', () => {
  it('lists every open conversation, most recently active first, without dissolved groups', () => {
    expect(ids('')).toEqual(['b', 'd', 'a']);
    expect(ids('   ')).toEqual(['b', 'd', 'a']);
  });
  it('matches every typed word in the title, ignoring case, width and extra spaces', () => {
    expect(ids('design')).toEqual(['a']);
    expect(ids('DESIGN  team')).toEqual(['a']);
    expect(ids('team design')).toEqual(['a']);
    expect(ids('ｚｈａｎｇ')).toEqual(['d']);
    expect(ids('周会')).toEqual(['b']);
    expect(ids('old')).toEqual([]);
    expect(ids('nobody')).toEqual([]);
  });
  it('uses the given title, e.g. the other person’s name for a direct chat', () => {
    const direct = [{ id: 'x', dissolved: false, lastEntryAt: '2026-01-01T00:00:00Z', title: null as string | null, peerId: 'p1' }];
    expect(filterConversations(direct, 'li', (c) => (c.peerId === 'p1' ? 'Li Si' : c.title ?? '')).map((c) => c.id)).toEqual(['x']);
  });
});
