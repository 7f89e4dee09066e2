import { test } from '@playwright/test';
import { addColleague, expect, message, openDirectChatWithColleague, run, signUpOwner } from './chat-helpers';
import { signIn } from './accounts';
import { scheduleAndStart } from './meeting-helpers';

// A school reaches its own server over plain http by a LAN name (http://queqiao.school.lan:8080): the
// page is not a secure context, so browser APIs such as crypto.randomUUID are missing. Chromium resolves
// the name to this machine; everything else is as a teacher would do it.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const lan = new URL(env.QUEQIAO_BASE_URL ?? 'http://127.0.0.1:8080');
lan.hostname = 'queqiao.school.lan';

test.use({
  baseURL: lan.origin,
  launchOptions: {
    executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP queqiao.school.lan 127.0.0.1'],
  },
});

const NOTES = Buffer.from('课表：周三第二节改为自习\n', 'utf-8');

test('over plain http on the LAN, a teacher sends a message and a file, the colleague gets both, and a meeting says why it needs https', async ({ browser, page: a }) => {
  const id = run();
  const emailB = `yi.${id}@school.example.cn`;
  await signUpOwner(a, `局域网学校 ${id}`, `jia.${id}@school.example.cn`);
  expect(await a.evaluate(() => window.isSecureContext)).toBe(false); // what this test is about
  const password = await addColleague(a, emailB);
  const b = await signIn(browser, emailB, password);

  await openDirectChatWithColleague(a);
  await a.getByTestId('composer-input').fill('明天的教研会改到三楼');
  await a.getByTestId('composer-input').press('Enter');
  await expect(message(a, '明天的教研会改到三楼')).toBeVisible();
  await expect(a.getByTestId('message-pending')).toHaveCount(0); // stored and acknowledged
  await a.getByTestId('composer-file').setInputFiles([{ name: '课表.txt', mimeType: 'text/plain', buffer: NOTES }]);
  await expect(a.getByTestId('message-file').getByTestId('file-name')).toHaveText('课表.txt');
  await expect(a.getByTestId('upload-pending')).toHaveCount(0);

  await expect(b.getByTestId('nav-chat-unread')).toHaveText('2'); // both arrived live
  await b.getByTestId('nav-chat').click();
  await b.getByTestId('conversation-item').filter({ hasText: '甲方' }).click();
  await expect(message(b, '明天的教研会改到三楼')).toBeVisible();
  await expect(b.getByTestId('message-file').getByTestId('file-name')).toHaveText('课表.txt');

  // browsers give no camera or microphone to an http page: the device check says so, and one can still join
  await scheduleAndStart(a, `教研会 ${id}`);
  await expect(a.getByTestId('prejoin-device-failure')).toContainText('https');
  await a.getByTestId('prejoin-join').click();
  await expect(a.getByTestId('meeting-room')).toBeVisible({ timeout: 30_000 });
});
