-- Urgent notices (DING / 加急): each recipient must confirm; the sender watches the count move.
create table urgent_notices (
    id               uuid primary key,
    org_id           uuid not null references organizations(id),
    sender_id        uuid not null references members(id),
    text             text not null,
    recipient_count  int not null,
    confirmed_count  int not null default 0,
    created_at       timestamptz not null,
    last_notified_at timestamptz not null
);
create index urgent_notices_sender on urgent_notices (org_id, sender_id, created_at desc, id desc);

create table urgent_notice_recipients (
    notice_id     uuid not null references urgent_notices(id),
    member_id     uuid not null references members(id),
    confirmed_at  timestamptz,
    primary key (notice_id, member_id)
);
-- "My unconfirmed notices": the banner a client shows until each is confirmed.
create index urgent_notice_recipients_pending on urgent_notice_recipients (member_id, notice_id) where confirmed_at is null;
