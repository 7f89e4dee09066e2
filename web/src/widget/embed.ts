// The embedding script's logic that is worth testing on its own: reading the script tag and the widget
// frame's address. (No React here: loader.ts is built into the small classic script widget.js.)
import { MESSAGE_SOURCE, type ToPage } from './config';

export interface ScriptConfig { widgetKey: string; userId: string | null; signature: string | null; lang: string | null; origin: string }

/** The tag's data-* settings and the origin it was loaded from (our server); null without a key. */
export function readScriptConfig(script: Pick<HTMLScriptElement, 'src' | 'getAttribute'>, pageUrl: string): ScriptConfig | null {
  const key = script.getAttribute('data-key')?.trim();
  if (!key || !script.src) return null;
  return {
    widgetKey: key,
    userId: script.getAttribute('data-user-id')?.trim() || null,
    signature: script.getAttribute('data-signature')?.trim() || null,
    lang: script.getAttribute('data-lang')?.trim() || null,
    origin: new URL(script.src, pageUrl).origin,
  };
}

/** widget.html on our server, told the key, the signed user, the language and the page's origin (for its messages). */
export function frameUrl(cfg: ScriptConfig, pageOrigin: string): string {
  const p = new URLSearchParams({ key: cfg.widgetKey });
  if (cfg.userId) p.set('uid', cfg.userId);
  if (cfg.signature) p.set('sig', cfg.signature);
  if (cfg.lang) p.set('lang', cfg.lang);
  if (pageOrigin && pageOrigin !== 'null') p.set('origin', pageOrigin);
  return `${cfg.origin}/widget.html?${p}`;
}

export function launcherLabel(lang: string | null): string {
  const l = (lang || (typeof navigator !== 'undefined' ? navigator.language : '') || 'zh').toLowerCase();
  return l.startsWith('zh') ? '联系客服' : 'Chat with us';
}

export function isFromFrame(d: unknown): d is ToPage {
  const m = d as ToPage | null;
  return !!m && m.source === MESSAGE_SOURCE && (m.type === 'close' || (m.type === 'unread' && typeof m.count === 'number'));
}
