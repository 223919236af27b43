package org.prisonerregistry.solidarity;

import static org.prisonerregistry.db.Tables.SPONSORSHIP;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.prisonerregistry.db.tables.records.SponsorshipRecord;
import org.springframework.stereotype.Repository;

@Repository
class SponsorshipRepository {

    private final DSLContext db;

    SponsorshipRepository(DSLContext db) {
        this.db = db;
    }

    /** Sponsorships of each detainee, latest start first: one query for any number of detainees. */
    Map<UUID, List<Sponsorship>> byDetainees(Collection<UUID> detaineeIds) {
        return db.selectFrom(SPONSORSHIP).where(SPONSORSHIP.DETAINEE_ID.in(detaineeIds))
                .orderBy(SPONSORSHIP.STARTS_ON.desc(), SPONSORSHIP.RECORDED_AT.desc(), SPONSORSHIP.ID)
                .fetchGroups(SPONSORSHIP.DETAINEE_ID, SponsorshipRepository::toSponsorship);
    }

    Map<UUID, Sponsorship> byIds(Collection<UUID> ids) {
        return db.selectFrom(SPONSORSHIP).where(SPONSORSHIP.ID.in(ids))
                .fetchMap(SPONSORSHIP.ID, SponsorshipRepository::toSponsorship);
    }

    /** The sponsorship, locked against changes (not against other payments) until the transaction ends. */
    Optional<Sponsorship> shareLockById(UUID id) {
        return db.selectFrom(SPONSORSHIP).where(SPONSORSHIP.ID.eq(id)).forShare()
                .fetchOptional(SponsorshipRepository::toSponsorship);
    }

    /** The sponsorship, locked for the rest of the transaction so that changes and payments under it queue up. */
    Optional<Sponsorship> lockById(UUID id) {
        return db.selectFrom(SPONSORSHIP).where(SPONSORSHIP.ID.eq(id)).forUpdate()
                .fetchOptional(SponsorshipRepository::toSponsorship);
    }

    void insert(Sponsorship s) {
        db.insertInto(SPONSORSHIP)
                .set(SPONSORSHIP.ID, s.id())
                .set(SPONSORSHIP.DETAINEE_ID, s.detaineeId())
                .set(SPONSORSHIP.SPONSOR_ID, s.sponsorId())
                .set(SPONSORSHIP.STARTS_ON, s.startsOn())
                .set(SPONSORSHIP.ENDS_ON, s.endsOn())
                .set(SPONSORSHIP.MONTHLY_AMOUNT, s.monthlyAmount())
                .set(SPONSORSHIP.CURRENCY, s.currency())
                .set(SPONSORSHIP.RECORDED_AT, s.recordedAt())
                .set(SPONSORSHIP.VERSION, s.version())
                .execute();
    }

    /** Sets the end of the period if the sponsorship is still at {@code expectedVersion}; false otherwise. */
    boolean end(UUID id, int expectedVersion, LocalDate endsOn) {
        return db.update(SPONSORSHIP)
                .set(SPONSORSHIP.ENDS_ON, endsOn)
                .set(SPONSORSHIP.VERSION, expectedVersion + 1)
                .where(SPONSORSHIP.ID.eq(id).and(SPONSORSHIP.VERSION.eq(expectedVersion)))
                .execute() == 1;
    }

    private static Sponsorship toSponsorship(SponsorshipRecord r) {
        return new Sponsorship(r.getId(), r.getDetaineeId(), r.getSponsorId(), r.getStartsOn(), r.getEndsOn(),
                r.getMonthlyAmount(), r.getCurrency(), r.getRecordedAt(), r.getVersion());
    }
}
