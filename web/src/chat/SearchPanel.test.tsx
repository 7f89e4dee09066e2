import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, translate } from '../i18n';
import { ChatContext } from './context';
import type { ChatEngine } from './engine';
import { SearchBox, SearchResults, useSearchRequest } from './SearchPanel';
import type { Entry } from './types';

afterEach(cleanup);

const entry = (text: string): Entry => ({
  id: 'm1', conversationId: 'c1', seq: 3, senderId: 'u1', clientMsgId: 'k1', kind: 'text', body: { text },
  createdAt: '2026-12-04T08:46:00Z',
} as unknown as Entry);

function Harness() {
  const [search, setQuery] = useSearchRequest();
  return (
    <>
      <SearchBox placeholder="search" onSearch={setQuery} testId="chat-search" />
      {search.q && <SearchResults request={search} />}
    </>
  );
}

function mount(search: ChatEngine['search']) {
  const engine = { search, subscribe: () => () => {}, getState: () => ({ summaries: [] }) } as unknown as ChatEngine;
  const i18n = { lang: 'en' as const, setLang: () => {}, t: (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate('en', k, v) };
  render(
    <I18nContext.Provider value={i18n}>
      <ChatContext.Provider value={engine}><Harness /></ChatContext.Provider>
    </I18nContext.Provider>,
  );
}

describe('searching messages', () => {
  it('searches again when the same words are submitted again (a new message is indexed a moment after it is sent)', async () => {
    // the first search runs before the message is indexed; the second, same words, finds it
    const search = vi.fn()
      .mockResolvedValueOnce({ items: [], nextCursor: null })
      .mockResolvedValueOnce({ items: [entry('下周三讨论鹊桥项目的预算安排')], nextCursor: null });
    mount(search as unknown as ChatEngine['search']);
    fireEvent.change(screen.getByTestId('chat-search'), { target: { value: '预算' } });
    fireEvent.click(screen.getByTestId('chat-search-submit'));
    await screen.findByTestId('search-empty');
    fireEvent.click(screen.getByTestId('chat-search-submit'));
    await waitFor(() => expect(screen.getByTestId('search-result-text').textContent).toContain('鹊桥项目'));
    expect(search).toHaveBeenCalledTimes(2);
    expect(search).toHaveBeenNthCalledWith(2, '预算', undefined, null);
  });
});
