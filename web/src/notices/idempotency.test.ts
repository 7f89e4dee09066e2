import { describe, expect, it } from 'vitest';
import { IdempotencyKeys, newUuid } from './idempotency';

describe('idempotency keys', () => {
  it('keeps the key while the request is the same, and takes a new one when it changes or was sent', () => {
    let n = 0;
    const keys = new IdempotencyKeys(() => `k${++n}`);
    const body = { text: 'hi', memberIds: ['a'], departmentIds: [] };
    expect(keys.keyFor(body)).toBe('k1');
    expect(keys.keyFor({ ...body })).toBe('k1'); // a double click or a retry
    expect(keys.keyFor({ ...body, text: 'hi!' })).toBe('k2');
    keys.done();
    expect(keys.keyFor({ ...body, text: 'hi!' })).toBe('k3');
  });

  it('makes UUIDs also where crypto.randomUUID is missing (plain http on the LAN)', () => {
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const id = newUuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(newUuid()).not.toBe(id);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
