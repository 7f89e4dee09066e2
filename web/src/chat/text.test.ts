import { describe, expect, it } from 'vitest';
import { translate, type Key } from '../i18n';
import { conversationTitle, previewText, systemText } from './text';
import type { Entry } from './types';

const names: Record<string, string> = { a: '张伟', b: '李娜', c: 'Wang Fang', me: '我自己' };
const nameOf = (id: string) => names[id] ?? id;
const zh = (k: Key, v?: Record<string, string | number>) => translate('zh-CN', k, v);
const en = (k: Key, v?: Record<string, string | number>) => translate('en', k, v);

describe('system notes', () => {
  it('say who did what, in both languages', () => {
    expect(systemText({ type: 'members_added', by: 'a', count: 2, memberIds: ['b', 'c'] }, nameOf, zh)).toBe('张伟 邀请 李娜、Wang Fang 加入了群聊');
    expect(systemText({ type: 'members_added', by: 'a', count: 2, memberIds: ['b', 'c'] }, nameOf, en)).toBe('张伟 added 李娜, Wang Fang');
    expect(systemText({ type: 'members_removed', by: 'a', count: 1, memberIds: ['b'] }, nameOf, zh)).toBe('张伟 将 李娜 移出了群聊');
    expect(systemText({ type: 'member_left', by: 'b', count: 1, memberIds: ['b'] }, nameOf, en)).toBe('李娜 left the group');
    expect(systemText({ type: 'group_updated', by: 'a', title: '项目组' }, nameOf, zh)).toBe('张伟 将群名称修改为“项目组”');
    expect(systemText({ type: 'group_created', by: 'a', count: 0, memberIds: [] }, nameOf, en)).toBe('张伟 created the group');
    expect(systemText({ type: 'something_new' }, nameOf, en)).toBe('The conversation changed');
  });

  it('shorten long lists of people', () => {
    const ids = ['1', '2', '3', '4', '5', '6', '7'];
    expect(systemText({ type: 'members_added', by: 'a', count: 60, memberIds: ids }, nameOf, en)).toBe('张伟 added 1, 2, 3, 4, 5 and 60 more');
  });
});

describe('titles and previews', () => {
  const entry = (extra: Partial<Entry>): Entry => ({ id: 'e', conversationId: 'c', seq: 1, senderId: 'b', clientMsgId: 'x', kind: 'text', body: { text: '你好\n世界' }, createdAt: '', ...extra });
  it('name a direct chat after the other person', () => {
    expect(conversationTitle({ kind: 'direct', title: null, peerId: 'b' }, nameOf)).toBe('李娜');
    expect(conversationTitle({ kind: 'group', title: '项目组', peerId: null }, nameOf)).toBe('项目组');
  });
  it('show the text on one line, with the sender in groups and for my own', () => {
    expect(previewText(entry({}), 'direct', 'me', nameOf, zh)).toBe('你好 世界');
    expect(previewText(entry({}), 'group', 'me', nameOf, zh)).toBe('李娜：你好 世界');
    expect(previewText(entry({ senderId: 'me' }), 'direct', 'me', nameOf, en)).toBe('You: 你好 世界');
    expect(previewText(entry({ recalledAt: 'x', body: {} }), 'group', 'me', nameOf, zh)).toBe('消息已撤回');
  });
});
