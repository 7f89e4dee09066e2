import { describe, expect, it } from 'vitest';
import { frameUrl, isFromFrame, launcherLabel, readScriptConfig } from './embed';
import { frameConfig, isToFrame } from './config';

const tag = (attrs: Record<string, string>, src = 'https://desk.example.com/widget.js') => ({
  src, getAttribute: (n: string) => attrs[n] ?? null,
});

describe('the embedding script', () => {
  it('reads the key, the signed user and the language from the tag, and our origin from its src', () => {
    expect(readScriptConfig(tag({ 'data-key': ' qw_abc ', 'data-user-id': 'u-1001', 'data-signature': 'beef', 'data-lang': 'en' }), 'https://shop.example.cn/')).toEqual({
      widgetKey: 'qw_abc', userId: 'u-1001', signature: 'beef', lang: 'en', origin: 'https://desk.example.com',
    });
    expect(readScriptConfig(tag({ 'data-key': 'qw_abc' }, '/widget.js'), 'https://desk.example.com/page')?.origin).toBe('https://desk.example.com');
    expect(readScriptConfig(tag({}), 'https://shop.example.cn/')).toBeNull();
  });

  it('points the frame at widget.html on our server with what the page said, which the frame reads back', () => {
    const cfg = readScriptConfig(tag({ 'data-key': 'qw_abc', 'data-user-id': 'u 1', 'data-signature': 'beef' }), 'https://shop.example.cn/')!;
    const url = frameUrl(cfg, 'https://shop.example.cn');
    expect(url.startsWith('https://desk.example.com/widget.html?')).toBe(true);
    expect(frameConfig(new URL(url).search)).toEqual({ widgetKey: 'qw_abc', userId: 'u 1', signature: 'beef', lang: null, parentOrigin: 'https://shop.example.cn' });
    expect(frameConfig(new URL(frameUrl(cfg, 'null')).search).parentOrigin).toBeNull(); // an opaque page
  });

  it('labels the launcher in the page’s language', () => {
    expect(launcherLabel('zh-CN')).toBe('联系客服');
    expect(launcherLabel('en-US')).toBe('Chat with us');
  });

  it('only listens to its own messages', () => {
    expect(isFromFrame({ source: 'queqiao-widget', type: 'unread', count: 2 })).toBe(true);
    expect(isFromFrame({ source: 'queqiao-widget', type: 'unread' })).toBe(false);
    expect(isFromFrame({ source: 'other', type: 'close' })).toBe(false);
    expect(isToFrame({ source: 'queqiao-widget', type: 'panel', open: true })).toBe(true);
    expect(isToFrame({ type: 'panel', open: true })).toBe(false);
  });
});
