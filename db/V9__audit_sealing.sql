-- Audit sealing (issue 5): accesses stage their events; a sealer orders them in PostgreSQL.
--
-- V3 made every access take the audit_chain_head row lock until its transaction committed, which
-- serialised all audited requests of all instances (926 events/s with 16 writers). Now the
-- access's own transaction only inserts into audit_event_staged, so the event is durable exactly
-- when the access commits, without waiting for anyone. A sealer in each instance then takes the
-- head row lock (one sealer at a time across instances, so PostgreSQL still decides the one total
-- order), moves the committed staged events into audit_event with their sequence number, leaf
-- hash and leaf MAC, deletes them from the stage, and advances the head, all in one transaction.
-- Staged events wait at most the sealing interval (at most one second).
create table audit_event_staged (
    id               bigint       generated always as identity primary key,
    staged_at        timestamp with time zone not null default now(),
    occurred_at      timestamp with time zone not null,
    subject          varchar(255) not null,
    roles            jsonb        not null,
    organisation     varchar(255),
    client_address   varchar(64),
    operation_name   varchar(255),
    document_hash    varchar(64),
    touched_subjects jsonb        not null,
    fields           jsonb        not null,
    purpose          varchar(1000),
    outcome          varchar(32)  not null
);

-- HMAC-SHA-256 of the leaf hash under a key derived from the audit signing key (never stored
-- here): an event forged or rewritten without that key is named at its own place by the verifier,
-- not only at the next checkpoint. Null only for rows that no sealer wrote.
alter table audit_event add column leaf_mac bytea;

-- The right edge of the Merkle tree at the head's size (the roots of its perfect subtrees,
-- largest first, 32 bytes each): enough to extend the tree and compute its root without reading
-- the log back. A cache for signing checkpoints; the verifier never trusts it.
alter table audit_chain_head add column frontier bytea not null default '';

/* [jooq ignore start] */
-- A sealer advances the head by a whole batch at once; it still never moves back or stands still.
create or replace function audit_chain_head_forward_only() returns trigger language plpgsql as $$
begin
    if new.id <> old.id or new.size <= old.size then
        raise exception 'the audit chain head only moves forward' using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
/* [jooq ignore stop] */
