// One Idempotency-Key per thing the person means to send: the same key while the request stays the
// same (a double click, a retry after a lost answer, so the server sends it once), a new key when
// they change it (the server refuses a reused key with a different body) or after it was sent.
/**
 * A random UUID. crypto.randomUUID exists only in secure contexts (https, localhost); a server reached
 * over plain http on the LAN still has getRandomValues.
 */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class IdempotencyKeys {
  private current: { key: string; body: string } | null = null;

  constructor(private readonly newKey: () => string = newUuid) {}

  /** The key for this request body. */
  keyFor(body: unknown): string {
    const b = JSON.stringify(body);
    if (!this.current || this.current.body !== b) this.current = { key: this.newKey(), body: b };
    return this.current.key;
  }

  /** It was sent: the next request is a new one, even with the same body. */
  done() {
    this.current = null;
  }
}
