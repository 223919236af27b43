package org.prisonerregistry.audit;

import static org.prisonerregistry.db.Tables.ACCESS_ALERT;
import static org.prisonerregistry.db.Tables.SPECIAL_READ;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.prisonerregistry.db.tables.records.AccessAlertRecord;
import org.springframework.stereotype.Repository;

/** The alert state of V8: recent SPECIAL reads per account, and the alerts raised and cleared. */
@Repository
class AccessAlertRepository {

    private final DSLContext db;

    AccessAlertRepository(DSLContext db) {
        this.db = db;
    }

    boolean hasOpenAlert(String account) {
        return db.fetchExists(ACCESS_ALERT, ACCESS_ALERT.ACCOUNT.eq(account).and(ACCESS_ALERT.CLEARED_AT.isNull()));
    }

    /**
     * Notes that the account read SPECIAL data of these persons now, forgets its reads from before
     * {@code since}, and answers how many different persons it read since then: one statement, since
     * it runs for every operation that reads SPECIAL data. (The statement sees the table as it was
     * before its own insert, so the count adds the persons upserted to the others still in the window.)
     */
    int recordReadsAndCount(String account, Collection<String> persons, OffsetDateTime now, OffsetDateTime since) {
        // sorted, so that two requests of one account lock the rows in the same order
        String[] sorted = persons.stream().sorted().distinct().toArray(String[]::new);
        return db.resultQuery("""
                        with persons as (select unnest(cast({3} as varchar[])) as person),
                        stale as (
                            delete from special_read where account = {0} and last_read_at < {1}
                                and person not in (select person from persons)),
                        upserted as (
                            insert into special_read (account, person, last_read_at)
                            select {0}, person, {2} from persons order by person
                            on conflict (account, person) do update set last_read_at = excluded.last_read_at
                            returning person)
                        select (select count(*) from upserted)
                             + (select count(*) from special_read where account = {0} and last_read_at >= {1}
                                    and person not in (select person from persons))""",
                        DSL.val(account), DSL.val(since), DSL.val(now), DSL.val(sorted))
                .fetchSingle(0, int.class);
    }

    /** Raises an alert unless one is open already; true when this call raised it. */
    boolean raise(String account, OffsetDateTime now, int distinctPersons, int windowSeconds) {
        return db.insertInto(ACCESS_ALERT)
                .set(ACCESS_ALERT.ID, UUID.randomUUID())
                .set(ACCESS_ALERT.ACCOUNT, account)
                .set(ACCESS_ALERT.RAISED_AT, now)
                .set(ACCESS_ALERT.DISTINCT_PERSONS, distinctPersons)
                .set(ACCESS_ALERT.WINDOW_SECONDS, windowSeconds)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Clears the account's open alert and starts its count afresh; empty when none was open. */
    Optional<AccessAlert> clear(String account, String clearedBy, OffsetDateTime now) {
        Optional<AccessAlert> cleared = db.update(ACCESS_ALERT)
                .set(ACCESS_ALERT.CLEARED_AT, now)
                .set(ACCESS_ALERT.CLEARED_BY, clearedBy)
                .where(ACCESS_ALERT.ACCOUNT.eq(account).and(ACCESS_ALERT.CLEARED_AT.isNull()))
                .returning()
                .fetchOptional(AccessAlertRepository::toAlert);
        cleared.ifPresent(alert -> db.deleteFrom(SPECIAL_READ).where(SPECIAL_READ.ACCOUNT.eq(account)).execute());
        return cleared;
    }

    List<AccessAlert> open() {
        return db.selectFrom(ACCESS_ALERT).where(ACCESS_ALERT.CLEARED_AT.isNull()).orderBy(ACCESS_ALERT.RAISED_AT)
                .fetch(AccessAlertRepository::toAlert);
    }

    private static AccessAlert toAlert(AccessAlertRecord r) {
        return new AccessAlert(r.getId(), r.getAccount(), r.getRaisedAt(), r.getDistinctPersons(), r.getWindowSeconds(),
                r.getClearedAt(), r.getClearedBy());
    }
}
