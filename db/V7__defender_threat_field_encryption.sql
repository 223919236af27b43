-- Field encryption (DESIGN.md section 4) of everything SPECIAL about defenders and threats: each of
-- these columns now holds a ciphertext in crypto.FieldCipher's format, sealed under the defender's
-- own data key (subject_key), bound to its table, column, row, defender and key version.
-- A plaintext column cannot be turned into a ciphertext in SQL (the keys are not in the database),
-- so this migration refuses to run on a database that already holds defenders or threats rather
-- than drop their text: there has been no release, only demo and test data.

/* [jooq ignore start] */
do $$
begin
    -- Locked first, so no row can slip in between the check and the change of type.
    lock table defender, threat in access exclusive mode;
    if exists (select 1 from defender) or exists (select 1 from threat) then
        raise exception 'This database was filled before field encryption of defenders and threats (migration V7): '
            'its names, contacts, protective measures and threat accounts are stored as clear text. Nothing was changed. '
            'Start with a new data folder (REGISTRY_DATA_DIR) or an empty database and seed it again.';
    end if;
end
$$;
/* [jooq ignore stop] */

-- The tables are empty (checked above), so dropping the clear columns loses nothing; not null stays
-- where it was. (jOOQ's DDL parser, which generates the classes from these files, reads no "using".)
alter table defender drop column full_name;
alter table defender add column full_name bytea not null;
alter table defender drop column contact;
alter table defender add column contact bytea;
alter table defender drop column protective_measures;
alter table defender add column protective_measures bytea;
alter table threat drop column description;
alter table threat add column description bytea;
alter table threat drop column follow_up;
alter table threat add column follow_up bytea;

comment on column defender.full_name is
    'Ciphertext (crypto.FieldCipher format) of the full name, under the defender''s data key.';
comment on column defender.contact is
    'Ciphertext (crypto.FieldCipher format) of how to reach the defender safely, under the defender''s data key.';
comment on column defender.protective_measures is
    'Ciphertext (crypto.FieldCipher format) of the measures that protect the defender, under the defender''s data key.';
comment on column defender.login_subject is
    'Clear on purpose: a token finds its own defender record by this subject (a lawyer''s scope and the SELF audience compare it in SQL).';
comment on column threat.description is
    'Ciphertext (crypto.FieldCipher format) of what happened, under the threatened defender''s data key.';
comment on column threat.follow_up is
    'Ciphertext (crypto.FieldCipher format) of what was done about it since, under the threatened defender''s data key.';
