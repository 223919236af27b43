package org.prisonerregistry.legal;

import static org.jooq.impl.DSL.min;
import static org.prisonerregistry.db.Tables.CHARGE;
import static org.prisonerregistry.db.Tables.COURT_CASE;
import static org.prisonerregistry.db.Tables.DETENTION;
import static org.prisonerregistry.db.Tables.HEARING;
import static org.prisonerregistry.db.Tables.SENTENCE;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.prisonerregistry.db.tables.records.ChargeRecord;
import org.prisonerregistry.db.tables.records.CourtCaseRecord;
import org.prisonerregistry.db.tables.records.HearingRecord;
import org.prisonerregistry.db.tables.records.SentenceRecord;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.SubjectKind;
import org.prisonerregistry.keys.Sealed;
import org.prisonerregistry.keys.SealedPage;
import org.prisonerregistry.keys.SubjectSealer;
import org.springframework.stereotype.Repository;

/**
 * Cases with their charges, hearings and sentences. Every read of a list is one query for any number of owners.
 * A case's numbers (RUC, RIT, other) and legal notes are stored sealed under the detainee's data key: sealed in
 * {@link #changeable} and handed up sealed by {@link #toCase}. Nothing searches them in SQL.
 */
@Repository
class CaseRepository {

    private final DSLContext db;
    private final FieldSealing sealing;

    CaseRepository(DSLContext db, FieldSealing sealing) {
        this.db = db;
        this.sealing = sealing;
    }

    Map<UUID, List<CourtCase>> byDetainees(Collection<UUID> detaineeIds) {
        List<CourtCaseRecord> rows = db.selectFrom(COURT_CASE).where(COURT_CASE.DETAINEE_ID.in(detaineeIds))
                .orderBy(COURT_CASE.RECORDED_AT, COURT_CASE.ID).fetch();
        SealedPage page = sealing.page(subjectsWithSealedFields(rows));
        return rows.stream().collect(Collectors.groupingBy(CourtCaseRecord::getDetaineeId,
                Collectors.mapping(r -> toCase(r, page), Collectors.toList())));
    }

    Optional<CourtCase> byId(UUID id) {
        return db.selectFrom(COURT_CASE).where(COURT_CASE.ID.eq(id)).fetchOptional()
                .map(r -> toCase(r, sealing.page(subjectsWithSealedFields(List.of(r)))));
    }

    /**
     * The case, locked for the rest of the transaction so that concurrent updates queue up, its
     * sealed columns opened and in hand (its keys destroyed already): an update merges and writes them all.
     */
    Optional<CourtCase> lockById(UUID id) {
        return db.selectFrom(COURT_CASE).where(COURT_CASE.ID.eq(id)).forUpdate().fetchOptional().map(r -> {
            try (SealedPage page = sealing.page(subjectsWithSealedFields(List.of(r)))) {
                CourtCase c = toCase(r, page);
                return new CourtCase(c.id(), c.detaineeId(), c.country(), c.court(), Sealed.inHand(c.ruc().open()),
                        Sealed.inHand(c.rit().open()), Sealed.inHand(c.caseNumber().open()), c.prosecutor(), c.stage(),
                        Sealed.inHand(c.legalNotes().open()), c.source(), c.recordedAt(), c.version());
            }
        });
    }

    void insert(CourtCase c) {
        try (SubjectSealer sealer = sealing.sealerFor(c.detaineeId(), SubjectKind.DETAINEE)) {
            db.insertInto(COURT_CASE)
                    .set(COURT_CASE.ID, c.id())
                    .set(COURT_CASE.DETAINEE_ID, c.detaineeId())
                    .set(COURT_CASE.COUNTRY, c.country())
                    .set(changeable(c, sealer))
                    .set(COURT_CASE.RECORDED_AT, c.recordedAt())
                    .set(COURT_CASE.VERSION, c.version())
                    .execute();
        }
    }

    /**
     * Writes {@code c} if the stored version is still {@code c.version() - 1}; false if someone else changed it.
     * Every sealed column is sealed afresh (a new nonce), changed or not.
     */
    boolean update(CourtCase c) {
        try (SubjectSealer sealer = sealing.sealerFor(c.detaineeId(), SubjectKind.DETAINEE)) {
            return db.update(COURT_CASE)
                    .set(changeable(c, sealer))
                    .set(COURT_CASE.VERSION, c.version())
                    .where(COURT_CASE.ID.eq(c.id()).and(COURT_CASE.VERSION.eq(c.version() - 1)))
                    .execute() == 1;
        }
    }

    Map<UUID, List<Charge>> chargesOf(Collection<UUID> caseIds) {
        return db.selectFrom(CHARGE).where(CHARGE.CASE_ID.in(caseIds))
                .orderBy(CHARGE.RECORDED_AT, CHARGE.ID)
                .fetchGroups(CHARGE.CASE_ID, CaseRepository::toCharge);
    }

    /** The charge, locked for the rest of the transaction. */
    Optional<Charge> lockCharge(UUID id) {
        return db.selectFrom(CHARGE).where(CHARGE.ID.eq(id)).forUpdate().fetchOptional(CaseRepository::toCharge);
    }

    void insert(Charge c) {
        db.insertInto(CHARGE)
                .set(CHARGE.ID, c.id())
                .set(CHARGE.CASE_ID, c.caseId())
                .set(CHARGE.PROVISION_ID, c.provisionId())
                .set(CHARGE.OUTCOME, c.outcome().name())
                .set(CHARGE.SOURCE, c.source())
                .set(CHARGE.RECORDED_AT, c.recordedAt())
                .set(CHARGE.VERSION, c.version())
                .execute();
    }

    /** Writes the outcome of {@code c} if the stored version is still {@code c.version() - 1}. */
    boolean updateOutcome(Charge c) {
        return db.update(CHARGE)
                .set(CHARGE.OUTCOME, c.outcome().name())
                .set(CHARGE.SOURCE, c.source())
                .set(CHARGE.VERSION, c.version())
                .where(CHARGE.ID.eq(c.id()).and(CHARGE.VERSION.eq(c.version() - 1)))
                .execute() == 1;
    }

    /** Hearings of each case, earliest first. */
    Map<UUID, List<Hearing>> hearingsOf(Collection<UUID> caseIds) {
        return db.selectFrom(HEARING).where(HEARING.CASE_ID.in(caseIds))
                .orderBy(HEARING.HELD_ON, HEARING.RECORDED_AT, HEARING.ID)
                .fetchGroups(HEARING.CASE_ID, CaseRepository::toHearing);
    }

    void insert(Hearing h) {
        db.insertInto(HEARING)
                .set(HEARING.ID, h.id())
                .set(HEARING.CASE_ID, h.caseId())
                .set(HEARING.HELD_ON, h.heldOn())
                .set(HEARING.KIND, h.kind().name())
                .set(HEARING.OUTCOME, h.outcome())
                .set(HEARING.SOURCE, h.source())
                .set(HEARING.RECORDED_AT, h.recordedAt())
                .execute();
    }

    /** Sentences of each case, earliest imposed first. */
    Map<UUID, List<Sentence>> sentencesOf(Collection<UUID> caseIds) {
        return db.selectFrom(SENTENCE).where(SENTENCE.CASE_ID.in(caseIds))
                .orderBy(SENTENCE.IMPOSED_ON, SENTENCE.RECORDED_AT, SENTENCE.ID)
                .fetchGroups(SENTENCE.CASE_ID, CaseRepository::toSentence);
    }

    void insert(Sentence s) {
        db.insertInto(SENTENCE)
                .set(SENTENCE.ID, s.id())
                .set(SENTENCE.CASE_ID, s.caseId())
                .set(SENTENCE.IMPOSED_ON, s.imposedOn())
                .set(SENTENCE.COURT, s.court())
                .set(SENTENCE.TERM_YEARS, s.termYears())
                .set(SENTENCE.TERM_MONTHS, s.termMonths())
                .set(SENTENCE.TERM_DAYS, s.termDays())
                .set(SENTENCE.REGIME, s.regime().name())
                .set(SENTENCE.STARTS_ON, s.startsOn())
                .set(SENTENCE.FINE_AMOUNT, s.fineAmount())
                .set(SENTENCE.FINE_CURRENCY, s.fineCurrency())
                .set(SENTENCE.APPEAL_STATUS, s.appealStatus().name())
                .set(SENTENCE.SOURCE, s.source())
                .set(SENTENCE.RECORDED_AT, s.recordedAt())
                .set(SENTENCE.VERSION, s.version())
                .execute();
    }

    /** The day of the person's earliest recorded arrest, if any detention is recorded. */
    Optional<LocalDate> firstArrestOf(UUID detaineeId) {
        return Optional.ofNullable(db.select(min(DETENTION.ARRESTED_ON)).from(DETENTION)
                .where(DETENTION.DETAINEE_ID.eq(detaineeId)).fetchOne(0, LocalDate.class));
    }

    /** Columns that {@code updateCase} may change, each set explicitly so that null clears it. */
    private static Map<Field<?>, Object> changeable(CourtCase c, SubjectSealer sealer) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COURT_CASE.COURT, c.court());
        values.put(COURT_CASE.RUC, sealer.seal(COURT_CASE.RUC, c.id(), c.ruc().open()));
        values.put(COURT_CASE.RIT, sealer.seal(COURT_CASE.RIT, c.id(), c.rit().open()));
        values.put(COURT_CASE.CASE_NUMBER, sealer.seal(COURT_CASE.CASE_NUMBER, c.id(), c.caseNumber().open()));
        values.put(COURT_CASE.PROSECUTOR, c.prosecutor());
        values.put(COURT_CASE.STAGE, c.stage().name());
        values.put(COURT_CASE.LEGAL_NOTES, sealer.seal(COURT_CASE.LEGAL_NOTES, c.id(), c.legalNotes().open()));
        values.put(COURT_CASE.SOURCE, c.source());
        return values;
    }

    /** Whose keys a page needs, should anything be opened: only people with a sealed value in it. */
    private static Set<UUID> subjectsWithSealedFields(List<CourtCaseRecord> rows) {
        return rows.stream()
                .filter(r -> r.getRuc() != null || r.getRit() != null || r.getCaseNumber() != null
                        || r.getLegalNotes() != null)
                .map(CourtCaseRecord::getDetaineeId).collect(Collectors.toSet());
    }

    private static CourtCase toCase(CourtCaseRecord r, SealedPage page) {
        UUID id = r.getId();
        UUID person = r.getDetaineeId();
        return new CourtCase(id, person, r.getCountry(), r.getCourt(),
                page.text(COURT_CASE.RUC, id, person, r.getRuc()),
                page.text(COURT_CASE.RIT, id, person, r.getRit()),
                page.text(COURT_CASE.CASE_NUMBER, id, person, r.getCaseNumber()), r.getProsecutor(),
                CaseStage.valueOf(r.getStage()), page.text(COURT_CASE.LEGAL_NOTES, id, person, r.getLegalNotes()),
                r.getSource(), r.getRecordedAt(), r.getVersion());
    }

    private static Charge toCharge(ChargeRecord r) {
        return new Charge(r.getId(), r.getCaseId(), r.getProvisionId(), ChargeOutcome.valueOf(r.getOutcome()),
                r.getSource(), r.getRecordedAt(), r.getVersion());
    }

    private static Hearing toHearing(HearingRecord r) {
        return new Hearing(r.getId(), r.getCaseId(), r.getHeldOn(), HearingKind.valueOf(r.getKind()), r.getOutcome(),
                r.getSource(), r.getRecordedAt());
    }

    private static Sentence toSentence(SentenceRecord r) {
        return new Sentence(r.getId(), r.getCaseId(), r.getImposedOn(), r.getCourt(), r.getTermYears(),
                r.getTermMonths(), r.getTermDays(), SentenceRegime.valueOf(r.getRegime()), r.getStartsOn(),
                r.getFineAmount(), r.getFineCurrency(), AppealStatus.valueOf(r.getAppealStatus()), r.getSource(),
                r.getRecordedAt(), r.getVersion());
    }
}
