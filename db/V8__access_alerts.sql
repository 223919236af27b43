-- Alerts on bulk reads of SPECIAL data (issue 5). Not part of the tamper-evident log: this is the
-- working state that decides whether an account may read SPECIAL data; every raise and clear is
-- also an event in audit_event.

-- The distinct persons whose SPECIAL data an account read, each with the last time: the window
-- counts the rows read since. Persons are the audit log's keyed hashes, never ids.
create table special_read (
    account      varchar(255) not null,   -- the reader's token subject
    person       varchar(64)  not null,   -- keyed hash, as in audit_event.touched_subjects
    last_read_at timestamp with time zone not null,
    primary key (account, person)
);
create index special_read_recent on special_read (account, last_read_at);

-- An account whose SPECIAL reads are refused until a protection officer clears the alert.
create table access_alert (
    id               uuid         primary key,
    account          varchar(255) not null,
    raised_at        timestamp with time zone not null,
    distinct_persons integer      not null check (distinct_persons > 0),
    window_seconds   integer      not null check (window_seconds > 0),
    cleared_at       timestamp with time zone,
    cleared_by       varchar(255),
    check ((cleared_at is null) = (cleared_by is null))
);
-- At most one open alert per account. (Index forms jOOQ's DDL parser need not read.)
/* [jooq ignore start] */
create unique index access_alert_open on access_alert (account) where cleared_at is null;

-- Events that touched one person (a defender's own access log, an auditor's filter): containment on the array.
create index audit_event_touched_subjects on audit_event using gin (touched_subjects jsonb_path_ops);
/* [jooq ignore stop] */
