import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './accounts';

// live delivery is usually instant; the longer wait is for a CI machine busy with other tests
const expect = baseExpect.configure({ timeout: 10_000 });

// An urgent notice (加急) to a department: the admin sets up the department and three colleagues in it;
// A sends the notice (a double click sends it once); B sees the red banner live and confirms it, and it
// goes on B's other device too; A watches the count move without reloading; after a reload B's banner
// stays gone while C's is still there; a minute later A notifies the rest again, which reaches only C.
const run = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

async function signUpAdmin(page: Page, id: string) {
  await page.goto('/signup');
  await page.getByTestId('signup-org').fill(`加急测试 ${id}`);
  await page.getByTestId('signup-name').fill('管理员');
  await page.getByTestId('signup-email').fill(`admin.${id}@ding.example.cn`);
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await expect(page.getByTestId('nav-directory')).toHaveText('通讯录');
}

async function createDepartment(page: Page, name: string) {
  await page.getByTestId('nav-admin-departments').click();
  await page.getByTestId('dept-create-name').fill(name);
  await page.getByTestId('dept-create-submit').click();
  await expect(page.getByTestId('dept-row').filter({ hasText: name })).toHaveCount(1);
}

/** Adds a member to the department in the admin UI; returns the temporary password. */
async function addMember(page: Page, name: string, email: string, department: string): Promise<string> {
  await page.getByTestId('nav-admin-members').click();
  await page.getByRole('button', { name: '添加成员' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('姓名').fill(name);
  await form.getByLabel('邮箱').fill(email);
  await form.getByRole('listbox').selectOption({ label: department }); // the departments (several may be picked)
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('temporary-password')).toBeVisible();
  await expect(page.getByTestId('temporary-password').locator('xpath=..')).toContainText(name);
  return (await page.getByTestId('temporary-password').textContent())!.trim();
}

/** Signs in; the notices entry is there, in Chinese. */
async function signInToNotices(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await signIn(browser, email, password);
  await expect(page.getByTestId('nav-notices')).toHaveText('加急通知');
  return page;
}

/** Reloads and waits for the pending notices to be loaded again (so an absent banner means something). */
async function reloadAndLoadPending(page: Page) {
  const pending = page.waitForResponse((r) => r.url().includes('/api/v1/urgent-notices/pending') && r.ok());
  await page.reload();
  await pending;
  await expect(page.getByTestId('nav-notices')).toBeVisible();
}

test('an urgent notice to a department: live banner, confirmations counted live, the banner persists until confirmed', async ({ browser, page: admin }) => {
  test.setTimeout(180_000); // notifying again is allowed a minute after sending
  const id = run();
  const dept = `急诊科${id}`;
  const email = (who: string) => `${who}.${id}@ding.example.cn`;
  await signUpAdmin(admin, id);
  await createDepartment(admin, dept);
  const pwA = await addMember(admin, '发送人甲', email('jia'), dept);
  const pwB = await addMember(admin, '接收人乙', email('yi'), dept);
  const pwC = await addMember(admin, '接收人丙', email('bing'), dept);

  const a = await signInToNotices(browser, email('jia'), pwA);
  const b = await signInToNotices(browser, email('yi'), pwB);
  const b2 = await signInToNotices(browser, email('yi'), pwB); // B's second device
  const c = await signInToNotices(browser, email('bing'), pwC);
  for (const p of [b, b2, c]) await expect(p.getByTestId('urgent-banner')).toHaveCount(0);
  await b.waitForTimeout(500); // the realtime connections are up

  // A sends to the department; a double click sends it once
  await a.getByTestId('nav-notices').click();
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('加急通知');
  await expect(a.getByTestId('no-sent-notices')).toBeVisible();
  await a.getByTestId('notice-text').fill('今晚八点全院停电演练，收到请确认');
  await a.getByTestId('notice-dept-option').filter({ hasText: dept }).locator('input').check();
  await expect(a.getByTestId('notice-selection')).toHaveText('已选 0 人、1 个部门');
  await a.getByTestId('notice-send').dblclick();
  await expect(a.getByTestId('notice-sent')).toHaveText('已发送给 2 人，每人都需确认收到。');
  await expect(a.getByTestId('notice-text')).toHaveValue('');
  await expect(a.getByTestId('sent-notice')).toHaveCount(1);
  await expect(a.getByTestId('sent-notice-progress')).toHaveText('0/2 人已确认');
  await expect(a.getByTestId('urgent-banner')).toHaveCount(0); // never to the sender

  // B sees the red banner live, on both devices: who sent it, what it says, and a button to confirm
  for (const p of [b, b2]) {
    const banner = p.getByRole('alert').filter({ has: p.getByTestId('urgent-item') });
    await expect(banner).toBeVisible();
    await expect(banner.getByTestId('urgent-item')).toHaveCount(1);
    await expect(banner.getByTestId('urgent-text')).toHaveText('今晚八点全院停电演练，收到请确认');
    await expect(banner.getByTestId('urgent-sender')).toHaveText('发送人甲');
    await expect(banner.getByRole('button', { name: '确认收到' })).toBeVisible();
  }
  // it is on every page
  await b.getByTestId('nav-chat').click();
  await expect(b.getByTestId('urgent-banner')).toBeVisible();

  // A opens the progress: nobody yet; notifying again so soon is refused with a countdown
  await a.getByRole('link', { name: '查看确认情况' }).click();
  await expect(a.getByTestId('notice-progress')).toHaveText('0/2 人已确认');
  const waiting = a.getByTestId('notice-unconfirmed').getByTestId('notice-person');
  await expect(waiting).toHaveCount(2); // in member id order
  await expect(waiting.filter({ hasText: '接收人乙' })).toHaveCount(1);
  await expect(waiting.filter({ hasText: '接收人丙' })).toHaveCount(1);
  await expect(a.getByTestId('notice-confirmed')).toContainText('暂无。');
  await a.getByTestId('notice-renotify').click();
  await expect(a.getByTestId('notice-renotify')).toBeDisabled();
  await expect(a.getByTestId('notice-renotify')).toContainText('秒后可再次提醒');
  await a.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });

  // B confirms: the banner goes here and on B's other device, and A's count moves without a reload
  await b.getByTestId('urgent-confirm').click();
  await expect(b.getByTestId('urgent-banner')).toHaveCount(0);
  await expect(b2.getByTestId('urgent-banner')).toHaveCount(0);
  await expect(a.getByTestId('notice-progress')).toHaveText('1/2 人已确认');
  await expect(a.getByTestId('notice-confirmed').getByTestId('notice-person')).toHaveText(['接收人乙']);
  await expect(a.getByTestId('notice-unconfirmed').getByTestId('notice-person')).toHaveText(['接收人丙']);
  await expect(a.getByTestId('notice-progress-bar').first()).toHaveAttribute('aria-valuenow', '1');
  expect(await a.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // after a reload B's banner stays gone; C's is still there (it stays until confirmed)
  await reloadAndLoadPending(b);
  await expect(b.getByTestId('urgent-banner')).toHaveCount(0);
  await reloadAndLoadPending(c);
  await expect(c.getByTestId('urgent-item')).toHaveCount(1);
  await expect(c.getByTestId('urgent-text')).toHaveText('今晚八点全院停电演练，收到请确认');

  // once the minute is over A notifies the rest again: C's banner flashes as a reminder, B gets nothing
  await expect(a.getByTestId('notice-renotify')).toBeEnabled({ timeout: 75_000 });
  await expect(a.getByTestId('notice-renotify')).toHaveText('再次提醒未确认的人');
  await a.getByTestId('notice-renotify').click();
  await expect(a.getByTestId('notice-renotified')).toHaveText('已再次提醒 1 人。');
  await expect(c.getByTestId('urgent-item')).toHaveAttribute('data-alerts', '1');
  await expect(c.getByTestId('urgent-item')).toContainText('加急 · 再次提醒');
  await expect(c.getByTestId('urgent-item')).toHaveCount(1);
  await expect(b.getByTestId('urgent-banner')).toHaveCount(0);

  // in English too; C confirms and A sees everyone has
  await c.getByTestId('lang-switch').selectOption('en');
  await expect(c.getByTestId('urgent-item')).toContainText('URGENT · reminder');
  await c.getByRole('button', { name: 'Confirm' }).click();
  await expect(c.getByTestId('urgent-banner')).toHaveCount(0);
  await expect(a.getByTestId('notice-progress')).toHaveText('2/2 人已确认');
  await expect(a.getByTestId('notice-all-confirmed')).toHaveText('所有人都已确认。');
  await a.getByTestId('notice-back').click();
  await expect(a.getByTestId('sent-notice-progress')).toHaveText('2/2 人已确认');

  for (const p of [a, b, b2, c]) await p.context().close();
});

test('an urgent notice nobody would receive is refused in the reader’s language', async ({ page }) => {
  const id = run();
  await signUpAdmin(page, id);
  await createDepartment(page, `空部门${id}`);
  await page.getByTestId('nav-notices').click();
  await page.getByTestId('notice-text').fill('有人吗');
  await page.getByTestId('notice-send').click();
  await expect(page.getByTestId('banner-error')).toHaveText('请至少选择一个人或一个部门。');
  // an empty department: the server finds nobody to notify
  await page.getByTestId('notice-dept-option').filter({ hasText: `空部门${id}` }).locator('input').check();
  await page.getByTestId('notice-send').click();
  await expect(page.getByTestId('banner-error')).toHaveText('没有可通知的人：请选择在职成员，或有成员的部门（不会通知你自己）。');
  await page.getByTestId('lang-switch').selectOption('en');
  await page.getByTestId('notice-send').click();
  await expect(page.getByTestId('banner-error')).toHaveText('Nobody to notify: pick active members, or departments that have members (you never notify yourself).');
  await expect(page.getByTestId('no-sent-notices')).toHaveText('You have not sent an urgent notice yet.');
});
