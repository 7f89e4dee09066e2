// widget.js — the one script a customer's site adds:
//   <script src="https://desk.example.com/widget.js" data-key="qw_…" async></script>
// (optional: data-user-id + data-signature for a visitor the site signed in, data-lang="zh-CN" | "en").
// It puts a launcher button and the chat panel on the page, inside a shadow root so the site's CSS
// cannot reach them; the chat itself is an iframe served by our server (widget.html), so it keeps
// its own origin, storage and styles. Built on its own as a classic script (vite.loader.config.ts).
import { frameUrl, isFromFrame, launcherLabel, readScriptConfig } from './embed';

declare global {
  interface Window { QueqiaoWidget?: { open(): void; close(): void; toggle(): void } }
}

const STYLE = `
:host { all: initial; }
.launcher { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border-radius: 50%; border: none;
  background: #1f5fbf; color: #fff; font-size: 26px; line-height: 56px; text-align: center; cursor: pointer; padding: 0;
  box-shadow: 0 6px 20px rgba(0,0,0,.25); z-index: 2147483000; font-family: sans-serif; }
.launcher:focus-visible { outline: 3px solid #9cc0f5; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; border-radius: 10px; background: #c0392b; color: #fff;
  font-size: 12px; line-height: 20px; padding: 0 5px; box-sizing: border-box; font-family: sans-serif; }
.badge[hidden] { display: none; }
.panel { position: fixed; right: 20px; bottom: 88px; width: 370px; height: 580px; max-height: calc(100vh - 108px); border-radius: 12px;
  overflow: hidden; box-shadow: 0 12px 40px rgba(0,0,0,.25); background: #fff; z-index: 2147483000; }
.panel[hidden] { display: none; }
.panel iframe { width: 100%; height: 100%; border: 0; display: block; }
@media (max-width: 480px) { .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; max-height: none; border-radius: 0; } }
`;

(function install() {
  if (window.QueqiaoWidget) return; // the tag is on the page twice
  const script = (document.currentScript as HTMLScriptElement | null)
    ?? document.querySelector<HTMLScriptElement>('script[data-key][src*="widget.js"]');
  const cfg = script && readScriptConfig(script, location.href);
  if (!cfg) {
    console.warn('Queqiao widget: add data-key="qw_…" (the channel key from the desk settings) to the script tag.');
    return;
  }
  const host = document.createElement('div');
  host.setAttribute('data-queqiao-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  const frame = document.createElement('iframe');
  frame.src = frameUrl(cfg, location.origin);
  frame.title = launcherLabel(cfg.lang);
  frame.setAttribute('data-testid', 'queqiao-frame');
  frame.setAttribute('allow', 'clipboard-write');
  panel.appendChild(frame);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('data-testid', 'queqiao-launcher');
  button.setAttribute('aria-label', launcherLabel(cfg.lang));
  button.setAttribute('aria-expanded', 'false');
  button.textContent = '💬';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  badge.setAttribute('data-testid', 'queqiao-unread');
  button.appendChild(badge);
  root.append(style, panel, button);

  let open = false;
  const tell = () => frame.contentWindow?.postMessage({ source: 'queqiao-widget', type: 'panel', open }, cfg.origin);
  const set = (next: boolean) => {
    open = next;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '✕' : '💬';
    button.appendChild(badge);
    tell();
  };
  button.addEventListener('click', () => set(!open));
  frame.addEventListener('load', tell); // a click before the frame loaded is told again once it has
  window.addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow || e.origin !== cfg.origin || !isFromFrame(e.data)) return;
    if (e.data.type === 'close') set(false);
    else if (e.data.type === 'unread') {
      badge.hidden = e.data.count <= 0 || open;
      badge.textContent = e.data.count > 99 ? '99+' : String(e.data.count);
    }
  });
  window.QueqiaoWidget = { open: () => set(true), close: () => set(false), toggle: () => set(!open) };
  const attach = () => document.body.appendChild(host);
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach);
})();
