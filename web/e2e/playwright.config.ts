import { defineConfig } from '@playwright/test';

// Runs against a real Queqiao server (QUEQIAO_BASE_URL), in Debian's Chromium: browsers are never downloaded.
export default defineConfig({
  testDir: '.',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  reporter: 'line',
  outputDir: '../e2e-results',
  use: {
    baseURL: process.env.QUEQIAO_BASE_URL ?? 'http://127.0.0.1:8080',
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
});
