-- One data key per subject (detainee, defender), stored only wrapped under a master key of the
-- keyring (crypto.SubjectKeys). Deleting a subject's rows destroys the key: crypto-shredding.
-- No foreign key to detainee or defender on purpose: one table serves both kinds, and an erased
-- person's row may outlive their key.
create table subject_key (
    subject_id       uuid        not null,
    subject_kind     varchar(16) not null check (subject_kind in ('DETAINEE', 'DEFENDER')),
    data_key_version integer     not null check (data_key_version >= 1),
    wrapped          bytea       not null,
    -- Copied from the wrapped key's header, so rotation can find and count what is left to rewrap.
    master_version   integer     not null check (master_version >= 1),
    created_at       timestamptz not null default now(),
    primary key (subject_id, data_key_version)
);

create index subject_key_master_version on subject_key (master_version);
