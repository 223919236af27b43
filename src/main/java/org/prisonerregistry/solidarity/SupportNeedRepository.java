package org.prisonerregistry.solidarity;

import static org.prisonerregistry.db.Tables.SUPPORT_NEED;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.prisonerregistry.db.tables.records.SupportNeedRecord;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.SubjectKind;
import org.prisonerregistry.keys.Sealed;
import org.prisonerregistry.keys.SealedPage;
import org.prisonerregistry.keys.SubjectSealer;
import org.springframework.stereotype.Repository;

/**
 * Support needs. The description (RESTRICTED, SPECIAL for HEALTH and PSYCHOLOGICAL) is stored sealed under
 * the detainee's data key: it is sealed only in {@link #write} and handed up sealed by {@link #toNeed}. Health
 * and other descriptions share the column and the key; the API keeps them apart (see {@link SupportNeed}).
 */
@Repository
class SupportNeedRepository {

    private final DSLContext db;
    private final FieldSealing sealing;

    SupportNeedRepository(DSLContext db, FieldSealing sealing) {
        this.db = db;
        this.sealing = sealing;
    }

    /** Needs of each detainee, most recently recorded first: one query for any number of detainees. */
    Map<UUID, List<SupportNeed>> byDetainees(Collection<UUID> detaineeIds) {
        List<SupportNeedRecord> rows = db.selectFrom(SUPPORT_NEED).where(SUPPORT_NEED.DETAINEE_ID.in(detaineeIds))
                .orderBy(SUPPORT_NEED.RECORDED_ON.desc(), SUPPORT_NEED.RECORDED_AT.desc(), SUPPORT_NEED.ID)
                .fetch();
        SealedPage page = sealing.page(subjectsWithSealedFields(rows));
        return rows.stream().collect(Collectors.groupingBy(SupportNeedRecord::getDetaineeId,
                Collectors.mapping(r -> toNeed(r, page), Collectors.toList())));
    }

    /**
     * The need, locked for the rest of the transaction so that concurrent updates queue up, its
     * description opened and in hand (its key destroyed already): an update merges and writes it.
     */
    Optional<SupportNeed> lockById(UUID id) {
        Optional<SupportNeedRecord> row = db.selectFrom(SUPPORT_NEED).where(SUPPORT_NEED.ID.eq(id)).forUpdate()
                .fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try (SealedPage page = sealing.page(subjectsWithSealedFields(List.of(row.get())))) {
            SupportNeed n = toNeed(row.get(), page);
            return Optional.of(new SupportNeed(n.id(), n.detaineeId(), n.category(), Sealed.inHand(n.description().open()),
                    n.status(), n.recordedOn(), n.recordedAt(), n.version()));
        }
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

    /**
     * Writes {@code n} if the stored version is still {@code n.version() - 1}; false if someone else changed it.
     * The description is sealed afresh (a new nonce), changed or not.
     */
    boolean update(SupportNeed n) {
        SupportNeedRecord r = db.newRecord(SUPPORT_NEED);
        write(r, n);
        return db.update(SUPPORT_NEED).set(r)
                .where(SUPPORT_NEED.ID.eq(n.id()).and(SUPPORT_NEED.VERSION.eq(n.version() - 1)))
                .execute() == 1;
    }

    /** Columns that an update may change. The whole need is passed because its category decides the data class. */
    private void write(SupportNeedRecord r, SupportNeed n) {
        try (SubjectSealer sealer = sealing.sealerFor(n.detaineeId(), SubjectKind.DETAINEE)) {
            r.setDescription(sealer.seal(SUPPORT_NEED.DESCRIPTION, n.id(), n.description().open()));
        }
        r.setStatus(n.status().name());
        r.setVersion(n.version());
    }

    /** Whose keys a page needs, should anything be opened: only people with a sealed value in it. */
    private static Set<UUID> subjectsWithSealedFields(List<SupportNeedRecord> rows) {
        return rows.stream().filter(r -> r.getDescription() != null).map(SupportNeedRecord::getDetaineeId)
                .collect(Collectors.toSet());
    }

    private static SupportNeed toNeed(SupportNeedRecord r, SealedPage page) {
        return new SupportNeed(r.getId(), r.getDetaineeId(), NeedCategory.valueOf(r.getCategory()),
                page.text(SUPPORT_NEED.DESCRIPTION, r.getId(), r.getDetaineeId(), r.getDescription()),
                NeedStatus.valueOf(r.getStatus()), r.getRecordedOn(), r.getRecordedAt(), r.getVersion());
    }
}
