// Shared by the specs: signing in as a member, in a browser context of their own (a second device is a
// second call).
import { expect, type Browser, type Page } from '@playwright/test';

/** Signs in through the login page; returns once the app is there (waiting up to timeout ms). */
export async function signIn(browser: Browser, email: string, password: string, timeout = 10_000): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-chat')).toBeVisible({ timeout });
  return page;
}
