// Shared by the chat specs: an organisation with an owner and a colleague (signed in with accounts.ts),
// their direct chat, and the messages a page shows.
import { expect as baseExpect, type Page } from '@playwright/test';

// live delivery is usually instant; the longer wait is for a CI machine busy with other tests
export const expect = baseExpect.configure({ timeout: 10_000 });

export const run = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

/** Signs up an organisation; its owner, 甲方, lands on the app. */
export async function signUpOwner(page: Page, organisation: string, email: string) {
  await page.goto('/signup');
  await page.getByTestId('signup-org').fill(organisation);
  await page.getByTestId('signup-name').fill('甲方');
  await page.getByTestId('signup-email').fill(email);
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await expect(page.getByTestId('nav-chat')).toHaveText('消息');
}

/** The owner adds a colleague, 乙方, in the admin UI and hands over the temporary password. */
export async function addColleague(page: Page, email: string): Promise<string> {
  await page.getByTestId('nav-admin-members').click();
  await page.getByRole('button', { name: '添加成员' }).click();
  await page.getByLabel('姓名').fill('乙方');
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('button', { name: '保存' }).click();
  return (await page.getByTestId('temporary-password').textContent())!.trim();
}

/** The owner finds 乙方 in the directory and opens their direct chat. */
export async function openDirectChatWithColleague(page: Page) {
  await page.getByTestId('nav-directory').click();
  await page.getByTestId('directory-search').fill('乙方');
  await page.getByTestId('member-row').filter({ hasText: '乙方' }).click();
  await page.getByTestId('member-message').click();
  await expect(page.getByTestId('chat-title')).toHaveText('乙方');
}

export const message = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text });
