import { test, type Page } from '@playwright/test';
import { addColleague, expect, message, openDirectChatWithColleague, run, signUpOwner } from './chat-helpers';
import { signIn } from './accounts';

// Two colleagues chat in two browsers: a direct chat with a live message and a read mark, then a
// group where they talk back and forth, and an edit and a recall that the other side sees change.

async function send(page: Page, text: string) {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.getByTestId('composer-input')).toHaveValue('');
}

async function openMenu(page: Page, text: string) {
  const m = message(page, text);
  await m.hover();
  await m.getByTestId('message-menu').click();
  return m;
}

test('two colleagues chat directly and in a group; edits and recalls reach the other side live', async ({ browser, page: a }) => {
  const id = run();
  const emailB = `yi.${id}@chat.example.cn`;
  await signUpOwner(a, `聊天测试 ${id}`, `jia.${id}@chat.example.cn`);
  const password = await addColleague(a, emailB);
  const b = await signIn(browser, emailB, password);
  await b.getByTestId('nav-chat').click();
  await expect(b.getByTestId('no-conversations')).toBeVisible();

  // A finds B in the directory and messages them
  await openDirectChatWithColleague(a);
  await send(a, '你好，乙方！');
  await expect(message(a, '你好，乙方！')).toBeVisible();
  await expect(a.getByTestId('message-pending')).toHaveCount(0);
  await expect(message(a, '你好，乙方！').getByTestId('read-status')).toHaveText('未读');

  // B sees it arrive live in the list, with an unread badge
  const fromA = b.getByTestId('conversation-item').filter({ hasText: '甲方' });
  await expect(fromA.getByTestId('conversation-preview')).toHaveText('你好，乙方！');
  await expect(fromA.getByTestId('unread-badge')).toHaveText('1');
  await expect(b.getByTestId('nav-chat-unread')).toHaveText('1');

  // B opens it: the badge goes, and A sees "已读" under the message
  await fromA.click();
  await expect(message(b, '你好，乙方！')).toBeVisible();
  await expect(fromA.getByTestId('unread-badge')).toHaveCount(0);
  await expect(message(a, '你好，乙方！').getByTestId('read-status')).toHaveText('已读');

  // B answers while A has the chat open
  await send(b, '你好，甲方');
  await expect(message(a, '你好，甲方')).toBeVisible();

  // A creates a group with B
  await a.getByTestId('nav-chat').click();
  await a.getByTestId('new-group').click();
  await a.getByTestId('group-create-title').fill('项目组');
  await a.getByTestId('member-picker-search').fill('乙方');
  await a.getByTestId('member-picker-option').filter({ hasText: '乙方' }).locator('input').check();
  await a.getByTestId('group-create-submit').click();
  await expect(a.getByTestId('chat-title')).toHaveText('项目组');
  await expect(a.getByTestId('system-note').first()).toHaveText('甲方 创建了群聊，并邀请了 乙方');
  await send(a, '明天上午开会');

  // B sees the group appear with the message, opens it and replies; A sees the reply live
  const group = b.getByTestId('conversation-item').filter({ hasText: '项目组' });
  await expect(group.getByTestId('conversation-preview')).toHaveText('甲方：明天上午开会');
  await group.click();
  await expect(message(b, '明天上午开会')).toBeVisible();
  await send(b, '收到');
  await expect(message(a, '收到')).toBeVisible();
  await expect(message(a, '明天上午开会').getByTestId('receipt-status')).toHaveText('全部已读');
  await expect(a.getByTestId('nav-chat-unread')).toHaveCount(0); // what A saw is read, the direct chat included

  // A edits the message: B sees the new text
  await openMenu(a, '明天上午开会');
  await a.getByTestId('message-edit').click();
  await a.getByTestId('edit-input').fill('后天上午开会');
  await a.getByTestId('edit-input').press('Enter');
  await expect(message(a, '后天上午开会').getByTestId('message-edited')).toBeVisible();
  await expect(message(b, '后天上午开会')).toBeVisible();
  await expect(message(b, '后天上午开会').getByTestId('message-edited')).toHaveText(' (已编辑)');

  // B reacts; A sees the reaction
  await openMenu(b, '后天上午开会');
  await b.getByTestId('react-option').first().click();
  await expect(message(a, '后天上午开会').getByTestId('reaction')).toHaveText('👍 1');

  // A recalls it: both sides show it as recalled
  const seq = await message(a, '后天上午开会').getAttribute('data-seq');
  await openMenu(a, '后天上午开会');
  await a.getByTestId('message-recall').click();
  await expect(a.locator(`[data-testid="message"][data-seq="${seq}"] [data-testid="message-text"]`)).toHaveText('消息已撤回');
  await expect(b.locator(`[data-testid="message"][data-seq="${seq}"] [data-testid="message-text"]`)).toHaveText('消息已撤回');
  await expect(message(b, '后天上午开会')).toHaveCount(0);

  // the owner cannot just leave: the server's reason is shown in the reader's language
  await a.getByTestId('chat-info-toggle').click();
  await expect(a.getByTestId('group-member')).toHaveCount(2);
  await a.getByTestId('group-leave').click();
  await expect(a.getByTestId('banner-error')).toHaveText('你是群主：请先转让群主或解散群聊，再退出。');

  // and in English
  await b.getByTestId('lang-switch').selectOption('en');
  await expect(b.locator(`[data-testid="message"][data-seq="${seq}"] [data-testid="message-text"]`)).toHaveText('Message recalled');
  await expect(b.getByTestId('nav-chat')).toHaveText('Chat');
  await b.context().close();
});
