import { describe, expect, it } from 'vitest';
import { IdempotencyKeys } from './idempotency';

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
});
