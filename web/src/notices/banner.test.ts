import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { bannerReducer, emptyBanner, type BannerAction, type BannerState } from './banner';
import type { UrgentNotice } from './types';

const notice = (id: string, second: number, extra: Partial<UrgentNotice> = {}): UrgentNotice => ({
  id, senderId: 'boss', text: `notice ${id}`, recipientCount: 3, confirmedCount: 0,
  createdAt: `2026-01-01T00:00:${String(second).padStart(2, '0')}Z`, renotified: false, ...extra,
});
const run = (...actions: BannerAction[]) => actions.reduce(bannerReducer, emptyBanner);
const ids = (s: BannerState) => s.items.map((i) => i.notice.id);

describe('urgent banner', () => {
  it('adds pushed notices, stacked oldest first', () => {
    const s = run({ type: 'pushed', notice: notice('b', 2) }, { type: 'pushed', notice: notice('a', 1) }, { type: 'pushed', notice: notice('c', 3) });
    expect(ids(s)).toEqual(['a', 'b', 'c']);
    expect(s.items.every((i) => i.alerts === 1)).toBe(true);
  });

  it('orders by the instant even when the server writes different precisions', () => {
    const s = run({ type: 'pushed', notice: notice('late', 0, { createdAt: '2026-01-01T00:00:01.5Z' }) },
      { type: 'pushed', notice: notice('early', 0, { createdAt: '2026-01-01T00:00:01.123456789Z' }) });
    expect(ids(s)).toEqual(['early', 'late']);
  });

  it('draws attention again on a re-notification without adding it twice', () => {
    const s = run({ type: 'pushed', notice: notice('a', 1) }, { type: 'pushed', notice: notice('b', 2) },
      { type: 'pushed', notice: notice('a', 1, { renotified: true, confirmedCount: 2 }) });
    expect(ids(s)).toEqual(['a', 'b']);
    expect(s.items[0].alerts).toBe(2);
    expect(s.items[0].notice.renotified).toBe(true);
    expect(s.items[0].notice.confirmedCount).toBe(2);
    expect(s.items[1].alerts).toBe(1);
  });

  it('re-notifying clears an earlier confirm error', () => {
    const err = new ApiError(0, 'network_error', undefined, 'network');
    const s = run({ type: 'pushed', notice: notice('a', 1) }, { type: 'confirming', id: 'a' }, { type: 'confirmFailed', id: 'a', error: err },
      { type: 'pushed', notice: notice('a', 1, { renotified: true }) });
    expect(s.items[0].error).toBeNull();
  });

  it('confirming here: busy, then gone; a failure keeps it with the error', () => {
    let s = run({ type: 'pushed', notice: notice('a', 1) }, { type: 'confirming', id: 'a' });
    expect(s.items[0].confirming).toBe(true);
    const err = new ApiError(0, 'network_error', undefined, 'network');
    const failed = bannerReducer(s, { type: 'confirmFailed', id: 'a', error: err });
    expect(failed.items[0]).toMatchObject({ confirming: false, error: err });
    s = bannerReducer(s, { type: 'confirmed', id: 'a' });
    expect(s.items).toEqual([]);
  });

  it('confirmed on another device (or a re-notification that crossed my confirmation) does not come back', () => {
    let s = run({ type: 'pushed', notice: notice('a', 1) }, { type: 'pushed', notice: notice('b', 2) }, { type: 'confirmed', id: 'a' });
    expect(ids(s)).toEqual(['b']);
    s = bannerReducer(s, { type: 'pushed', notice: notice('a', 1, { renotified: true }) });
    expect(ids(s)).toEqual(['b']);
    // a confirmation for a notice this tab never showed is remembered too
    s = bannerReducer(s, { type: 'confirmed', id: 'z' });
    s = bannerReducer(s, { type: 'pushed', notice: notice('z', 5) });
    expect(ids(s)).toEqual(['b']);
  });

  it('loads the pending list after a reload (nothing held yet)', () => {
    const s = run({ type: 'loaded', notices: [notice('a', 1), notice('b', 2)], since: 0 });
    expect(ids(s)).toEqual(['a', 'b']);
    expect(s.items[0]).toMatchObject({ alerts: 0, confirming: false, error: null });
  });

  it('merges a pending load: keeps what arrived during it, drops what was confirmed elsewhere before it', () => {
    let s = run({ type: 'pushed', notice: notice('old', 1) }, { type: 'pushed', notice: notice('kept', 2) });
    const since = s.rev; // the load starts here
    s = bannerReducer(s, { type: 'pushed', notice: notice('during', 4) });
    s = bannerReducer(s, { type: 'loaded', since, notices: [notice('kept', 2, { confirmedCount: 1 }), notice('missed', 3)] });
    // "old" is not pending any more (confirmed on another device while we were offline), "missed" was
    // sent while we were offline, "during" arrived after the list was read
    expect(ids(s)).toEqual(['kept', 'missed', 'during']);
    expect(s.items[0]).toMatchObject({ alerts: 1, notice: { confirmedCount: 1 } });
  });

  it('a stale pending list does not bring back what was confirmed while it loaded', () => {
    let s = run({ type: 'pushed', notice: notice('a', 1) });
    const since = s.rev;
    s = bannerReducer(s, { type: 'confirmed', id: 'a' });
    s = bannerReducer(s, { type: 'loaded', since, notices: [notice('a', 1)] });
    expect(s.items).toEqual([]);
  });

  it('a load keeps the confirming state of what it still lists', () => {
    let s = run({ type: 'pushed', notice: notice('a', 1) }, { type: 'confirming', id: 'a' });
    s = bannerReducer(s, { type: 'loaded', since: s.rev, notices: [notice('a', 1)] });
    expect(s.items[0].confirming).toBe(true);
  });
});
