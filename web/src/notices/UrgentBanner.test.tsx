import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Member } from '../api';
import { NameCache, NamesContext } from '../chat/names';
import { I18nContext, translate } from '../i18n';
import type { Realtime, ReadyInfo } from '../realtime';
import { NoticeCenter } from './center';
import { NoticesContext } from './context';
import type { UrgentNotice } from './types';
import { UrgentBanner } from './UrgentBanner';

afterEach(cleanup);

class Rt implements Realtime {
  connected = true;
  handlers = new Map<string, (d: unknown) => void>();
  request<T>(): Promise<T> { return Promise.reject(new Error('none')); }
  subscribe(topic: string, h: (d: unknown) => void) { this.handlers.set(topic, h); return () => {}; }
  onReady(_h: (i: ReadyInfo) => void) { return () => {}; }
  onDisconnect() { return () => {}; }
  push(topic: string, d: unknown) { act(() => this.handlers.get(topic)?.(d)); }
}

const notice = (id: string, extra: Partial<UrgentNotice> = {}): UrgentNotice => ({
  id, senderId: 'boss', text: '全院停电演练，收到请确认', recipientCount: 2, confirmedCount: 0, createdAt: '2026-01-01T08:00:00Z', renotified: false, ...extra,
});

function mount(lang: 'en' | 'zh-CN' = 'zh-CN') {
  const rt = new Rt();
  const confirm = vi.fn(async (id: string) => notice(id));
  const center = new NoticeCenter({ rt, me: 'me', http: { pending: async () => [], confirm } });
  center.start();
  const names = new NameCache(async (id) => ({ id, name: '院长' }) as Member);
  const i18n = { lang, setLang: () => {}, t: (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v) };
  render(
    <I18nContext.Provider value={i18n}>
      <NamesContext.Provider value={names}>
        <NoticesContext.Provider value={center}><UrgentBanner /></NoticesContext.Provider>
      </NamesContext.Provider>
    </I18nContext.Provider>,
  );
  return { rt, confirm };
}

describe('urgent banner', () => {
  it('appears on a push as an alert with the sender, the text and a confirm button, and goes once confirmed', async () => {
    const { rt, confirm } = mount();
    expect(screen.queryByRole('alert')).toBeNull();
    rt.push('notice.urgent', notice('n1'));
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('全院停电演练，收到请确认');
    await waitFor(() => expect(screen.getByTestId('urgent-sender').textContent).toBe('院长'));
    expect(document.title).toContain('【1 条加急】');
    fireEvent.click(screen.getByRole('button', { name: '确认收到' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(confirm).toHaveBeenCalledWith('n1');
    expect(document.title).not.toContain('加急');
  });

  it('stacks notices and marks a re-notification', () => {
    const { rt } = mount('en');
    rt.push('notice.urgent', notice('n1'));
    rt.push('notice.urgent', notice('n2', { createdAt: '2026-01-01T09:00:00Z', text: 'Second' }));
    expect(screen.getAllByTestId('urgent-item')).toHaveLength(2);
    rt.push('notice.urgent', notice('n1', { renotified: true }));
    const first = screen.getAllByTestId('urgent-item')[0];
    expect(first.getAttribute('data-alerts')).toBe('2');
    expect(first.textContent).toContain('URGENT · reminder');
    expect(screen.getAllByRole('button', { name: 'Confirm' })).toHaveLength(2);
  });

  it('goes when I confirm on another device', () => {
    const { rt } = mount();
    rt.push('notice.urgent', notice('n1'));
    rt.push('notice.confirmed', { noticeId: 'n1', memberId: 'me', confirmedCount: 1, recipientCount: 2, confirmedAt: '2026-01-01T08:01:00Z' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
