-- Cloud meetings: meetings with their 9-digit numbers, runs (first in to last out) and attendance,
-- and guest passes (joining by link without an account). The live roster is in memory, not here.
create table meetings (
    id               uuid primary key,
    org_id           uuid not null references organizations(id),
    number           text not null check (number ~ '^[1-9][0-9]{8}$'),
    title            text not null,
    host_id          uuid not null references members(id),
    kind             text not null check (kind in ('instant', 'scheduled', 'personal')),
    start_at         timestamptz,
    duration_minutes int check (duration_minutes between 1 and 1440),
    passcode         text check (passcode ~ '^[0-9]{4,10}$'),
    allow_guests     boolean not null,
    waiting_room     boolean not null,
    mute_on_entry    boolean not null,
    allow_self_unmute boolean not null,
    status           text not null check (status in ('scheduled', 'live', 'ended')),
    created_at       timestamptz not null,
    cancelled_at     timestamptz,
    -- "my meetings" are listed by start, instant ones by creation
    sort_at          timestamptz generated always as (coalesce(start_at, created_at)) stored
);
-- Unique in the deployment, cancelled meetings included: a number is never handed out twice.
create unique index meetings_number on meetings (number);
-- One personal room per member.
create unique index meetings_personal_room on meetings (org_id, host_id) where kind = 'personal' and cancelled_at is null;
create index meetings_owned on meetings (org_id, host_id, sort_at, id) where cancelled_at is null;

create table meeting_runs (
    id          uuid primary key,
    meeting_id  uuid not null references meetings(id),
    org_id      uuid not null references organizations(id),
    started_at  timestamptz not null,
    ended_at    timestamptz,
    end_reason  text
);
create index meeting_runs_meeting on meeting_runs (meeting_id, started_at);

create table meeting_attendance (
    id             uuid primary key,
    run_id         uuid not null references meeting_runs(id),
    meeting_id     uuid not null references meetings(id),
    org_id         uuid not null references organizations(id),
    participant_id uuid not null,
    member_id      uuid references members(id),
    guest_id       uuid,
    display_name   text not null,
    joined_at      timestamptz not null,
    left_at        timestamptz,
    reason         text,
    check ((member_id is null) <> (guest_id is null))
);
create index meeting_attendance_meeting on meeting_attendance (meeting_id, joined_at, id);
create index meeting_attendance_open on meeting_attendance (run_id) where left_at is null;

create table meeting_guests (
    id            uuid primary key,
    meeting_id    uuid not null references meetings(id),
    org_id        uuid not null references organizations(id),
    display_name  text not null,
    token_hash    bytea not null unique,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    revoked_at    timestamptz
);
create index meeting_guests_meeting on meeting_guests (meeting_id) where revoked_at is null;
