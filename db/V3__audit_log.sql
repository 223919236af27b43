-- Tamper-evident audit log (issue 5). Events and signed checkpoints are append-only; the signing
-- key is never stored here.

-- One total order for every server instance: the next sequence number is taken by incrementing
-- this single row. The row lock is held until the appending transaction ends, so numbers are
-- handed out and committed strictly in order, and a rolled-back append also rolls back its
-- increment: no gaps. (A plain sequence or identity column would leave gaps on rollback and could
-- commit 8 before 7, so a verifier could not tell a deleted event from an aborted one.) The cost
-- is that appends serialise from the increment to commit: the event is written last in its
-- transaction to keep that window short.
create table audit_chain_head (
    id    integer primary key check (id = 1),
    size  bigint  not null check (size >= 0)
);
insert into audit_chain_head (id, size) values (1, 0);

create table audit_event (
    seq              bigint       primary key check (seq >= 1),
    occurred_at      timestamp with time zone not null,
    subject          varchar(255) not null,
    roles            jsonb        not null,   -- array of role names
    organisation     varchar(255),
    client_address   varchar(64),
    operation_name   varchar(255),
    document_hash    varchar(64),             -- hex SHA-256 of the GraphQL document
    touched_subjects jsonb        not null,   -- array of keyed hashes (HMAC), never ids in clear
    fields           jsonb        not null,   -- array of Type.field names; never a value
    purpose          varchar(1000),
    outcome          varchar(32)  not null,
    leaf_hash        bytea        not null    -- RFC 6962 leaf hash of the canonical encoding (v1)
);
create index audit_event_subject_time on audit_event (subject, occurred_at);

-- Signed tree heads. The note is the C2SP signed note; size and root repeat it for queries.
create table audit_checkpoint (
    size        bigint       primary key check (size >= 0),
    root        bytea        not null,
    note        varchar(4000) not null,
    created_at  timestamp with time zone not null
);

/* [jooq ignore start] */
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

-- Statement-level, so that even an UPDATE or DELETE matching no row fails.
create trigger audit_event_append_only before update or delete on audit_event
    for each statement execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_change();

-- The head only ever moves forward by one; it is never deleted or reset.
create function audit_chain_head_forward_only() returns trigger language plpgsql as $$
begin
    if new.id <> old.id or new.size <> old.size + 1 then
        raise exception 'the audit chain head only moves forward by one' using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
create trigger audit_chain_head_forward_only before update on audit_chain_head
    for each row execute function audit_chain_head_forward_only();
create trigger audit_chain_head_kept before delete or truncate on audit_chain_head
    for each statement execute function audit_refuse_change();
/* [jooq ignore stop] */
