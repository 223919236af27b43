-- An event staged for a page of 50 persons carries about 2.3 kB of keyed hashes, above the 2 kB at
-- which PostgreSQL compresses a row before storing it. The stage is a queue: each row is read once
-- by the sealer and deleted within a second, so compressing it buys no space and costs every audited
-- read its time (measured: the insert of such an event took about half as long without it). Rows
-- longer than a page are still moved out of line as before. The sealed log, kept for good, is
-- compressed as it was.
-- (a storage setting, nothing the generated classes know of: jOOQ's parser skips it)
/* [jooq ignore start] */
alter table audit_event_staged set (toast_tuple_target = 8160);
/* [jooq ignore stop] */
