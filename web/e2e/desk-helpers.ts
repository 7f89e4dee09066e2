// Shared by the desk specs: the API as an admin calls it, a customer's page with the widget's script tag, and the
// bot's messages in the widget.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect as baseExpect, type APIRequestContext, type FrameLocator } from '@playwright/test';

// Waits on the server (routing, the bot, pushes) get room: a CI machine with 2 cores may be busy.
export const expect = baseExpect.configure({ timeout: 20_000 });

export async function api<T>(request: APIRequestContext, method: string, path: string, token: string | null, data?: unknown): Promise<T> {
  const res = await request.fetch(`/api/v1${path}`, { method, data, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/** A customer's page on another origin (a loopback server of the test's own), with the one script tag. */
export async function customerSite(baseURL: string, widgetKey: string): Promise<{ url: string; close: () => Promise<void> }> {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>鹊桥商城</title>
<style>button { background: hotpink !important; font-size: 30px !important; } iframe { border: 5px solid red; }</style></head>
<body><h1>鹊桥商城</h1><p>欢迎光临。</p>
<script src="${baseURL}/widget.js" data-key="${widgetKey}" data-lang="zh-CN" async></script></body></html>`;
  const server = http.createServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(html); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const botSays = (w: FrameLocator, text: string) => w.locator('[data-testid="widget-message"][data-from="bot"]').filter({ hasText: text });
