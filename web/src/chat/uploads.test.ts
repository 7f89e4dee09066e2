import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import type { Entry, SendResult } from './types';
import { Uploads, formatSize, mayRetry, precheck, progressOf, type Upload } from './uploads';

const stored = (u: Upload, duplicate = false): SendResult => ({
  duplicate,
  entry: {
    id: 'e', conversationId: u.conversationId, seq: 5, senderId: 'me', clientMsgId: u.clientMsgId, kind: 'image',
    body: { file: { sha256: 'abc', name: u.name, contentType: u.contentType, size: u.size } }, createdAt: '2026-01-01T00:00:00Z',
  },
});
const png = (bytes = 10) => new Blob([new Uint8Array(bytes)], { type: 'image/png' });

describe('uploads', () => {
  beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); });
  afterEach(() => { vi.useRealTimers(); });

  function make(send: (u: Upload, progress: (n: number) => void, signal: AbortSignal) => Promise<SendResult>, maxBytes: number | null = null) {
    const sent: (Entry | null)[] = [];
    let ids = 0;
    const box = new Uploads({ send, onSent: (_u, e) => sent.push(e), onChange: () => {}, newId: () => `up-${++ids}`, maxBytes: () => maxBytes });
    return { box, sent };
  }

  it('reports progress while the bytes go out, then hands over the posted message', async () => {
    let progress!: (n: number) => void;
    let answer!: (r: SendResult) => void;
    const { box, sent } = make((_u, p) => { progress = p; return new Promise((r) => { answer = r; }); });
    const u = box.add('c1', png(200), 'a.png');
    expect(box.of('c1')[0]).toMatchObject({ state: 'uploading', loaded: 0, size: 200, contentType: 'image/png', clientMsgId: 'up-1' });
    progress(50);
    expect(progressOf(box.of('c1')[0])).toBe(0.25);
    progress(200);
    expect(progressOf(box.of('c1')[0])).toBe(1);
    answer(stored(u));
    await vi.advanceTimersByTimeAsync(0);
    expect(box.all()).toEqual([]);
    expect(sent[0]?.seq).toBe(5);
  });

  it('retries a lost answer by itself with the SAME clientMsgId, so the server answers duplicate instead of posting twice', async () => {
    const ids: string[] = [];
    const failures = [new ApiError(0, 'network_error', undefined, 'n'), new ApiError(503, 'busy', undefined, 'b', { retryAfterSeconds: 2 })];
    const { box, sent } = make((u) => {
      ids.push(u.clientMsgId);
      const f = failures.shift();
      return f ? Promise.reject(f) : Promise.resolve(stored(u, true));
    });
    box.add('c1', png(), 'a.png');
    await vi.advanceTimersByTimeAsync(0);
    expect(box.all()[0]).toMatchObject({ state: 'waiting' });
    await vi.advanceTimersByTimeAsync(600);
    expect(ids).toEqual(['up-1', 'up-1']);
    await vi.advanceTimersByTimeAsync(1800);
    expect(ids).toEqual(['up-1', 'up-1']); // busy asked for 2 s (from 500 ms on)
    await vi.advanceTimersByTimeAsync(200);
    expect(ids).toEqual(['up-1', 'up-1', 'up-1']);
    expect(box.all()).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('gives up after a few attempts; the person retries with the same clientMsgId', async () => {
    const ids: string[] = [];
    let fail = true;
    const { box } = make((u) => { ids.push(u.clientMsgId); return fail ? Promise.reject(new ApiError(0, 'network_error', undefined, 'n')) : Promise.resolve(stored(u)); });
    box.add('c1', png(), 'a.png');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ids).toHaveLength(4);
    const failed = box.all()[0];
    expect(failed).toMatchObject({ state: 'failed' });
    expect(mayRetry(failed)).toBe(true);
    fail = false;
    box.retry(failed.clientMsgId);
    await vi.advanceTimersByTimeAsync(0);
    expect(new Set(ids)).toEqual(new Set(['up-1']));
    expect(box.all()).toEqual([]);
  });

  it('does not retry what cannot succeed: too large (with the limit), empty, bad name', async () => {
    const send = vi.fn(() => Promise.reject(new ApiError(413, 'file_too_large', 'file', 'big', { limit: 1000 })));
    const { box } = make(send);
    box.add('c1', png(5000), 'big.png');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).toHaveBeenCalledTimes(1);
    const u = box.all()[0];
    expect(u.state).toBe('failed');
    expect(u.error?.extra.limit).toBe(1000);
    expect(mayRetry(u)).toBe(false);
  });

  it('checks size and name before sending when the limit is known', async () => {
    const send = vi.fn(() => Promise.resolve(stored(box.all()[0])));
    const { box } = make(send, 100);
    box.add('c1', png(101), 'big.png');
    box.add('c1', png(0), 'empty.png');
    box.add('c1', png(5), 'bad\u0001name.png');
    await vi.advanceTimersByTimeAsync(0);
    expect(send).not.toHaveBeenCalled();
    expect(box.all().map((u) => u.error?.code)).toEqual(['file_too_large', 'empty_file', 'invalid_file_name']);
    expect(box.all()[0].error?.extra.limit).toBe(100);
  });

  it('precheck: size limit unknown lets the server decide; names up to 255 characters', () => {
    expect(precheck(10 ** 9, 'a.bin', null)).toBeNull();
    expect(precheck(1, '文'.repeat(255), null)).toBeNull();
    expect(precheck(1, '文'.repeat(256), null)?.code).toBe('invalid_file_name');
    expect(precheck(1, '   ', null)?.code).toBe('invalid_file_name');
  });

  it('discarding aborts the bytes in flight and forgets the upload; a late answer changes nothing', async () => {
    let signal!: AbortSignal;
    let answer!: (r: SendResult) => void;
    const { box, sent } = make((_u, _p, s) => { signal = s; return new Promise((r) => { answer = r; }); });
    const u = box.add('c1', png(), 'a.png');
    box.discard(u.clientMsgId);
    expect(signal.aborted).toBe(true);
    answer(stored(u));
    await vi.advanceTimersByTimeAsync(0);
    expect(box.all()).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('our own file message seen in a push confirms the upload', async () => {
    const { box, sent } = make(() => new Promise(() => {}));
    const u = box.add('c1', png(), 'a.png');
    box.confirm(stored(u).entry);
    expect(box.all()).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it("one conversation's files go one at a time, in the order picked, whichever would have finished first", async () => {
    const answers = new Map<string, (r: SendResult) => void>();
    const started: string[] = [];
    const { box, sent } = make((u) => { started.push(u.name); return new Promise((r) => { answers.set(u.name, () => r(stored(u))); }); });
    box.add('c1', png(5000), 'big.png');
    box.add('c1', png(10), 'small.png');
    box.add('c2', png(10), 'other-chat.png'); // another conversation does not wait
    expect(started).toEqual(['big.png', 'other-chat.png']);
    expect(box.of('c1').map((u) => u.state)).toEqual(['uploading', 'queued']);
    answers.get('big.png')!(stored(box.of('c1')[0]));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['big.png', 'other-chat.png', 'small.png']);
    answers.get('small.png')!(stored(box.of('c1')[0]));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((e) => (e?.body as { file: { name: string } }).file.name)).toEqual(['big.png', 'small.png']);
  });

  it('a file that fails for good or is discarded lets the next one go; one waiting to retry holds it', async () => {
    const answers: { name: string; fail: (e: ApiError) => void }[] = [];
    const { box } = make((u) => new Promise((_r, reject) => { answers.push({ name: u.name, fail: reject }); }));
    box.add('c1', png(), 'a.png');
    box.add('c1', png(), 'b.png');
    box.add('c1', png(), 'c.png');
    answers[0].fail(new ApiError(0, 'network_error', undefined, 'n'));
    await vi.advanceTimersByTimeAsync(0);
    expect(box.of('c1').map((u) => u.state)).toEqual(['waiting', 'queued', 'queued']); // b must not overtake a
    await vi.advanceTimersByTimeAsync(600);
    expect(answers.map((x) => x.name)).toEqual(['a.png', 'a.png']);
    answers[1].fail(new ApiError(413, 'file_too_large', 'file', 'big', { limit: 1 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(box.of('c1').map((u) => u.state)).toEqual(['failed', 'uploading', 'queued']);
    box.discard(box.of('c1')[1].clientMsgId);
    expect(answers.map((x) => x.name)).toEqual(['a.png', 'a.png', 'b.png', 'c.png']);
  });

  it('formats sizes for people', () => {
    expect(formatSize(532)).toBe('532 B');
    expect(formatSize(12_700)).toBe('12.4 KB');
    expect(formatSize(3.1 * 1024 * 1024)).toBe('3.1 MB');
    expect(formatSize(300 * 1024 * 1024)).toBe('300 MB');
  });
});
