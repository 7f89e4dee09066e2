import { readFileSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { addColleague, expect, message, openDirectChatWithColleague, run, signUpOwner } from './chat-helpers';
import { signIn } from './accounts';

// Two colleagues in a direct chat: A sends an image and a file, B sees the thumbnail and downloads
// both under their names; A writes in Chinese and B finds it by a word of it and opens it; the admin
// blocks a word and A's message with it is refused, naming the word; the admin exports the chat.
// a valid 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const NOTES = Buffer.from('会议纪要：预算下周定稿\n', 'utf-8');

async function send(page: Page, text: string) {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
}

test('files and images, search, and blocked words in a direct chat', async ({ browser, page: a }) => {
  const id = run();
  const emailB = `yi.${id}@files.example.cn`;
  await signUpOwner(a, `文件测试 ${id}`, `jia.${id}@files.example.cn`);
  const password = await addColleague(a, emailB);
  const b = await signIn(browser, emailB, password);

  // A opens the direct chat with B and sends a picture and a file with the attach button
  await openDirectChatWithColleague(a);
  // picked together: they are posted in the order picked
  await a.getByTestId('composer-file').setInputFiles([
    { name: 'pixel.png', mimeType: 'image/png', buffer: PNG },
    { name: '会议纪要.txt', mimeType: 'text/plain', buffer: NOTES },
  ]);
  await expect(a.getByTestId('message-image-img')).toBeVisible();
  await expect(a.getByTestId('message-file').getByTestId('file-name')).toHaveText('会议纪要.txt');
  await expect(a.getByTestId('upload-pending')).toHaveCount(0);

  // B sees the chat arrive with the file last, opens it: the thumbnail shows the 1×1 picture
  const fromA = b.getByTestId('conversation-item').filter({ hasText: '甲方' });
  await b.getByTestId('nav-chat').click();
  await expect(fromA.getByTestId('conversation-preview')).toHaveText('[文件]');
  await fromA.click();
  await expect(b.getByTestId('message').first().getByTestId('message-image')).toBeVisible();
  await expect(b.getByTestId('message').last().getByTestId('file-name')).toHaveText('会议纪要.txt');
  const thumb = b.getByTestId('message-image-img');
  await expect(thumb).toBeVisible();
  await expect(thumb).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expect(b.getByTestId('message-file').getByTestId('file-size')).toHaveText(`${NOTES.length} B`);

  // larger on click, and downloaded under its own name with the same bytes
  await b.getByTestId('message-image').click();
  await expect(b.getByTestId('image-viewer')).toBeVisible();
  const [picture] = await Promise.all([b.waitForEvent('download'), b.getByTestId('image-download').click()]);
  expect(picture.suggestedFilename()).toBe('pixel.png');
  expect(readFileSync((await picture.path())!)).toEqual(PNG);
  await b.getByTestId('image-viewer-close').click();
  const [notes] = await Promise.all([b.waitForEvent('download'), b.getByTestId('file-download').click()]);
  expect(notes.suggestedFilename()).toBe('会议纪要.txt');
  expect(readFileSync((await notes.path())!)).toEqual(NOTES);

  // A writes in Chinese; B, back on the chat list, searches a word of it and opens the result
  await send(a, '下周三讨论鹊桥项目的预算安排');
  await expect(message(b, '鹊桥项目')).toBeVisible();
  await b.getByTestId('nav-chat').click();
  await expect(b.getByTestId('chat-view')).toHaveCount(0);
  const hit = b.getByTestId('search-result').filter({ hasText: '鹊桥项目' });
  // indexing runs in the background: new messages are found within about a second
  await expect(async () => {
    await b.getByTestId('chat-search').fill('预算');
    await b.getByTestId('chat-search-submit').click();
    await expect(hit).toBeVisible({ timeout: 1_500 });
  }).toPass({ timeout: 20_000 });
  await expect(hit.getByTestId('search-result-sender')).toHaveText('甲方');
  await expect(hit.getByTestId('search-result-conversation')).toHaveText('甲方');
  await expect(hit.locator('mark')).toHaveText('预算');
  await hit.click();
  await expect(b.getByTestId('chat-title')).toHaveText('甲方');
  await expect(message(b, '下周三讨论鹊桥项目的预算安排')).toHaveAttribute('data-flash', 'true');
  // and within the conversation
  await b.getByTestId('conversation-search-toggle').click();
  await b.getByTestId('conversation-search').fill('鹊桥');
  await b.getByTestId('conversation-search-submit').click();
  await expect(b.getByTestId('conversation-search-panel').getByTestId('search-result')).toHaveCount(1);
  await expect(b.getByTestId('conversation-search-panel').locator('mark')).toHaveText('鹊桥');

  // the admin blocks a word: a typo'd list is refused naming the word, then saved
  await a.getByTestId('nav-admin-chat').click();
  await a.getByTestId('word-new').fill('降价');
  await a.getByTestId('word-add').click();
  await a.getByText('批量添加（每行一个）').click();
  await a.getByTestId('word-bulk').fill('内幕\n！！\n');
  await a.getByTestId('word-bulk-action').selectOption('mask');
  await a.getByTestId('word-bulk-add').click();
  await expect(a.getByTestId('word-row')).toHaveCount(3);
  await a.getByTestId('policy-save').click();
  await expect(a.getByTestId('policy-error')).toHaveText('第 3 个词（“！！”）：敏感词不能为空，也不能只有空格和标点。');
  await a.getByTestId('word-row').nth(2).getByTestId('word-remove').click();
  await a.getByTestId('policy-save').click();
  await expect(a.getByTestId('policy-saved')).toBeVisible();

  // A's message with the word is refused; the composer names it and gives the text back
  await a.getByTestId('nav-chat').click();
  await a.getByTestId('conversation-item').filter({ hasText: '乙方' }).click();
  await send(a, '下周降价，别外传');
  await expect(a.getByTestId('composer-error')).toHaveText(/未发送：包含本组织禁止发送的词 “降价”。/);
  await expect(a.getByTestId('composer-input')).toHaveValue('下周降价，别外传');
  await expect(message(a, '别外传')).toHaveCount(0);
  await expect(message(b, '别外传')).toHaveCount(0);
  // a masked word goes through as *
  await a.getByTestId('composer-input').fill('有内幕消息');
  await a.getByTestId('composer-input').press('Enter');
  await expect(a.getByTestId('composer-error')).toHaveCount(0);
  await expect(message(b, '有**消息')).toBeVisible();

  // the admin exports the conversation as CSV
  await a.getByTestId('chat-export-toggle').click();
  const [csv] = await Promise.all([a.waitForEvent('download'), a.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/^conversation-.+\.csv$/);
  expect(readFileSync((await csv.path())!, 'utf-8')).toContain('下周三讨论鹊桥项目的预算安排');
  await b.context().close();
});
