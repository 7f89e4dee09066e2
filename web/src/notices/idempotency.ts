import { newUuid } from '../uuid';

// One Idempotency-Key per thing the person means to send: the same key while the request stays the
// same (a double click, a retry after a lost answer, so the server sends it once), a new key when
// they change it (the server refuses a reused key with a different body) or after it was sent.
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
