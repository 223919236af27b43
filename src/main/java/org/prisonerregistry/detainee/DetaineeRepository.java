package org.prisonerregistry.detainee;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.selectOne;
import static org.prisonerregistry.db.Sequences.DETAINEE_PUBLIC_CODE_SEQ;
import static org.prisonerregistry.db.Tables.CASELOAD;
import static org.prisonerregistry.db.Tables.CHARGE;
import static org.prisonerregistry.db.Tables.COURT_CASE;
import static org.prisonerregistry.db.Tables.CUSTODY_PERIOD;
import static org.prisonerregistry.db.Tables.DEFENDER;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.DETAINEE_NAME_INDEX;
import static org.prisonerregistry.db.Tables.DETENTION;
import static org.prisonerregistry.db.Tables.LAWYER_ASSIGNMENT;
import static org.prisonerregistry.db.Tables.LEGAL_PROVISION;
import static org.prisonerregistry.db.Tables.ORGANISATION;
import static org.prisonerregistry.db.Tables.RECOGNITION;
import static org.prisonerregistry.db.Tables.SPONSORSHIP;
import static org.prisonerregistry.db.Tables.SUPPORT_NEED;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.prisonerregistry.access.DetaineeScope;
import org.prisonerregistry.db.tables.Detention;
import org.prisonerregistry.db.tables.records.DetaineeRecord;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.Sealed;
import org.prisonerregistry.keys.SealedPage;
import org.prisonerregistry.keys.SubjectKind;
import org.prisonerregistry.keys.SubjectSealer;
import org.springframework.stereotype.Repository;

/**
 * Detainees and what hangs directly off them (caseloads, recognitions, name indexes). The personal
 * columns are ciphertexts: sealed here under the person's data key on every write, and handed up
 * sealed on every read, a page sharing one key read, to be opened only where a plaintext is needed.
 */
@Repository
class DetaineeRepository {

    private final DSLContext db;
    private final FieldSealing sealing;
    private final DetaineeBlindIndexes indexes;

    DetaineeRepository(DSLContext db, FieldSealing sealing) {
        this.db = db;
        this.sealing = sealing;
        this.indexes = new DetaineeBlindIndexes(sealing);
    }

    String nextPublicCode(String country, int year) {
        long n = db.nextval(DETAINEE_PUBLIC_CODE_SEQ);
        return "%s-%d-%06d".formatted(country, year, n);
    }

    Optional<Detainee> byId(UUID id, DetaineeScope scope) {
        return sealed(db.selectFrom(DETAINEE).where(DETAINEE.ID.eq(id)).and(reachedBy(scope)).fetch()).stream().findFirst();
    }

    /**
     * The detainee with every personal field opened and in hand, its keys destroyed already: for an
     * update, which merges and writes them all.
     */
    Optional<Detainee> byIdInHand(UUID id, DetaineeScope scope) {
        List<DetaineeRecord> rows = db.selectFrom(DETAINEE).where(DETAINEE.ID.eq(id)).and(reachedBy(scope)).fetch();
        try (SealedPage page = pageOf(rows)) {
            return rows.stream().findFirst().map(r -> inHand(toDetainee(r, page)));
        }
    }

    Optional<String> countryOf(UUID id, DetaineeScope scope) {
        return db.select(DETAINEE.COUNTRY).from(DETAINEE).where(DETAINEE.ID.eq(id)).and(reachedBy(scope)).fetchOptional(r -> r.value1());
    }

    boolean existsById(UUID id, DetaineeScope scope) {
        return db.fetchExists(DETAINEE, DETAINEE.ID.eq(id).and(reachedBy(scope)));
    }

    /** Whether the detainee, if the scope reaches them, has been erased; empty when not reached. */
    Optional<Boolean> erased(UUID id, DetaineeScope scope) {
        return db.select(DETAINEE.ERASED_AT.isNotNull()).from(DETAINEE).where(DETAINEE.ID.eq(id)).and(reachedBy(scope))
                .fetchOptional(r -> r.value1());
    }

    /**
     * The detainees in scope whose document has this number, in public-code order: candidates from
     * the blind index, kept only if the decrypted document is the one searched for.
     */
    List<Detainee> byNationalId(String number, DetaineeScope scope) {
        List<byte[]> candidates = indexes.nationalIdCandidates(number);
        if (candidates.isEmpty()) {
            return List.of();
        }
        return sealed(db.selectFrom(DETAINEE)
                .where(DETAINEE.NATIONAL_ID_INDEX.in(candidates)).and(reachedBy(scope))
                .orderBy(DETAINEE.PUBLIC_CODE)
                .fetch()).stream()
                .filter(d -> DetaineeBlindIndexes.sameNationalId(d.nationalId().open(), number))
                .toList();
    }

    /** Up to {@code limit} detainees after the public code {@code afterCode}, in public-code order. */
    List<Detainee> page(DetaineeFilter filter, DetaineeScope scope, String afterCode, int limit) {
        Condition after = afterCode == null ? noCondition() : DETAINEE.PUBLIC_CODE.gt(afterCode);
        List<Detainee> rows = sealed(db.selectFrom(DETAINEE)
                .where(matching(filter)).and(reachedBy(scope)).and(after)
                .orderBy(DETAINEE.PUBLIC_CODE)
                .limit(limit)
                .fetch());
        if (filter.name() == null) {
            return rows;
        }
        // A 128-bit index practically never matches another name; were it to, the row is dropped here.
        return rows.stream().filter(d -> DetaineeBlindIndexes.isNamed(d, filter.name())).toList();
    }

    int count(DetaineeFilter filter, DetaineeScope scope) {
        return db.fetchCount(DETAINEE, matching(filter).and(reachedBy(scope)));
    }

    /**
     * The rows a scope reaches, as SQL, so that rows out of scope are never read, listed or counted:
     * the organisation's caseload, and the people the lawyer is actively assigned to.
     */
    private static Condition reachedBy(DetaineeScope scope) {
        if (scope.everyone()) {
            return noCondition();
        }
        Condition reached = falseCondition();
        if (scope.caseloadOrganisationCode() != null) {
            reached = reached.or(exists(selectOne().from(CASELOAD)
                    .join(ORGANISATION).on(ORGANISATION.ID.eq(CASELOAD.ORGANISATION_ID))
                    .where(CASELOAD.DETAINEE_ID.eq(DETAINEE.ID))
                    .and(ORGANISATION.CODE.eq(scope.caseloadOrganisationCode()))));
        }
        if (scope.assignedLawyerSubject() != null) {
            reached = reached.or(exists(selectOne().from(LAWYER_ASSIGNMENT)
                    .join(DEFENDER).on(DEFENDER.ID.eq(LAWYER_ASSIGNMENT.DEFENDER_ID))
                    .where(LAWYER_ASSIGNMENT.DETAINEE_ID.eq(DETAINEE.ID))
                    .and(LAWYER_ASSIGNMENT.UNASSIGNED_ON.isNull())
                    .and(DEFENDER.LOGIN_SUBJECT.eq(scope.assignedLawyerSubject()))));
        }
        return reached;
    }

    void insert(Detainee d) {
        DetaineeRecord r = db.newRecord(DETAINEE);
        write(r, d);
        r.setId(d.id());
        r.setPublicCode(d.publicCode());
        r.setCountry(d.country());
        r.setRecordedAt(d.recordedAt());
        r.setUpdatedAt(d.recordedAt());
        r.setVersion(d.version());
        r.insert();
        insertNameIndexes(d);
    }

    /**
     * Writes {@code d}, every personal column sealed anew, if the stored version is still
     * {@code d.version() - 1} and the person has not been erased meanwhile; false otherwise.
     */
    boolean update(Detainee d) {
        DetaineeRecord r = db.newRecord(DETAINEE);
        write(r, d);
        r.setUpdatedAt(OffsetDateTime.now());
        r.setVersion(d.version());
        r.changed(DETAINEE.ID, false);
        boolean written = db.update(DETAINEE).set(r)
                .where(DETAINEE.ID.eq(d.id()).and(DETAINEE.VERSION.eq(d.version() - 1)).and(DETAINEE.ERASED_AT.isNull()))
                .execute() == 1;
        if (written) {
            db.deleteFrom(DETAINEE_NAME_INDEX).where(DETAINEE_NAME_INDEX.DETAINEE_ID.eq(d.id())).execute();
            insertNameIndexes(d);
        }
        return written;
    }

    private void insertNameIndexes(Detainee d) {
        var insert = db.insertInto(DETAINEE_NAME_INDEX, DETAINEE_NAME_INDEX.DETAINEE_ID, DETAINEE_NAME_INDEX.NAME_INDEX);
        List<byte[]> names = indexes.names(d.fullName().open(), d.aliases().open());
        for (byte[] name : names) {
            insert = insert.values(d.id(), name);
        }
        if (!names.isEmpty()) {
            insert.execute();
        }
    }

    /** The detainee's public code and erasure time, locked until the transaction ends; empty if there is no such row. */
    Optional<ErasureTarget> lockForErasure(UUID id) {
        return db.select(DETAINEE.PUBLIC_CODE, DETAINEE.ERASED_AT, DETAINEE.ERASURE_REASON).from(DETAINEE)
                .where(DETAINEE.ID.eq(id))
                .forUpdate()
                .fetchOptional(r -> new ErasureTarget(r.value1(), r.value2(),
                        r.value3() == null ? null : ErasureReason.valueOf(r.value3())));
    }

    /** A detainee row as erasure finds it. */
    record ErasureTarget(String publicCode, OffsetDateTime erasedAt, ErasureReason reason) {}

    /**
     * Leaves the anonymous row that statistics count: every personal column and blind index cleared,
     * and the clear columns that could single the person out (commune, source, last contact, document
     * kind, a recognition's source) too. Country, region, gender, affiliation, birth year and
     * nationality stay, as do the caseloads and recognitions themselves.
     */
    void erase(UUID id, ErasureReason reason, OffsetDateTime at) {
        db.update(DETAINEE)
                .set(DETAINEE.FULL_NAME, (byte[]) null)
                .set(DETAINEE.ALIASES, (byte[]) null)
                .set(DETAINEE.NATIONAL_ID, (byte[]) null)
                .set(DETAINEE.NATIONAL_ID_KIND, (String) null)
                .set(DETAINEE.NATIONAL_ID_INDEX, (byte[]) null)
                .set(DETAINEE.DATE_OF_BIRTH, (byte[]) null)
                .set(DETAINEE.FAMILY_CONTACT, (byte[]) null)
                .set(DETAINEE.NOTES, (byte[]) null)
                .set(DETAINEE.COMMUNE, (String) null)
                .set(DETAINEE.SOURCE, (String) null)
                .set(DETAINEE.LAST_CONTACT_ON, (LocalDate) null)
                .set(DETAINEE.CONSENT_TO_BE_NAMED, false)
                .set(DETAINEE.ERASED_AT, at)
                .set(DETAINEE.ERASURE_REASON, reason.name())
                .set(DETAINEE.UPDATED_AT, at)
                .set(DETAINEE.VERSION, DETAINEE.VERSION.plus(1))
                .where(DETAINEE.ID.eq(id))
                .execute();
        db.deleteFrom(DETAINEE_NAME_INDEX).where(DETAINEE_NAME_INDEX.DETAINEE_ID.eq(id)).execute();
        db.update(RECOGNITION).set(RECOGNITION.SOURCE, (String) null).where(RECOGNITION.DETAINEE_ID.eq(id)).execute();
    }

    /** Deletes the detainee row and this package's rows about them; other packages' rows must be gone already. */
    void delete(UUID id) {
        db.deleteFrom(DETAINEE_NAME_INDEX).where(DETAINEE_NAME_INDEX.DETAINEE_ID.eq(id)).execute();
        db.deleteFrom(CASELOAD).where(CASELOAD.DETAINEE_ID.eq(id)).execute();
        db.deleteFrom(RECOGNITION).where(RECOGNITION.DETAINEE_ID.eq(id)).execute();
        db.deleteFrom(DETAINEE).where(DETAINEE.ID.eq(id)).execute();
    }

    void addToCaseload(UUID detaineeId, UUID organisationId, LocalDate since) {
        db.insertInto(CASELOAD)
                .set(CASELOAD.DETAINEE_ID, detaineeId)
                .set(CASELOAD.ORGANISATION_ID, organisationId)
                .set(CASELOAD.SINCE, since)
                .onConflictDoNothing()
                .execute();
    }

    Map<UUID, List<UUID>> caseloadOrganisations(Collection<UUID> detaineeIds) {
        return db.select(CASELOAD.DETAINEE_ID, CASELOAD.ORGANISATION_ID).from(CASELOAD)
                .where(CASELOAD.DETAINEE_ID.in(detaineeIds))
                .orderBy(CASELOAD.SINCE)
                .fetchGroups(CASELOAD.DETAINEE_ID, CASELOAD.ORGANISATION_ID);
    }

    boolean recognised(UUID detaineeId, UUID organisationId) {
        return db.fetchExists(RECOGNITION, RECOGNITION.DETAINEE_ID.eq(detaineeId)
                .and(RECOGNITION.ORGANISATION_ID.eq(organisationId)));
    }

    void insert(Recognition r) {
        db.insertInto(RECOGNITION)
                .set(RECOGNITION.ID, r.id())
                .set(RECOGNITION.DETAINEE_ID, r.detaineeId())
                .set(RECOGNITION.ORGANISATION_ID, r.organisationId())
                .set(RECOGNITION.RECOGNISED_ON, r.recognisedOn())
                .set(RECOGNITION.SOURCE, r.source())
                .set(RECOGNITION.RECORDED_AT, r.recordedAt())
                .execute();
    }

    Map<UUID, List<Recognition>> recognitions(Collection<UUID> detaineeIds) {
        return db.selectFrom(RECOGNITION).where(RECOGNITION.DETAINEE_ID.in(detaineeIds))
                .orderBy(RECOGNITION.RECOGNISED_ON)
                .fetchGroups(RECOGNITION.DETAINEE_ID, r -> new Recognition(r.getId(), r.getDetaineeId(),
                        r.getOrganisationId(), r.getRecognisedOn(), r.getSource(), r.getRecordedAt()));
    }

    Map<UUID, SupportStatus> supportStatus(Collection<UUID> detaineeIds, LocalDate today) {
        Field<Boolean> sponsored = DSL.field(sponsoredOn(today));
        Field<Boolean> openNeeds = DSL.field(hasOpenNeeds());
        Map<UUID, SupportStatus> result = new HashMap<>();
        db.select(DETAINEE.ID, sponsored, openNeeds).from(DETAINEE).where(DETAINEE.ID.in(detaineeIds))
                .forEach(r -> result.put(r.value1(), SupportStatus.of(r.value2(), r.value3())));
        return result;
    }

    /** The detainee has a sponsorship running on {@code day}: one definition for the field and the filter. */
    private static Condition sponsoredOn(LocalDate day) {
        return exists(selectOne().from(SPONSORSHIP).where(SPONSORSHIP.DETAINEE_ID.eq(DETAINEE.ID)).and(activeOn(day)));
    }

    /** The detainee has a need still open. */
    private static Condition hasOpenNeeds() {
        return exists(selectOne().from(SUPPORT_NEED)
                .where(SUPPORT_NEED.DETAINEE_ID.eq(DETAINEE.ID)).and(SUPPORT_NEED.STATUS.eq("OPEN")));
    }

    private static Condition activeOn(LocalDate day) {
        return SPONSORSHIP.STARTS_ON.le(day).and(SPONSORSHIP.ENDS_ON.isNull().or(SPONSORSHIP.ENDS_ON.ge(day)));
    }

    private Condition matching(DetaineeFilter f) {
        Condition c = noCondition();
        if (f.name() != null) {
            // The service refuses a name that folds to nothing, so the index is there.
            byte[] name = indexes.name(f.name()).orElseThrow();
            c = c.and(exists(selectOne().from(DETAINEE_NAME_INDEX)
                    .where(DETAINEE_NAME_INDEX.DETAINEE_ID.eq(DETAINEE.ID))
                    .and(DETAINEE_NAME_INDEX.NAME_INDEX.eq(name))));
        }
        if (f.country() != null) {
            c = c.and(DETAINEE.COUNTRY.eq(f.country()));
        }
        if (f.region() != null) {
            c = c.and(DETAINEE.REGION.eq(f.region()));
        }
        if (f.regime() != null) {
            c = c.and(currentCustody(CUSTODY_PERIOD.REGIME.eq(f.regime().name())));
        }
        if (f.facilityId() != null) {
            c = c.and(currentCustody(CUSTODY_PERIOD.FACILITY_ID.eq(f.facilityId())));
        }
        if (f.legalProvisionCode() != null) {
            c = c.and(exists(selectOne().from(COURT_CASE)
                    .join(CHARGE).on(CHARGE.CASE_ID.eq(COURT_CASE.ID))
                    .join(LEGAL_PROVISION).on(LEGAL_PROVISION.ID.eq(CHARGE.PROVISION_ID))
                    .where(COURT_CASE.DETAINEE_ID.eq(DETAINEE.ID))
                    .and(LEGAL_PROVISION.CODE.eq(f.legalProvisionCode()))));
        }
        if (f.arrestedFrom() != null || f.arrestedTo() != null) {
            Condition arrested = noCondition();
            if (f.arrestedFrom() != null) {
                arrested = arrested.and(DETENTION.ARRESTED_ON.ge(f.arrestedFrom()));
            }
            if (f.arrestedTo() != null) {
                arrested = arrested.and(DETENTION.ARRESTED_ON.le(f.arrestedTo()));
            }
            c = c.and(exists(selectOne().from(DETENTION).where(DETENTION.DETAINEE_ID.eq(DETAINEE.ID)).and(arrested)));
        }
        if (f.supportStatus() != null) {
            LocalDate today = LocalDate.now();
            Condition sponsored = sponsoredOn(today);
            Condition openNeeds = hasOpenNeeds();
            c = c.and(switch (f.supportStatus()) {
                case SPONSORED -> sponsored;
                case NEEDS_SUPPORT -> not(sponsored).and(openNeeds);
                case NO_OPEN_NEEDS -> not(sponsored).and(not(openNeeds));
            });
        }
        return c;
    }

    /** The open custody period of the person's most recent detention meets {@code periodCondition}. */
    private static Condition currentCustody(Condition periodCondition) {
        Detention later = DETENTION.as("later");
        return exists(selectOne().from(DETENTION)
                .join(CUSTODY_PERIOD).on(CUSTODY_PERIOD.DETENTION_ID.eq(DETENTION.ID)).and(CUSTODY_PERIOD.ENDS_ON.isNull())
                .where(DETENTION.DETAINEE_ID.eq(DETAINEE.ID))
                .and(periodCondition)
                .and(not(exists(selectOne().from(later)
                        .where(later.DETAINEE_ID.eq(DETENTION.DETAINEE_ID))
                        .and(later.ARRESTED_ON.gt(DETENTION.ARRESTED_ON)
                                .or(later.ARRESTED_ON.eq(DETENTION.ARRESTED_ON).and(later.ID.gt(DETENTION.ID))))))));
    }

    /** Columns that {@code updateDetainee} may change, the personal ones (in hand) sealed under the person's data key. */
    private void write(DetaineeRecord r, Detainee d) {
        List<String> aliases = d.aliases().open();
        NationalId nationalId = d.nationalId().open();
        try (SubjectSealer sealer = sealing.sealerFor(d.id(), SubjectKind.DETAINEE)) {
            r.setFullName(sealer.seal(DETAINEE.FULL_NAME, d.id(), d.fullName().open()));
            r.setAliases(sealer.seal(DETAINEE.ALIASES, d.id(), aliases.isEmpty() ? null : String.join("\n", aliases)));
            r.setNationalId(sealer.seal(DETAINEE.NATIONAL_ID, d.id(), nationalId == null ? null : nationalId.number()));
            r.setDateOfBirth(sealer.seal(DETAINEE.DATE_OF_BIRTH, d.id(), d.dateOfBirth().open()));
            r.setFamilyContact(sealer.seal(DETAINEE.FAMILY_CONTACT, d.id(), d.familyContact().open()));
            r.setNotes(sealer.seal(DETAINEE.NOTES, d.id(), d.notes().open()));
        }
        r.setNationalIdKind(nationalId == null ? null : nationalId.kind().name());
        r.setNationalIdIndex(nationalId == null ? null
                : indexes.nationalId(nationalId.kind(), nationalId.number()).orElse(null));
        r.setBirthYear(d.birthYear());
        r.setGender(d.gender().name());
        r.setNationality(d.nationality());
        r.setRegion(d.region());
        r.setCommune(d.commune());
        r.setAffiliation(d.affiliation().name());
        r.setConsentToBeNamed(d.consentToBeNamed());
        r.setLastContactOn(d.lastContactOn());
        r.setSource(d.source());
    }

    /** The rows as detainees, their personal columns sealed, sharing one page's keys. */
    private List<Detainee> sealed(List<DetaineeRecord> rows) {
        SealedPage page = pageOf(rows);
        return rows.stream().map(r -> toDetainee(r, page)).toList();
    }

    private SealedPage pageOf(List<DetaineeRecord> rows) {
        return sealing.page(rows.stream().map(DetaineeRecord::getId).toList());
    }

    private static Detainee toDetainee(DetaineeRecord r, SealedPage page) {
        UUID id = r.getId();
        String kind = r.getNationalIdKind();
        // an erased person's aliases are null, everyone else's at least empty
        Sealed<List<String>> aliases = page.value(DETAINEE.ALIASES, id, id, r.getAliases(),
                text -> Arrays.asList(text.split("\n")), r.getErasedAt() == null ? List.of() : null);
        Sealed<NationalId> nationalId = page.value(DETAINEE.NATIONAL_ID, id, id, kind == null ? null : r.getNationalId(),
                number -> new NationalId(NationalIdKind.valueOf(kind), number), null);
        return new Detainee(id, r.getPublicCode(), r.getCountry(), page.text(DETAINEE.FULL_NAME, id, id, r.getFullName()),
                aliases, nationalId, page.date(DETAINEE.DATE_OF_BIRTH, id, id, r.getDateOfBirth()), r.getBirthYear(),
                Gender.valueOf(r.getGender()), r.getNationality(), r.getRegion(), r.getCommune(),
                Affiliation.valueOf(r.getAffiliation()), page.text(DETAINEE.FAMILY_CONTACT, id, id, r.getFamilyContact()),
                Boolean.TRUE.equals(r.getConsentToBeNamed()), page.text(DETAINEE.NOTES, id, id, r.getNotes()),
                r.getLastContactOn(), r.getSource(), r.getRecordedAt(), r.getVersion(), r.getErasedAt());
    }

    /** The detainee with every personal field opened now and kept in hand. */
    private static Detainee inHand(Detainee d) {
        return new Detainee(d.id(), d.publicCode(), d.country(), Sealed.inHand(d.fullName().open()),
                Sealed.inHand(d.aliases().open()), Sealed.inHand(d.nationalId().open()), Sealed.inHand(d.dateOfBirth().open()),
                d.birthYear(), d.gender(), d.nationality(), d.region(), d.commune(), d.affiliation(),
                Sealed.inHand(d.familyContact().open()), d.consentToBeNamed(), Sealed.inHand(d.notes().open()),
                d.lastContactOn(), d.source(), d.recordedAt(), d.version(), d.erasedAt());
    }
}
