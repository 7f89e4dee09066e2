-- The search index takes each message's words when they are stored (ADR 0008, amended 2026-12-06).
-- With GIN's pending list (fastupdate, the default) inserts were cheap until the list reached 4 MB;
-- then the indexer's insert merged the whole list into the index: ~350 ms of one core every ~19 s at
-- 5,000 chat msg/s, while the chat writers waited for a core (chat p99 46-64 ms; 21 ms without).
-- The same CPU in all, spread evenly, and a search no longer reads an unsorted list first.
alter index message_search_tsv set (fastupdate = off);
-- what an existing list holds goes into the index now
select gin_clean_pending_list('message_search_tsv'::regclass);
