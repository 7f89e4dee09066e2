-- Customer-service desk (ADR 0010). A desk conversation is a conversations row of kind 'desk' (its log
-- is the messages table, like every chat); desk_conversations holds its desk state: queue, agent, times.
alter table conversations drop constraint conversations_kind_check;
alter table conversations add constraint conversations_kind_check check (kind in ('direct', 'group', 'department', 'all_staff', 'desk'));

-- Skill groups: who answers what, how they are chosen, when they are open.
create table desk_groups (
    id                      uuid primary key,
    org_id                  uuid not null references organizations(id),
    name                    text not null,
    routing                 text not null check (routing in ('least_busy', 'round_robin')),
    -- WeeklySchedule's wire form; null = always open
    business_hours          jsonb,
    sla_first_response_s    int check (sla_first_response_s > 0),
    sla_resolution_s        int check (sla_resolution_s > 0),
    -- a visitor waiting longer is moved to the offline message form
    max_wait_s              int not null check (max_wait_s > 0),
    -- round-robin: the agent chosen last, the next one after them in id order goes next
    rr_last_agent           uuid,
    created_at              timestamptz not null,
    deleted_at              timestamptz
);
create unique index desk_groups_name on desk_groups (org_id, lower(name)) where deleted_at is null;

-- An agent is a licensed seat: the plan's agentSeats caps how many rows an organisation has.
create table desk_agents (
    org_id            uuid not null references organizations(id),
    member_id         uuid not null references members(id),
    max_concurrent    int not null check (max_concurrent between 1 and 100),
    status            text not null check (status in ('online', 'away', 'offline')),
    -- conversations offered to or assigned to them and not closed; never above max_concurrent when assigned
    active            int not null default 0 check (active >= 0),
    supervisor        boolean not null default false,
    last_assigned_at  timestamptz,
    status_at         timestamptz not null,
    created_at        timestamptz not null,
    primary key (org_id, member_id)
);

create table desk_group_agents (
    group_id   uuid not null references desk_groups(id),
    member_id  uuid not null references members(id),
    org_id     uuid not null references organizations(id),
    primary key (group_id, member_id)
);
create index desk_group_agents_member on desk_group_agents (org_id, member_id);

-- Where visitors come from: a web widget on a customer's site, or the server API.
create table desk_channels (
    id             uuid primary key,
    org_id         uuid not null references organizations(id),
    kind           text not null check (kind in ('web', 'api')),
    name           text not null,
    -- public: the widget's script tag carries it
    widget_key     text not null unique,
    -- signs identified visitors' user ids (HMAC-SHA256); null = anonymous visitors only
    identity_secret text,
    group_id       uuid not null references desk_groups(id),
    pre_chat_form  boolean not null default false,
    created_at     timestamptz not null,
    deleted_at     timestamptz
);

create table desk_visitors (
    id             uuid primary key,
    org_id         uuid not null references organizations(id),
    channel_id     uuid not null references desk_channels(id),
    -- the customer site's user id, when signed; anonymous visitors have none
    external_id    text,
    name           text,
    email          text,
    phone          text,
    vip            boolean not null default false,
    -- sticky routing: who answered them last
    last_agent_id  uuid,
    created_at     timestamptz not null,
    last_seen_at   timestamptz not null
);
create unique index desk_visitors_external on desk_visitors (channel_id, external_id) where external_id is not null;

create table desk_visitor_tokens (
    token_hash  bytea primary key,
    visitor_id  uuid not null references desk_visitors(id),
    org_id      uuid not null references organizations(id),
    expires_at  timestamptz not null
);
create index desk_visitor_tokens_visitor on desk_visitor_tokens (visitor_id);

create table desk_conversations (
    id                  uuid primary key references conversations(id),
    org_id              uuid not null references organizations(id),
    channel_id          uuid not null references desk_channels(id),
    visitor_id          uuid not null references desk_visitors(id),
    group_id            uuid not null references desk_groups(id),
    state               text not null check (state in ('bot', 'queued', 'offered', 'assigned', 'closed', 'missed')),
    priority            int not null default 0,
    opened_at           timestamptz not null,
    -- the handoff: when it entered the human queue, and why
    queued_at           timestamptz,
    handoff_reason      text,
    offered_to          uuid,
    offer_expires_at    timestamptz,
    -- agents who declined or let an offer lapse are not offered it again
    excluded_agents     uuid[] not null default '{}',
    agent_id            uuid,
    assigned_at         timestamptz,
    first_response_at   timestamptz,
    -- next-response times: a visitor message waiting for an agent since, and the answered waits so far
    awaiting_since      timestamptz,
    responses           int not null default 0,
    response_ms_total   bigint not null default 0,
    bot_answers         int not null default 0,
    bot_fallbacks       int not null default 0,
    -- fallbacks in a row since the bot last answered (the Nth hands off)
    bot_fallback_streak int not null default 0,
    transfers           int not null default 0,
    closed_at           timestamptz,
    closed_by           uuid,
    tags                text[] not null default '{}',
    csat_score          int check (csat_score between 1 and 5),
    csat_comment        text,
    csat_at             timestamptz,
    -- SLA breaches, judged in the group's business hours when the conversation ended
    sla_first_response_breached boolean,
    sla_resolution_breached     boolean,
    check (state <> 'assigned' or agent_id is not null),
    check (state <> 'offered' or offered_to is not null)
);
-- the queue, in the order it is served: priority, then first come
create index desk_conversations_queue on desk_conversations (org_id, group_id, priority desc, queued_at, id) where state = 'queued';
create index desk_conversations_agent on desk_conversations (org_id, agent_id) where state in ('offered', 'assigned');
create index desk_conversations_offered on desk_conversations (org_id, offered_to) where state = 'offered';
create index desk_conversations_visitor on desk_conversations (visitor_id, opened_at desc);
-- a visitor has at most one open conversation (two tabs opening at once get the same one)
create unique index desk_conversations_one_open on desk_conversations (visitor_id) where state in ('bot', 'queued', 'offered', 'assigned');
create index desk_conversations_closed on desk_conversations (org_id, closed_at);
create index desk_conversations_open on desk_conversations (org_id, opened_at) where closed_at is null;
-- conversations still with the bot: the idle sweep closes those the visitor left
create index desk_conversations_bot on desk_conversations (opened_at) where state = 'bot';

-- Every routing decision and why it was made.
create table desk_assignments (
    id               uuid primary key,
    conversation_id  uuid not null references desk_conversations(id),
    org_id           uuid not null references organizations(id),
    agent_id         uuid not null,
    group_id         uuid not null,
    reason           text not null,
    -- the candidates the router looked at: [{agentId, active, max, lastAssignedAt}]
    candidates       jsonb not null,
    decided_at       timestamptz not null,
    outcome          text not null check (outcome in ('offered', 'assigned', 'accepted', 'declined', 'expired', 'withdrawn'))
);
create index desk_assignments_conversation on desk_assignments (conversation_id, decided_at);
-- the group's recent serving rate (estimated waits)
create index desk_assignments_group on desk_assignments (group_id, decided_at);

-- Internal notes: never in the log, so a visitor can never read one.
create table desk_notes (
    id               uuid primary key,
    conversation_id  uuid not null references desk_conversations(id),
    org_id           uuid not null references organizations(id),
    author_id        uuid not null,
    text             text not null,
    created_at       timestamptz not null
);
create index desk_notes_conversation on desk_notes (conversation_id, created_at);

create table desk_canned_responses (
    id          uuid primary key,
    org_id      uuid not null references organizations(id),
    shortcut    text not null,
    text        text not null,
    created_by  uuid not null,
    created_at  timestamptz not null
);
create unique index desk_canned_shortcut on desk_canned_responses (org_id, lower(shortcut));

create table desk_faqs (
    id            uuid primary key,
    org_id        uuid not null references organizations(id),
    question      text not null,
    alternatives  text[] not null default '{}',
    answer        text not null,
    category      text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create unique index desk_faqs_question on desk_faqs (org_id, lower(question));

-- Questions the bot could not answer, counted, for the knowledge-base admin.
create table desk_unanswered (
    org_id       uuid not null references organizations(id),
    normalized   text not null,
    question     text not null,
    times        int not null,
    first_at     timestamptz not null,
    last_at      timestamptz not null,
    primary key (org_id, normalized)
);
create index desk_unanswered_recent on desk_unanswered (org_id, last_at desc);

create table desk_answer_ratings (
    conversation_id  uuid not null references desk_conversations(id),
    seq              bigint not null,
    org_id           uuid not null references organizations(id),
    faq_id           uuid,
    helpful          boolean not null,
    rated_at         timestamptz not null,
    primary key (conversation_id, seq)
);

create table desk_offline_messages (
    id          uuid primary key,
    org_id      uuid not null references organizations(id),
    channel_id  uuid not null references desk_channels(id),
    visitor_id  uuid references desk_visitors(id),
    name        text not null,
    email       text,
    phone       text,
    text        text not null,
    created_at  timestamptz not null,
    handled_at  timestamptz
);
create index desk_offline_messages_open on desk_offline_messages (org_id, created_at) where handled_at is null;

-- Reports read these daily sums, written when a conversation ends (and when it is rated), so a report
-- over a million conversations sums a few thousand rows. Days are in desk.report-zone. Each conversation
-- counts twice: once under its group (dimension 'group'), once under its agent ('agent'; the nil uuid
-- for conversations no agent held) — one key per row keeps the rows per day at groups + agents, not
-- groups x agents. Each also counts in its day and in its month (period 'month', day = the 1st), so a
-- report over a year by agent sums 12 months of rows, not 365 days of them.
create table desk_daily_stats (
    org_id            uuid not null references organizations(id),
    period            text not null check (period in ('day', 'month')),
    day               date not null,
    dimension         text not null check (dimension in ('group', 'agent')),
    key               uuid not null,
    conversations     int not null default 0,
    handed_off        int not null default 0,
    bot_resolved      int not null default 0,
    missed            int not null default 0,
    wait_ms           bigint not null default 0,
    waits             int not null default 0,
    first_response_ms bigint not null default 0,
    first_responses   int not null default 0,
    next_response_ms  bigint not null default 0,
    next_responses    int not null default 0,
    handle_ms         bigint not null default 0,
    handled           int not null default 0,
    resolution_ms     bigint not null default 0,
    resolved          int not null default 0,
    csat_sum          int not null default 0,
    csat_count        int not null default 0,
    first_response_breaches int not null default 0,
    resolution_breaches     int not null default 0,
    primary key (org_id, dimension, period, day, key)
);
