-- Staged events are authenticated, and only sealing takes them off the stage (issue 10).
--
-- Until now the application's role could insert, update and delete staged rows, and the sealer
-- sealed whatever it found there. Now the registry stages each event with a random nonce and an
-- HMAC-SHA-256 over the nonce and the event's whole content, under a key derived from the audit
-- signing key (never stored here). The sealer checks both before it seals: a row that fails
-- (forged, edited, or a replayed copy) is sealed as a FORGED_EVENT_REFUSED record in its place
-- and raises an ALERT. The nonce and MAC go on into audit_event, where audit verify checks them
-- again. And the application's role no longer deletes staged rows, inserts sealed events or moves
-- the head itself: audit_seal, below, does that for it, writing every row it takes off the stage
-- into the log.
alter table audit_event_staged add column nonce uuid;
alter table audit_event_staged add column mac bytea;
-- a replayed copy of a row still staged is refused at once
alter table audit_event_staged add constraint audit_event_staged_nonce_unique unique (nonce);

-- Null only for events sealed from rows staged before this migration.
alter table audit_event add column staged_nonce uuid;
alter table audit_event add column staged_mac bytea;
-- a nonce is sealed once: a copy staged again is refused by the sealer, or by this index
alter table audit_event add constraint audit_event_nonce_sealed_once unique (staged_nonce);

-- The first sequence number whose event must carry a staging MAC: every event sealed from now on,
-- after the rows already staged before this migration (sealed first, oldest first, without one).
-- Written here once, read-only to the application's role, and kept by triggers for every role.
create table audit_staging_mac_boundary (
    id        integer primary key check (id = 1),
    first_seq bigint  not null check (first_seq >= 1)
);
insert into audit_staging_mac_boundary (id, first_seq)
select 1, (select size from audit_chain_head where id = 1) + (select count(*) from audit_event_staged) + 1;

/* [jooq ignore start] */
-- Every row staged from now on carries both; NOT VALID leaves the rows staged before this
-- migration as they are (without either), and check constraints hold with triggers off too.
alter table audit_event_staged add constraint audit_event_staged_authenticated
    check (nonce is not null and mac is not null) not valid;

-- Nothing ever changes a staged row; sealing deletes it (and only audit_seal may).
create trigger audit_event_staged_unchanged before update on audit_event_staged
    for each statement execute function audit_refuse_change();
create trigger audit_event_staged_no_truncate before truncate on audit_event_staged
    for each statement execute function audit_refuse_change();
create trigger audit_staging_mac_boundary_kept before update or delete on audit_staging_mac_boundary
    for each statement execute function audit_refuse_change();
create trigger audit_staging_mac_boundary_no_truncate before truncate on audit_staging_mac_boundary
    for each statement execute function audit_refuse_change();

-- The chain head's row lock, or nothing if another sealer holds it: all a sealer needs of the
-- head, without the right to update it.
create function audit_lock_chain_head() returns table (head_size bigint, head_frontier bytea)
    language sql security definer
as $$
    select h.size, h.frontier from audit_chain_head h where h.id = 1 for update skip locked
$$;

-- Seals a batch under the head lock, in the caller's transaction: takes each receipt's row off
-- the stage and writes it into the log at its sequence number (which must follow the head, one by
-- one), with the leaf hash and leaf MAC the sealer computed and the row's nonce and MAC as staged.
-- A receipt the sealer refused (its refusal reason given) is written as a FORGED_EVENT_REFUSED
-- record instead, holding only that reason, the SHA-256 of the row and the record's own nonce and
-- MAC, none of the row's content. Every row taken off the stage is written into the log, and the
-- head advances by as many. Without the sealer's keys a caller can only write events that audit
-- verify names as not sealed by this registry.
create function audit_seal(receipts bigint[], seqs bigint[], leaf_hashes bytea[], leaf_macs bytea[],
                           refused_at timestamptz[], refusal_reasons varchar[], refused_row_hashes varchar[],
                           refusal_nonces uuid[], refusal_macs bytea[], frontier bytea) returns bigint
    language plpgsql security definer
as $$
declare
    head bigint;
    moved bigint;
begin
    select h.size into strict head from audit_chain_head h where h.id = 1 for update;
    if coalesce(cardinality(receipts), 0) = 0 or exists (
            select from unnest(seqs) with ordinality as b(seq, n) where b.seq is distinct from head + b.n) then
        raise exception 'audit_seal: the sequence numbers must follow the head, one by one'
            using errcode = 'invalid_parameter_value';
    end if;
    with batch as (
        select * from unnest(receipts, seqs, leaf_hashes, leaf_macs, refused_at, refusal_reasons, refused_row_hashes,
                             refusal_nonces, refusal_macs)
            as b(receipt, seq, leaf_hash, leaf_mac, refused_at, refusal_reason, row_hash, refusal_nonce, refusal_mac)
    ), taken as (
        delete from audit_event_staged staged using batch
        where staged.id = batch.receipt
        returning batch.*, staged.occurred_at, staged.subject, staged.roles, staged.organisation, staged.client_address,
                  staged.operation_name, staged.document_hash, staged.touched_subjects, staged.fields, staged.purpose,
                  staged.outcome, staged.nonce, staged.mac
    )
    insert into audit_event (seq, occurred_at, subject, roles, organisation, client_address, operation_name,
                             document_hash, touched_subjects, fields, purpose, outcome, leaf_hash, leaf_mac,
                             staged_nonce, staged_mac)
    select t.seq, t.occurred_at, t.subject, t.roles, t.organisation, t.client_address, t.operation_name,
           t.document_hash, t.touched_subjects, t.fields, t.purpose, t.outcome, t.leaf_hash, t.leaf_mac, t.nonce, t.mac
    from taken t where t.refusal_reason is null
    union all
    -- the refusal record (AuditSealer builds the same event to hash and MAC it)
    select t.seq, t.refused_at, '(audit sealer)', '[]'::jsonb, null, null, null,
           t.row_hash, '[]'::jsonb, '[]'::jsonb, t.refusal_reason, 'FORGED_EVENT_REFUSED', t.leaf_hash, t.leaf_mac,
           t.refusal_nonce, t.refusal_mac
    from taken t where t.refusal_reason is not null;
    get diagnostics moved = row_count;
    if moved <> cardinality(receipts) then
        raise exception 'audit_seal: % of % receipts are staged', moved, cardinality(receipts)
            using errcode = 'invalid_parameter_value';
    end if;
    update audit_chain_head h set size = head + moved, frontier = audit_seal.frontier where h.id = 1;
    return moved;
end
$$;

-- A fixed search path (the schema migrated into; pg_catalog first, temporary objects last), so that
-- no caller's objects stand in for the tables; only the roles granted may call them.
do $$
begin
    execute format('alter function audit_lock_chain_head() set search_path = %I, pg_temp', current_schema());
    execute format('alter function audit_seal(bigint[], bigint[], bytea[], bytea[], timestamptz[], varchar[], varchar[], '
                   'uuid[], bytea[], bytea) set search_path = %I, pg_temp', current_schema());
end
$$;
revoke execute on function audit_lock_chain_head() from public;
revoke execute on function audit_seal(bigint[], bigint[], bytea[], bytea[], timestamptz[], varchar[], varchar[], uuid[],
                                      bytea[], bytea) from public;
/* [jooq ignore stop] */
