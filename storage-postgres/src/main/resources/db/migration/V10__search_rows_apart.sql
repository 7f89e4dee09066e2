-- Search tokens leave the messages row (ADR 0008, amended). Indexing used to rewrite each message
-- (a non-HOT update: a new heap tuple and an entry in every index of messages), and every insert put a
-- null into the GIN index's pending list, whose flush the chat writer paid for when it came due.
-- Now a message row is written once; its tokens live in message_search, written by the indexer alone.

create table message_search (
    conversation_id uuid not null,
    seq bigint not null,
    tsv tsvector not null,
    primary key (conversation_id, seq)
);
create index message_search_tsv on message_search using gin (tsv);

-- what the indexer has still to do: a row per new or edited message, in the same transaction, deleted
-- when indexed. No index: the indexer takes whatever rows come first (insertion order, roughly).
create table search_queue (
    conversation_id uuid not null,
    seq bigint not null
);

insert into message_search (conversation_id, seq, tsv)
    select conversation_id, seq, search_tsv from messages where search_tsv is not null and search_tsv <> ''::tsvector;
insert into search_queue (conversation_id, seq)
    select conversation_id, seq from messages where search_tsv is null and kind in ('text', 'file', 'image', 'card') order by created_at;

drop index messages_unindexed;
drop index messages_search;
alter table messages drop column search_tsv;
