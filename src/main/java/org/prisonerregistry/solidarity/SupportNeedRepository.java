package org.prisonerregistry.solidarity;

import static org.prisonerregistry.db.Tables.SUPPORT_NEED;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.prisonerregistry.db.tables.records.SupportNeedRecord;
import org.springframework.stereotype.Repository;

/**
 * Support needs. The description is written only in {@link #write} and read only in {@link #toNeed},
 * so that encrypting it (RESTRICTED, SPECIAL for HEALTH and PSYCHOLOGICAL) changes these two methods alone.
 */
@Repository
class SupportNeedRepository {

    private final DSLContext db;

    SupportNeedRepository(DSLContext db) {
        this.db = db;
    }

    /** Needs of each detainee, most recently recorded first: one query for any number of detainees. */
    Map<UUID, List<SupportNeed>> byDetainees(Collection<UUID> detaineeIds) {
        return db.selectFrom(SUPPORT_NEED).where(SUPPORT_NEED.DETAINEE_ID.in(detaineeIds))
                .orderBy(SUPPORT_NEED.RECORDED_ON.desc(), SUPPORT_NEED.RECORDED_AT.desc(), SUPPORT_NEED.ID)
                .fetchGroups(SUPPORT_NEED.DETAINEE_ID, SupportNeedRepository::toNeed);
    }

    /** The need, locked for the rest of the transaction so that concurrent updates queue up. */
    Optional<SupportNeed> lockById(UUID id) {
        return db.selectFrom(SUPPORT_NEED).where(SUPPORT_NEED.ID.eq(id)).forUpdate()
                .fetchOptional(SupportNeedRepository::toNeed);
    }

    void insert(SupportNeed n) {
        SupportNeedRecord r = db.newRecord(SUPPORT_NEED);
        write(r, n);
        r.setId(n.id());
        r.setDetaineeId(n.detaineeId());
        r.setCategory(n.category().name());
        r.setRecordedOn(n.recordedOn());
        r.setRecordedAt(n.recordedAt());
        r.insert();
    }

    /** Writes {@code n} if the stored version is still {@code n.version() - 1}; false if someone else changed it. */
    boolean update(SupportNeed n) {
        SupportNeedRecord r = db.newRecord(SUPPORT_NEED);
        write(r, n);
        return db.update(SUPPORT_NEED).set(r)
                .where(SUPPORT_NEED.ID.eq(n.id()).and(SUPPORT_NEED.VERSION.eq(n.version() - 1)))
                .execute() == 1;
    }

    /** Columns that an update may change. The whole need is passed because its category decides the data class. */
    private static void write(SupportNeedRecord r, SupportNeed n) {
        r.setDescription(n.description());
        r.setStatus(n.status().name());
        r.setVersion(n.version());
    }

    private static SupportNeed toNeed(SupportNeedRecord r) {
        return new SupportNeed(r.getId(), r.getDetaineeId(), NeedCategory.valueOf(r.getCategory()), r.getDescription(),
                NeedStatus.valueOf(r.getStatus()), r.getRecordedOn(), r.getRecordedAt(), r.getVersion());
    }
}
