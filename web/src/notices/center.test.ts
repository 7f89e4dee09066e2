import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import type { Realtime, ReadyInfo } from '../realtime';
import { NoticeCenter } from './center';
import type { ConfirmedPush, UrgentNotice } from './types';

const ME = 'me';
const notice = (id: string, second = 1, extra: Partial<UrgentNotice> = {}): UrgentNotice => ({
  id, senderId: 'boss', text: `notice ${id}`, recipientCount: 2, confirmedCount: 0,
  createdAt: `2026-01-01T00:00:${String(second).padStart(2, '0')}Z`, renotified: false, ...extra,
});
const confirmed = (noticeId: string, memberId: string, confirmedCount = 1): ConfirmedPush => ({
  noticeId, memberId, confirmedCount, recipientCount: 2, confirmedAt: '2026-01-01T00:01:00Z',
});

class FakeRt implements Realtime {
  connected = false;
  private topics = new Map<string, ((d: unknown) => void)[]>();
  private ready: ((i: ReadyInfo) => void)[] = [];
  request<T>(): Promise<T> { return Promise.reject(new ApiError(404, 'unknown_op', undefined, 'no ops')); }
  subscribe(topic: string, handler: (d: unknown) => void) {
    this.topics.set(topic, [...(this.topics.get(topic) ?? []), handler]);
    return () => { this.topics.set(topic, (this.topics.get(topic) ?? []).filter((h) => h !== handler)); };
  }
  onReady(h: (i: ReadyInfo) => void) { this.ready.push(h); return () => { this.ready = this.ready.filter((x) => x !== h); }; }
  onDisconnect() { return () => {}; }
  push(topic: string, data: unknown) { this.topics.get(topic)?.forEach((h) => h(data)); }
  becomeReady(resumed = false) { this.ready.forEach((h) => h({ resumed })); }
}

/** A pending list the test answers by hand, to interleave pushes with a load on its way. */
function deferredPending() {
  const calls: ((items: UrgentNotice[]) => void)[] = [];
  const pending = vi.fn(() => new Promise<UrgentNotice[]>((resolve) => calls.push(resolve)));
  return { pending, answer: async (items: UrgentNotice[], i = calls.length - 1) => { calls[i](items); await flush(); }, calls };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(pending: () => Promise<UrgentNotice[]> = async () => [], confirm: (id: string) => Promise<UrgentNotice> = async (id) => notice(id)) {
  const rt = new FakeRt();
  const http = { pending: vi.fn(pending), confirm: vi.fn(confirm) };
  const center = new NoticeCenter({ rt, me: ME, http });
  center.start();
  const ids = () => center.getState().items.map((i) => i.notice.id);
  return { rt, http, center, ids };
}

describe('notice center', () => {
  it('shows what is pending on start, and what is pushed live', async () => {
    const { rt, ids } = setup(async () => [notice('a', 1)]);
    await flush();
    expect(ids()).toEqual(['a']);
    rt.push('notice.urgent', notice('b', 2));
    expect(ids()).toEqual(['a', 'b']);
  });

  it('loads again on every connect, so a notice missed while offline shows and one confirmed elsewhere goes', async () => {
    const d = deferredPending();
    const { rt, ids, http } = setup(d.pending);
    await d.answer([notice('a', 1)]);
    expect(ids()).toEqual(['a']);
    rt.becomeReady(false);
    await d.answer([notice('b', 2)]);
    expect(ids()).toEqual(['b']);
    rt.becomeReady(true); // resumed: still loaded (cheap, and it is what the banner must survive on)
    await d.answer([notice('b', 2)]);
    expect(http.pending).toHaveBeenCalledTimes(3);
  });

  it('keeps a notice pushed while the pending list was on its way', async () => {
    const d = deferredPending();
    const { rt, ids } = setup(d.pending);
    rt.push('notice.urgent', notice('live', 5));
    await d.answer([notice('a', 1)]);
    expect(ids()).toEqual(['a', 'live']);
  });

  it('a load asked for during a load runs after it', async () => {
    const d = deferredPending();
    const { rt, http, ids } = setup(d.pending);
    rt.becomeReady(false);
    expect(http.pending).toHaveBeenCalledTimes(1);
    await d.answer([notice('a', 1)], 0);
    expect(http.pending).toHaveBeenCalledTimes(2);
    await d.answer([notice('a', 1), notice('b', 2)], 1);
    expect(ids()).toEqual(['a', 'b']);
  });

  it('confirming here removes it', async () => {
    const { rt, center, ids, http } = setup();
    rt.push('notice.urgent', notice('a'));
    const done = center.confirm('a');
    expect(center.getState().items[0].confirming).toBe(true);
    await done;
    expect(http.confirm).toHaveBeenCalledWith('a');
    expect(ids()).toEqual([]);
  });

  it('a failed confirmation stays on the banner with its error; a notice that is not mine goes', async () => {
    const { rt, center, ids } = setup(async () => [], async (id) => {
      throw id === 'a' ? new ApiError(0, 'network_error', undefined, 'network') : new ApiError(404, 'no_such_notice', undefined, 'none');
    });
    rt.push('notice.urgent', notice('a', 1));
    rt.push('notice.urgent', notice('b', 2));
    await center.confirm('a');
    await center.confirm('b');
    expect(ids()).toEqual(['a']);
    expect(center.getState().items[0]).toMatchObject({ confirming: false, error: { code: 'network_error' } });
  });

  it('a confirmation on my other device removes it here; others’ confirmations go to the sender’s views', async () => {
    const { rt, center, ids } = setup();
    const seen: ConfirmedPush[] = [];
    const off = center.onConfirmed((p) => seen.push(p));
    rt.push('notice.urgent', notice('a'));
    rt.push('notice.confirmed', confirmed('mine', 'colleague'));
    expect(ids()).toEqual(['a']);
    rt.push('notice.confirmed', confirmed('a', ME));
    expect(ids()).toEqual([]);
    expect(seen.map((p) => p.noticeId)).toEqual(['mine', 'a']);
    off();
    rt.push('notice.confirmed', confirmed('mine', 'other', 2));
    expect(seen).toHaveLength(2);
  });

  it('asks the progress views to load again only after a reconnect that lost pushes', async () => {
    const { rt, center } = setup();
    const resync = vi.fn();
    center.onResync(resync);
    rt.becomeReady(false); // the first connect: nothing was shown from pushes yet
    rt.becomeReady(true);
    expect(resync).not.toHaveBeenCalled();
    rt.becomeReady(false);
    expect(resync).toHaveBeenCalledOnce();
  });

  it('stops listening when stopped', async () => {
    const { rt, center, ids } = setup();
    center.stop();
    rt.push('notice.urgent', notice('a'));
    expect(ids()).toEqual([]);
  });
});
