-- Full-text search of message history. PostgreSQL cannot segment Chinese, so the server segments
-- text in Java (Lucene's smartcn analyzer) and stores the tokens as a 'simple' tsvector. Filled in
-- the background, off the send path: a new or edited message has search_tsv null until indexed.
alter table messages add column search_tsv tsvector;
create index messages_search on messages using gin (search_tsv);
-- what the indexer has still to do, oldest first; a partial index stays tiny when it keeps up
create index messages_unindexed on messages (created_at) where search_tsv is null and kind in ('text', 'file', 'image', 'card');
