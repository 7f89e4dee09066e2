-- An organisation's chat compliance settings: how long history is kept, and its sensitive words.
create table chat_policies (
    org_id           uuid primary key references organizations(id),
    retention_days   int check (retention_days is null or retention_days >= 1),
    -- [{"word": "...", "action": "block" | "mask"}]
    sensitive_words  jsonb not null default '[]',
    updated_by       uuid references members(id),
    updated_at       timestamptz not null
);
-- retention deletes the oldest entries of an organisation first
create index messages_org_created on messages (org_id, created_at);
