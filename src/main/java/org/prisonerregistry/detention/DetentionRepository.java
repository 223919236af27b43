package org.prisonerregistry.detention;

import static org.prisonerregistry.db.Tables.CUSTODY_PERIOD;
import static org.prisonerregistry.db.Tables.DETENTION;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.prisonerregistry.db.tables.records.CustodyPeriodRecord;
import org.prisonerregistry.db.tables.records.DetentionRecord;
import org.jooq.DSLContext;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.SubjectKind;
import org.prisonerregistry.keys.SealedPage;
import org.prisonerregistry.keys.SubjectSealer;
import org.springframework.stereotype.Repository;

/**
 * Detentions and their custody periods. The account of ill-treatment is stored sealed under the
 * detainee's data key: it is sealed in {@link #insert(Detention)} and handed up sealed by {@link #toDetention}.
 */
@Repository
class DetentionRepository {

    private final DSLContext db;
    private final FieldSealing sealing;

    DetentionRepository(DSLContext db, FieldSealing sealing) {
        this.db = db;
        this.sealing = sealing;
    }

    /** Detentions of each detainee, most recent arrest first, with their periods: two queries for any number. */
    Map<UUID, List<Detention>> byDetainees(Collection<UUID> detaineeIds) {
        List<DetentionRecord> rows = db.selectFrom(DETENTION).where(DETENTION.DETAINEE_ID.in(detaineeIds))
                .orderBy(DETENTION.ARRESTED_ON.desc(), DETENTION.ID.desc()).fetch();
        Map<UUID, List<CustodyPeriod>> periods = periodsOf(rows.stream().map(DetentionRecord::getId).toList());
        SealedPage page = sealing.page(subjectsWithSealedFields(rows));
        return rows.stream().collect(Collectors.groupingBy(DetentionRecord::getDetaineeId, Collectors.mapping(
                r -> toDetention(r, page, periods.getOrDefault(r.getId(), List.of())), Collectors.toList())));
    }

    /** The detention, locked for the rest of the transaction so that concurrent changes queue up. */
    Optional<Detention> lockById(UUID id) {
        Optional<DetentionRecord> row = db.selectFrom(DETENTION).where(DETENTION.ID.eq(id)).forUpdate().fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<CustodyPeriod> periods = periodsOf(List.of(id)).getOrDefault(id, List.of());
        return Optional.of(toDetention(row.get(), sealing.page(subjectsWithSealedFields(List.of(row.get()))), periods));
    }

    boolean hasOpenDetention(UUID detaineeId) {
        return db.fetchExists(DETENTION, DETENTION.DETAINEE_ID.eq(detaineeId).and(DETENTION.RELEASED_ON.isNull()));
    }

    void insert(Detention d) {
        try (SubjectSealer sealer = sealing.sealerFor(d.detaineeId(), SubjectKind.DETAINEE)) {
            db.insertInto(DETENTION)
                    .set(DETENTION.ID, d.id())
                    .set(DETENTION.DETAINEE_ID, d.detaineeId())
                    .set(DETENTION.ARRESTED_ON, d.arrestedOn())
                    .set(DETENTION.ARREST_PLACE, d.arrestPlace())
                    .set(DETENTION.EVENT, d.event())
                    .set(DETENTION.ILL_TREATMENT_ALLEGED, d.illTreatmentAlleged())
                    .set(DETENTION.ILL_TREATMENT_ACCOUNT,
                            sealer.seal(DETENTION.ILL_TREATMENT_ACCOUNT, d.id(), d.illTreatmentAccount().open()))
                    .set(DETENTION.RELEASED_ON, d.releasedOn())
                    .set(DETENTION.SOURCE, d.source())
                    .set(DETENTION.RECORDED_AT, d.recordedAt())
                    .set(DETENTION.VERSION, d.version())
                    .execute();
        }
        d.custodyPeriods().forEach(this::insert);
    }

    void insert(CustodyPeriod p) {
        db.insertInto(CUSTODY_PERIOD)
                .set(CUSTODY_PERIOD.ID, p.id())
                .set(CUSTODY_PERIOD.DETENTION_ID, p.detentionId())
                .set(CUSTODY_PERIOD.REGIME, p.regime().name())
                .set(CUSTODY_PERIOD.FACILITY_ID, p.facilityId())
                .set(CUSTODY_PERIOD.STARTS_ON, p.startsOn())
                .set(CUSTODY_PERIOD.ENDS_ON, p.endsOn())
                .set(CUSTODY_PERIOD.SOURCE, p.source())
                .set(CUSTODY_PERIOD.RECORDED_AT, p.recordedAt())
                .execute();
    }

    void closePeriod(UUID periodId, LocalDate endsOn) {
        db.update(CUSTODY_PERIOD).set(CUSTODY_PERIOD.ENDS_ON, endsOn).where(CUSTODY_PERIOD.ID.eq(periodId)).execute();
    }

    /** Bumps the version of a detention whose periods changed; false if it was not at {@code expectedVersion}. */
    boolean bumpVersion(UUID detentionId, int expectedVersion, LocalDate releasedOn) {
        var update = db.update(DETENTION).set(DETENTION.VERSION, expectedVersion + 1);
        if (releasedOn != null) {
            update = update.set(DETENTION.RELEASED_ON, releasedOn);
        }
        return update.where(DETENTION.ID.eq(detentionId).and(DETENTION.VERSION.eq(expectedVersion))).execute() == 1;
    }

    private Map<UUID, List<CustodyPeriod>> periodsOf(Collection<UUID> detentionIds) {
        return db.selectFrom(CUSTODY_PERIOD).where(CUSTODY_PERIOD.DETENTION_ID.in(detentionIds))
                .orderBy(CUSTODY_PERIOD.STARTS_ON, CUSTODY_PERIOD.RECORDED_AT)
                .fetchGroups(CUSTODY_PERIOD.DETENTION_ID, DetentionRepository::toPeriod);
    }

    private static CustodyPeriod toPeriod(CustodyPeriodRecord r) {
        return new CustodyPeriod(r.getId(), r.getDetentionId(), Regime.valueOf(r.getRegime()), r.getFacilityId(),
                r.getStartsOn(), r.getEndsOn(), r.getSource(), r.getRecordedAt());
    }

    /** Whose keys a page needs, should anything be opened: only people with a sealed value in it. */
    private static Set<UUID> subjectsWithSealedFields(List<DetentionRecord> rows) {
        return rows.stream().filter(r -> r.getIllTreatmentAccount() != null).map(DetentionRecord::getDetaineeId)
                .collect(Collectors.toSet());
    }

    private static Detention toDetention(DetentionRecord r, SealedPage page, List<CustodyPeriod> periods) {
        var account = page.text(DETENTION.ILL_TREATMENT_ACCOUNT, r.getId(), r.getDetaineeId(), r.getIllTreatmentAccount());
        return new Detention(r.getId(), r.getDetaineeId(), r.getArrestedOn(), r.getArrestPlace(), r.getEvent(),
                Boolean.TRUE.equals(r.getIllTreatmentAlleged()), account, r.getReleasedOn(),
                r.getSource(), r.getRecordedAt(), r.getVersion(), periods);
    }
}
