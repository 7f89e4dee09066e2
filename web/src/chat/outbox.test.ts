import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { Outbox, type Outgoing } from './outbox';
import type { Entry, SendResult } from './types';

const stored = (m: Outgoing, seq = 1): SendResult => ({
  duplicate: false,
  entry: { id: 'e', conversationId: m.conversationId, seq, senderId: 'me', clientMsgId: m.clientMsgId, kind: 'text', body: { text: m.text }, createdAt: '2026-01-01T00:00:00Z' },
});

describe('outbox', () => {
  beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); });
  afterEach(() => { vi.useRealTimers(); });

  function make(send: (m: Outgoing) => Promise<SendResult>) {
    const sent: (Entry | null)[] = [];
    let ids = 0;
    const box = new Outbox({ send, onSent: (_m, e) => sent.push(e), onChange: () => {}, newId: () => `id-${++ids}` });
    return { box, sent };
  }

  it('shows a message as sending until the answer, then hands over the stored entry', async () => {
    let answer!: (r: SendResult) => void;
    const { box, sent } = make(() => new Promise((r) => { answer = r; }));
    const m = box.enqueue('c1', 'hello');
    expect(box.of('c1')).toEqual([expect.objectContaining({ state: 'sending', text: 'hello', clientMsgId: 'id-1' })]);
    answer(stored(m, 7));
    await vi.advanceTimersByTimeAsync(0);
    expect(box.of('c1')).toEqual([]);
    expect(sent[0]?.seq).toBe(7);
  });

  it('resends with the SAME clientMsgId after a timeout or a dropped connection', async () => {
    const calls: string[] = [];
    const failures = [new ApiError(0, 'timeout', undefined, 't'), new ApiError(0, 'disconnected', undefined, 'd')];
    const { box } = make((m) => {
      calls.push(m.clientMsgId);
      const f = failures.shift();
      return f ? Promise.reject(f) : Promise.resolve(stored(m));
    });
    box.enqueue('c1', 'hello');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['id-1']);
    await vi.advanceTimersByTimeAsync(600);
    await vi.advanceTimersByTimeAsync(1100);
    expect(calls).toEqual(['id-1', 'id-1', 'id-1']);
    expect(box.all()).toEqual([]);
  });

  it('a reconnect resends at once instead of waiting for the back-off', async () => {
    const calls: string[] = [];
    let fail = true;
    const { box } = make((m) => {
      calls.push(m.clientMsgId);
      if (fail) { fail = false; return Promise.reject(new ApiError(0, 'disconnected', undefined, 'd')); }
      return Promise.resolve(stored(m));
    });
    box.enqueue('c1', 'x');
    await vi.advanceTimersByTimeAsync(0);
    box.resendAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['id-1', 'id-1']);
    expect(box.all()).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2); // the scheduled retry was cancelled
  });

  it('waits as long as the server asks when rate limited', async () => {
    const calls: number[] = [];
    let first = true;
    const { box } = make((m) => {
      calls.push(Date.now());
      if (first) { first = false; return Promise.reject(new ApiError(429, 'rate_limited', undefined, 'slow', { retryAfterSeconds: 3 })); }
      return Promise.resolve(stored(m));
    });
    box.enqueue('c1', 'x');
    await vi.advanceTimersByTimeAsync(2900);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(2);
  });

  it('a refusal fails the message with its code; retry uses the same id', async () => {
    const calls: string[] = [];
    let refuse = true;
    const { box } = make((m) => {
      calls.push(m.clientMsgId);
      return refuse ? Promise.reject(new ApiError(400, 'text_too_long', 'text', 'too long')) : Promise.resolve(stored(m));
    });
    box.enqueue('c1', 'x');
    await vi.advanceTimersByTimeAsync(0);
    expect(box.all()[0]).toEqual(expect.objectContaining({ state: 'failed' }));
    expect(box.all()[0].error?.code).toBe('text_too_long');
    refuse = false;
    box.retry('id-1');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['id-1', 'id-1']);
    expect(box.all()).toEqual([]);
  });

  it('gives up after a few lost answers and lets the person retry', async () => {
    const { box } = make(() => Promise.reject(new ApiError(0, 'timeout', undefined, 't')));
    box.enqueue('c1', 'x');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(box.all()[0].state).toBe('failed');
    expect(box.all()[0].attempts).toBe(6);
  });

  it('our own entry arriving by push confirms the message even if the answer is lost', () => {
    const { box, sent } = make(() => new Promise(() => {}));
    const m = box.enqueue('c1', 'x');
    box.confirm(stored(m, 3).entry);
    expect(box.all()).toEqual([]);
    expect(sent[0]?.seq).toBe(3);
  });
});
