-- Files and images posted in a conversation: the bytes live in the content-addressed blob store
-- (data.dir/files); a row here is what lets the conversation's members download them.
create table conversation_files (
    conversation_id  uuid not null references conversations(id),
    sha256           text not null,
    name             text not null,
    content_type     text not null,
    size             bigint not null,
    uploaded_by      uuid not null references members(id),
    created_at       timestamptz not null,
    primary key (conversation_id, sha256)
);
