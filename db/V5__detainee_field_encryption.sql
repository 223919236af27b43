-- Field encryption of the detainee table (DESIGN.md section 4): its RESTRICTED columns become
-- ciphertexts in the crypto.FieldCipher format (format byte 0x01, key-committing AES-256-GCM under
-- the person's data key, bound to table, column, row id, subject id and key version), exact-match
-- search goes through blind indexes, and a person can be erased (crypto-shredding).

-- Turning a text column into a ciphertext cannot keep its rows: "using null" would silently drop
-- every name. There has been no release, so a database that already holds detainees was filled by a
-- development build before field encryption: refuse it, change nothing, and say what to do.
/* [jooq ignore start] */
do $$
begin
    if exists (select 1 from detainee) then
        raise exception 'This database was filled before field encryption of detainees (migration V5): their names '
            'and identity data are stored in clear and cannot be converted in place. Nothing was changed. Start with '
            'a new data folder (registry.data-dir) or an empty database, and seed it again';
    end if;
end
$$;
/* [jooq ignore stop] */

alter table detainee drop column full_name;
alter table detainee drop column aliases;
alter table detainee drop column national_id;
alter table detainee drop column date_of_birth;
alter table detainee drop column family_contact;
alter table detainee drop column notes;

-- Ciphertexts (crypto.FieldCipher format), subject = the detainee. Null once the person is erased.
alter table detainee add column full_name bytea;          -- [R] the full name
alter table detainee add column aliases bytea;            -- [R] other names, newline-separated
alter table detainee add column national_id bytea;        -- [R] the document number in normal form (kind: national_id_kind)
alter table detainee add column date_of_birth bytea;      -- [R] ISO date yyyy-mm-dd
alter table detainee add column family_contact bytea;     -- [R] how to reach the family
alter table detainee add column notes bytea;              -- [R] free-text notes

-- Blind index (crypto.BlindIndex, 16 bytes) of national_id_kind ':' the normalised number, so a
-- lookup by document finds the row without decrypting any; null when there is no document or the
-- person is erased.
alter table detainee add column national_id_index bytea;

-- When the person was erased (eraseDetainee): the data key is destroyed and every personal column
-- cleared; the row stays for statistics. Why it was erased, as a category: free text could itself
-- name the person, and could no longer be encrypted under a destroyed key.
alter table detainee add column erased_at timestamp with time zone;
alter table detainee add column erasure_reason varchar(32)
    check (erasure_reason in ('PERSON_REQUEST', 'CONSENT_WITHDRAWN', 'SAFETY', 'RECORDED_IN_ERROR', 'DUPLICATE',
                              'LEGAL_OBLIGATION', 'OTHER'));
alter table detainee add constraint detainee_named_unless_erased
    check (erased_at is not null or full_name is not null);
alter table detainee add constraint detainee_erasure_complete
    check ((erased_at is null) = (erasure_reason is null));

-- Blind indexes of the full name and of every alias (one IndexColumn "detainee"."name"), so an
-- exact-name search finds a person by any of their names.
create table detainee_name_index (
    detainee_id  uuid  not null references detainee (id),
    name_index   bytea not null
);

-- Indexes over bytea: jOOQ's DDL simulation (H2) cannot index binary columns and needs none of them.
/* [jooq ignore start] */
create index detainee_national_id_index on detainee (national_id_index);
alter table detainee_name_index add primary key (detainee_id, name_index);
create index detainee_name_index_name on detainee_name_index (name_index);
/* [jooq ignore stop] */
