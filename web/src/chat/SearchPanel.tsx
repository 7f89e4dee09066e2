// Searching messages: in every conversation (the chat list's search box) or in the open one (beside
// it). Results show who wrote, where and when, with the query's words marked; a click opens the
// conversation at that message. Pages follow with nextCursor.
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useChat, useChatEngine } from './context';
import { chatProblemText } from './errors';
import { shortTime } from './MessageItem';
import { useNames } from './names';
import { appendPage, highlight, resultText, snippet } from './search';
import { conversationTitle } from './text';
import type { Entry } from './types';

export const MAX_QUERY_CHARS = 100;

/** The search field: submits what was typed (Enter or the button). */
export function SearchBox({ onSearch, placeholder, initial = '', autoFocus, testId = 'search-input' }: {
  onSearch: (q: string) => void; placeholder: string; initial?: string; autoFocus?: boolean; testId?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  const submit = (e: FormEvent) => { e.preventDefault(); onSearch(q.trim()); };
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <input type="search" value={q} placeholder={placeholder} aria-label={placeholder} maxLength={MAX_QUERY_CHARS} autoFocus={autoFocus}
        data-testid={testId} onChange={(e) => { setQ(e.target.value); if (!e.target.value) onSearch(''); }} />
      <button data-testid={`${testId}-submit`}>{t('searchButton')}</button>
    </form>
  );
}

/** What was searched, and which submission: the same words submitted again search again. */
export interface SearchRequest { q: string; round: number }

/**
 * The search a box submits. Each submit is a new round, so pressing Search again with the same words runs
 * the search again: a message sent a moment ago is found about a second later, and a person who searched
 * too early tries again exactly so.
 */
export function useSearchRequest(): [SearchRequest, (q: string) => void] {
  const [request, setRequest] = useState<SearchRequest>({ q: '', round: 0 });
  return [request, (q: string) => setRequest((r) => ({ q, round: r.round + 1 }))];
}

/** Results for the request's words, newest first; `conversationId` keeps them to one conversation. */
export function SearchResults({ request, conversationId }: { request: SearchRequest; conversationId?: string }) {
  const { q } = request;
  const { t, lang } = useI18n();
  const engine = useChatEngine();
  const [items, setItems] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (cursor: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await engine.search(q, conversationId, cursor);
      setItems((shown) => (cursor ? appendPage(shown, page.items) : page.items));
      setNext(page.nextCursor);
    } catch (e) {
      setError(chatProblemText(lang, e));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    setItems([]);
    setNext(null);
    if (q) load(null);
  }, [q, request.round, conversationId]); // eslint-disable-line react-hooks/exhaustive-deps

  const open = (e: Entry) => {
    navigate(`/chat/${e.conversationId}`);
    engine.jumpTo(e.conversationId, e.seq).catch(() => {});
  };
  return (
    <div className="search-results" data-testid="search-results">
      <p className="muted small">{t('searchHint')}</p>
      {error && <div className="banner error" role="alert">{error}</div>}
      {!loading && !error && items.length === 0 && <p className="muted" data-testid="search-empty">{t('searchNoResults')}</p>}
      <ul className="results">
        {items.map((e) => <ResultRow key={e.id} e={e} q={q} showConversation={!conversationId} onOpen={() => open(e)} />)}
      </ul>
      {loading && <p className="muted small center">{t('loading')}</p>}
      {!loading && next && <button className="link" data-testid="search-more" onClick={() => load(next)}>{t('loadMore')}</button>}
    </div>
  );
}

function ResultRow({ e, q, showConversation, onOpen }: { e: Entry; q: string; showConversation: boolean; onOpen: () => void }) {
  const { t, lang } = useI18n();
  const { name } = useNames();
  const s = useChat((st) => st.summaries.find((x) => x.id === e.conversationId));
  const text = snippet(resultText(e), q);
  return (
    <li className="result" data-testid="search-result" data-conversation-id={e.conversationId} data-seq={e.seq}
      tabIndex={0} onClick={onOpen} onKeyDown={(k) => { if (k.key === 'Enter') onOpen(); }}>
      <div className="result-meta muted small">
        <span className="sender" data-testid="search-result-sender">{name(e.senderId)}</span>
        {showConversation && <> · <span data-testid="search-result-conversation">{s ? conversationTitle(s, name) : '…'}</span></>}
        {' · '}{shortTime(e.createdAt, lang)}
      </div>
      <div className="result-text" data-testid="search-result-text">
        {e.kind === 'image' && `${t('previewImage')} `}{e.kind === 'file' && `${t('previewFile')} `}
        {highlight(text, q).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      </div>
    </li>
  );
}
