package org.prisonerregistry.solidarity;

import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;
import static org.prisonerregistry.db.Tables.DISBURSEMENT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.prisonerregistry.db.tables.records.DisbursementRecord;
import org.springframework.stereotype.Repository;

@Repository
class DisbursementRepository {

    private final DSLContext db;

    DisbursementRepository(DSLContext db) {
        this.db = db;
    }

    /** Disbursements of each detainee, latest payment first: one query for any number of detainees. */
    Map<UUID, List<Disbursement>> byDetainees(Collection<UUID> detaineeIds) {
        return db.selectFrom(DISBURSEMENT).where(DISBURSEMENT.DETAINEE_ID.in(detaineeIds))
                .orderBy(DISBURSEMENT.PAID_ON.desc(), DISBURSEMENT.RECORDED_AT.desc(), DISBURSEMENT.ID)
                .fetchGroups(DISBURSEMENT.DETAINEE_ID, DisbursementRepository::toDisbursement);
    }

    /** Sums per detainee, currency and category, added up by PostgreSQL: one query for any number of detainees. */
    Map<UUID, List<MoneyTotal>> totalsByDetainees(Collection<UUID> detaineeIds) {
        Field<BigDecimal> total = sum(DISBURSEMENT.AMOUNT).as("total");
        return db.select(DISBURSEMENT.DETAINEE_ID, DISBURSEMENT.CURRENCY, DISBURSEMENT.CATEGORY, total)
                .from(DISBURSEMENT)
                .where(DISBURSEMENT.DETAINEE_ID.in(detaineeIds))
                .groupBy(DISBURSEMENT.DETAINEE_ID, DISBURSEMENT.CURRENCY, DISBURSEMENT.CATEGORY)
                .orderBy(DISBURSEMENT.CURRENCY, DISBURSEMENT.CATEGORY)
                .fetchGroups(DISBURSEMENT.DETAINEE_ID, r -> new MoneyTotal(r.get(DISBURSEMENT.CURRENCY),
                        DisbursementCategory.valueOf(r.get(DISBURSEMENT.CATEGORY)), r.get(total)));
    }

    /** The date of the latest payment made under the sponsorship, if any. */
    Optional<LocalDate> lastPaidOnUnder(UUID sponsorshipId) {
        return Optional.ofNullable(db.select(max(DISBURSEMENT.PAID_ON)).from(DISBURSEMENT)
                .where(DISBURSEMENT.SPONSORSHIP_ID.eq(sponsorshipId))
                .fetchSingle().value1());
    }

    void insert(Disbursement d) {
        db.insertInto(DISBURSEMENT)
                .set(DISBURSEMENT.ID, d.id())
                .set(DISBURSEMENT.DETAINEE_ID, d.detaineeId())
                .set(DISBURSEMENT.PAID_BY_ID, d.paidById())
                .set(DISBURSEMENT.SPONSORSHIP_ID, d.sponsorshipId())
                .set(DISBURSEMENT.PAID_ON, d.paidOn())
                .set(DISBURSEMENT.AMOUNT, d.amount())
                .set(DISBURSEMENT.CURRENCY, d.currency())
                .set(DISBURSEMENT.CATEGORY, d.category().name())
                .set(DISBURSEMENT.RECORDED_AT, d.recordedAt())
                .execute();
    }

    private static Disbursement toDisbursement(DisbursementRecord r) {
        return new Disbursement(r.getId(), r.getDetaineeId(), r.getPaidById(), r.getSponsorshipId(), r.getPaidOn(),
                r.getAmount(), r.getCurrency(), DisbursementCategory.valueOf(r.getCategory()), r.getRecordedAt());
    }
}
