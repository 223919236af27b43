-- People whose data key was destroyed by erasure (eraseDetainee). Kept so that no new data key is
-- ever created for them: a later write of personal data about an erased person is refused instead
-- of quietly starting a new identity record under a fresh key. Holds no personal data: the id only.
create table erased_subject (
    subject_id  uuid primary key,
    erased_at   timestamp with time zone not null default now()
);
