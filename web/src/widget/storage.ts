// What the widget keeps in the visitor's browser, per widget key (and signed-in user, when the site
// names one): the visitor token — what makes an anonymous visitor the same visitor next time — and
// the conversation still open, so a page load can pick it up (and count what the agent said) at once.

export interface Stored {
  token: string;
  expiresAt: string;
  visitorId?: string;
  /** The pre-chat form was filled in for this visitor. */
  prechatDone?: boolean;
  /** The conversation that was open when the visitor left the page. */
  conversationId?: string | null;
  /** In it, the last seq the visitor had on screen: what came after is unread on the next page. */
  seenSeq?: number;
}

export function storageKey(widgetKey: string, userId?: string | null): string {
  return `queqiao.widget.${widgetKey}${userId ? `.${userId}` : ''}`;
}

export class VisitorStorage {
  constructor(private readonly key: string, private readonly store: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = safeLocalStorage()) {}

  load(now = Date.now()): Stored | null {
    const raw = this.store?.getItem(this.key);
    if (!raw) return null;
    try {
      const s = JSON.parse(raw) as Stored;
      if (typeof s.token !== 'string' || !s.token.startsWith('qv_')) return null;
      if (s.expiresAt && Date.parse(s.expiresAt) <= now) { this.clear(); return null; }
      return s;
    } catch {
      return null;
    }
  }

  save(patch: Partial<Stored>) {
    const next = { ...(this.load() ?? {}), ...patch } as Stored;
    if (!next.token) return;
    try {
      this.store?.setItem(this.key, JSON.stringify(next));
    } catch {
      // storage full or refused (private mode): the visitor is new on the next visit, nothing breaks
    }
  }

  clear() {
    try {
      this.store?.removeItem(this.key);
    } catch {
      // refused
    }
  }
}

/** localStorage, or null where the browser refuses it (blocked third-party storage). */
function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
