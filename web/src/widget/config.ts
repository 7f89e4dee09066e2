// What the embedding script hands the widget page in its URL (see loader.ts): the channel's key, the
// signed user id when the site has one, the language. And the messages between the page and the widget.

export interface FrameConfig { widgetKey: string; userId: string | null; signature: string | null; lang: string | null; parentOrigin: string | null }

export function frameConfig(search: string): FrameConfig {
  const p = new URLSearchParams(search);
  return {
    widgetKey: p.get('key') ?? '',
    userId: p.get('uid') || null,
    signature: p.get('sig') || null,
    lang: p.get('lang') || null,
    parentOrigin: p.get('origin') || null,
  };
}

/** Messages between the customer's page (the loader) and the widget frame carry this marker. */
export const MESSAGE_SOURCE = 'queqiao-widget';

/** Frame → page. */
export type ToPageMessage = { type: 'close' } | { type: 'unread'; count: number };
export type ToPage = ToPageMessage & { source: typeof MESSAGE_SOURCE };
/** Page → frame. */
export type ToFrame = { source: typeof MESSAGE_SOURCE; type: 'panel'; open: boolean };

export function isToFrame(d: unknown): d is ToFrame {
  const m = d as ToFrame | null;
  return !!m && m.source === MESSAGE_SOURCE && m.type === 'panel' && typeof m.open === 'boolean';
}
