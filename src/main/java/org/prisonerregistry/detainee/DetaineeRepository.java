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
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.prisonerregistry.access.DetaineeScope;
import org.prisonerregistry.db.tables.Detention;
import org.prisonerregistry.db.tables.records.DetaineeRecord;
import org.springframework.stereotype.Repository;

@Repository
class DetaineeRepository {

    private final DSLContext db;

    DetaineeRepository(DSLContext db) {
        this.db = db;
    }

    String nextPublicCode(String country, int year) {
        long n = db.nextval(DETAINEE_PUBLIC_CODE_SEQ);
        return "%s-%d-%06d".formatted(country, year, n);
    }

    Optional<Detainee> byId(UUID id, DetaineeScope scope) {
        return db.selectFrom(DETAINEE).where(DETAINEE.ID.eq(id)).and(reachedBy(scope))
                .fetchOptional(DetaineeRepository::toDetainee);
    }

    boolean existsById(UUID id, DetaineeScope scope) {
        return db.fetchExists(DETAINEE, DETAINEE.ID.eq(id).and(reachedBy(scope)));
    }

    /** Up to {@code limit} detainees after the public code {@code afterCode}, in public-code order. */
    List<Detainee> page(DetaineeFilter filter, DetaineeScope scope, String afterCode, int limit) {
        Condition after = afterCode == null ? noCondition() : DETAINEE.PUBLIC_CODE.gt(afterCode);
        return db.selectFrom(DETAINEE)
                .where(matching(filter)).and(reachedBy(scope)).and(after)
                .orderBy(DETAINEE.PUBLIC_CODE)
                .limit(limit)
                .fetch(DetaineeRepository::toDetainee);
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
    }

    /** Writes {@code d} if the stored version is still {@code d.version() - 1}; false if someone else changed it. */
    boolean update(Detainee d) {
        DetaineeRecord r = db.newRecord(DETAINEE);
        write(r, d);
        r.setUpdatedAt(OffsetDateTime.now());
        r.setVersion(d.version());
        r.changed(DETAINEE.ID, false);
        return db.update(DETAINEE).set(r)
                .where(DETAINEE.ID.eq(d.id()).and(DETAINEE.VERSION.eq(d.version() - 1)))
                .execute() == 1;
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

    private static Condition matching(DetaineeFilter f) {
        Condition c = noCondition();
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

    /** Columns that {@code updateDetainee} may change. */
    private static void write(DetaineeRecord r, Detainee d) {
        r.setFullName(d.fullName());
        r.setAliases(d.aliases().isEmpty() ? null : String.join("\n", d.aliases()));
        r.setNationalIdKind(d.nationalId() == null ? null : d.nationalId().kind().name());
        r.setNationalId(d.nationalId() == null ? null : d.nationalId().number());
        r.setDateOfBirth(d.dateOfBirth());
        r.setBirthYear(d.birthYear());
        r.setGender(d.gender().name());
        r.setNationality(d.nationality());
        r.setRegion(d.region());
        r.setCommune(d.commune());
        r.setAffiliation(d.affiliation().name());
        r.setFamilyContact(d.familyContact());
        r.setConsentToBeNamed(d.consentToBeNamed());
        r.setNotes(d.notes());
        r.setLastContactOn(d.lastContactOn());
        r.setSource(d.source());
    }

    private static Detainee toDetainee(Record rec) {
        DetaineeRecord r = rec.into(DETAINEE);
        return new Detainee(r.getId(), r.getPublicCode(), r.getCountry(), r.getFullName(),
                r.getAliases() == null ? List.of() : Arrays.asList(r.getAliases().split("\n")),
                r.getNationalIdKind() == null ? null : new NationalId(NationalIdKind.valueOf(r.getNationalIdKind()), r.getNationalId()),
                r.getDateOfBirth(), r.getBirthYear(), Gender.valueOf(r.getGender()), r.getNationality(), r.getRegion(),
                r.getCommune(), Affiliation.valueOf(r.getAffiliation()), r.getFamilyContact(),
                Boolean.TRUE.equals(r.getConsentToBeNamed()), r.getNotes(), r.getLastContactOn(), r.getSource(),
                r.getRecordedAt(), r.getVersion());
    }
}
