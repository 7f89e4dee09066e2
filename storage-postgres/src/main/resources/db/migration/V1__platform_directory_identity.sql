-- Platform foundation: plans, organisations, members (accounts), departments, sessions,
-- invitations, audit log, idempotency keys. Every tenant-owned row carries org_id, and every
-- query a tenant can trigger filters by it.

create table plans (
    id          text primary key,
    name        text not null,
    quotas      jsonb not null,
    sort_order  int not null default 0
);

-- Out-of-the-box plans; operators edit or add rows. Quotas later capabilities enforce live here too.
insert into plans (id, name, quotas, sort_order) values
  ('free',       'Free',       '{"members": 200,    "departments": 500,   "meetingCapacity": 100,  "agentSeats": 2,   "invitations": 50}', 0),
  ('standard',   'Standard',   '{"members": 5000,   "departments": 5000,  "meetingCapacity": 300,  "agentSeats": 20,  "invitations": 1000}', 1),
  ('enterprise', 'Enterprise', '{"members": 200000, "departments": 50000, "meetingCapacity": 1000, "agentSeats": 500, "invitations": 100000}', 2);

create table organizations (
    id          uuid primary key,
    name        text not null,
    plan_id     text not null references plans(id),
    created_at  timestamptz not null default now()
);

create table members (
    id                    uuid primary key,
    org_id                uuid not null references organizations(id),
    email                 text not null,
    name                  text not null,
    phone                 text,
    title                 text,
    avatar_url            text,
    role                  text not null check (role in ('owner', 'admin', 'member', 'guest')),
    status                text not null check (status in ('active', 'deactivated')),
    created_at            timestamptz not null default now(),
    deactivated_at        timestamptz,
    -- credentials (identity module)
    password_hash         text,
    must_change_password  boolean not null default false,
    -- one-time activation code for members added without a password (CSV import): SHA-256 only
    activation_code_hash  bytea,
    activation_expires_at timestamptz,
    failed_logins         int not null default 0,
    locked_until          timestamptz,
    -- lower-cased name for sorting and cursor paging; byte order ("C") so the order, the cursors
    -- and prefix ranges are the same on every PostgreSQL whatever its locale
    sort_name             text collate "C" not null,
    -- unigrams and bigrams of name, e-mail (local part), phone and title: substring search that
    -- works for two-character Chinese names, which trigram indexes cannot serve (ADR 0005)
    search_keys           text[] not null default '{}',
    search_text           text not null default ''
);
-- One active account per e-mail across the deployment: the e-mail is the login.
create unique index members_active_email on members (lower(email)) where status = 'active';
-- Name order, with what a search walk needs, so walking members in name order reads only the index.
create index members_org_sort on members (org_id, sort_name, id) include (status, search_text);
create index members_search on members using gin (search_keys);

create table departments (
    id          uuid primary key,
    org_id      uuid not null references organizations(id),
    parent_id   uuid references departments(id),
    name        text not null,
    created_at  timestamptz not null default now()
);
-- Sibling names are unique (case-insensitive); top-level siblings share the null parent.
create unique index departments_sibling_name
    on departments (org_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
create index departments_parent on departments (parent_id);

create table member_departments (
    member_id      uuid not null references members(id),
    department_id  uuid not null references departments(id),
    org_id         uuid not null references organizations(id),
    primary key (member_id, department_id)
);
create index member_departments_department on member_departments (department_id);

create table sessions (
    id            uuid primary key,
    org_id        uuid not null references organizations(id),
    member_id     uuid not null references members(id),
    token_hash    bytea not null unique,
    device_name   text,
    ip            text,
    user_agent    text,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    expires_at    timestamptz not null,
    revoked_at    timestamptz
);
create index sessions_member on sessions (member_id) where revoked_at is null;

create table invitations (
    id          uuid primary key,
    org_id      uuid not null references organizations(id),
    code        text not null unique,
    role        text not null check (role in ('admin', 'member', 'guest')),
    created_by  uuid not null references members(id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    max_uses    int,
    uses        int not null default 0,
    revoked_at  timestamptz
);
create index invitations_org on invitations (org_id, created_at desc);

create table audit_log (
    id           uuid primary key,
    org_id       uuid not null references organizations(id),
    actor_id     uuid,
    action       text not null,
    target_type  text,
    target_id    text,
    details      jsonb not null default '{}',
    at           timestamptz not null default now()
);
create index audit_log_org on audit_log (org_id, id desc);

create table idempotency_keys (
    member_id     uuid not null,
    key           text not null,
    request_hash  text not null,
    status        int,
    body          text,
    created_at    timestamptz not null default now(),
    primary key (member_id, key)
);
