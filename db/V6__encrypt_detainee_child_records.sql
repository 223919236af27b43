-- Field encryption (issue 4) of the RESTRICTED and SPECIAL columns of a detainee's detentions, court
-- cases and support needs. Each becomes a ciphertext in crypto.FieldCipher's format (version byte,
-- AES-256-GCM with key commitment), sealed under the detainee's data key with its place (table,
-- column, row id, detainee id, key version) as associated data. The detainee is the subject of every
-- row here. Nothing filters, sorts or compares on these columns in SQL, so none needs a blind index.

-- Converting in place would have to drop the plaintexts (there is no key in SQL to encrypt them), so
-- a database that already holds rows here is refused rather than silently emptied.
/* [jooq ignore start] */
do $$
begin
    if exists (select 1 from detention) or exists (select 1 from court_case) or exists (select 1 from support_need) then
        raise exception 'This database was filled before field encryption of detentions, court cases and support needs: their plaintext columns cannot be converted in place, so nothing was changed. Start with a new data folder (or an empty database) and seed it again.'
            using errcode = 'object_not_in_prerequisite_state';
    end if;
end
$$;
/* [jooq ignore stop] */

alter table detention drop column ill_treatment_account;
alter table detention add column ill_treatment_account bytea;
comment on column detention.ill_treatment_account is
    'RESTRICTED ciphertext (crypto.FieldCipher format): the account of torture or ill-treatment.';

alter table court_case drop column ruc;
alter table court_case add column ruc bytea;
comment on column court_case.ruc is
    'RESTRICTED ciphertext (crypto.FieldCipher format): Chile''s Rol Único de Causa, in normal form.';

alter table court_case drop column rit;
alter table court_case add column rit bytea;
comment on column court_case.rit is
    'RESTRICTED ciphertext (crypto.FieldCipher format): Chile''s Rol Interno del Tribunal, in normal form.';

alter table court_case drop column case_number;
alter table court_case add column case_number bytea;
comment on column court_case.case_number is
    'RESTRICTED ciphertext (crypto.FieldCipher format): the case number in other jurisdictions.';

alter table court_case drop column legal_notes;
alter table court_case add column legal_notes bytea;
comment on column court_case.legal_notes is
    'RESTRICTED ciphertext (crypto.FieldCipher format): the lawyers'' notes on the case.';

alter table support_need drop column description;
alter table support_need add column description bytea;
comment on column support_need.description is
    'Ciphertext (crypto.FieldCipher format) of what is needed: RESTRICTED; SPECIAL (health data) for HEALTH and PSYCHOLOGICAL.';
