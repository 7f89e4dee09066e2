-- Team messaging (ADR 0007). A conversation is an append-only log of entries numbered 1, 2, 3 ...
-- by conversations.last_seq, which is bumped in the same transaction that inserts the entry: the
-- row lock orders concurrent senders, a rollback gives the number back, so the numbers are gap-free
-- and can never go backwards (there is no cache to lose).

create table conversations (
    id               uuid primary key,
    org_id           uuid not null references organizations(id),
    kind             text not null check (kind in ('direct', 'group', 'department', 'all_staff')),
    title            text,
    announcement     text,
    -- department groups follow this department's members (null once the department is deleted)
    department_id    uuid references departments(id) on delete set null,
    -- direct chats: "<smaller member id>:<larger member id>", so there is one per pair
    direct_key       text,
    last_seq         bigint not null default 0,
    member_count     int not null default 0,
    last_entry_at    timestamptz not null,
    created_by       uuid,
    created_at       timestamptz not null,
    dissolved_at     timestamptz
);
create unique index conversations_direct on conversations (org_id, direct_key) where direct_key is not null;
create unique index conversations_department on conversations (department_id) where kind = 'department';
create unique index conversations_all_staff on conversations (org_id) where kind = 'all_staff';

create table conversation_members (
    conversation_id  uuid not null references conversations(id),
    member_id        uuid not null references members(id),
    org_id           uuid not null references organizations(id),
    role             text not null check (role in ('owner', 'admin', 'member')),
    -- a member sees entries after this one (what was said before they joined stays private)
    visible_after    bigint not null,
    -- entries up to here are read; only ever moves forward
    read_seq         bigint not null,
    muted_until      timestamptz,
    joined_at        timestamptz not null,
    primary key (conversation_id, member_id)
);
-- "My conversations", newest first, without touching the conversations heap for the membership test.
create index conversation_members_member on conversation_members (member_id, conversation_id);

create table messages (
    conversation_id  uuid not null references conversations(id),
    seq              bigint not null,
    id               uuid not null,
    org_id           uuid not null,
    sender_id        uuid not null,
    -- the sending device's id for this message: a resend with the same id returns the stored one
    client_msg_id    text not null,
    kind             text not null,
    body             jsonb not null,
    -- for edit / recall / reaction entries: the message they change
    target_seq       bigint,
    edited_at        timestamptz,
    recalled_at      timestamptz,
    created_at       timestamptz not null,
    primary key (conversation_id, seq)
);
create unique index messages_id on messages (id);
create unique index messages_client_id on messages (conversation_id, sender_id, client_msg_id);
-- reactions on a message: {"👍": ["<member id>", ...]}; null when none
alter table messages add column reactions jsonb;
