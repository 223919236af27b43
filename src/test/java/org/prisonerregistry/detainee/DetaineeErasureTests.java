package org.prisonerregistry.detainee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prisonerregistry.db.Tables.CASELOAD;
import static org.prisonerregistry.db.Tables.COURT_CASE;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.DETAINEE_NAME_INDEX;
import static org.prisonerregistry.db.Tables.DETENTION;
import static org.prisonerregistry.db.Tables.LAWYER_ASSIGNMENT;
import static org.prisonerregistry.db.Tables.RECOGNITION;
import static org.prisonerregistry.db.Tables.SUBJECT_KEY;
import static org.prisonerregistry.db.Tables.SUPPORT_NEED;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.crypto.DecryptionFailedException;
import org.prisonerregistry.db.tables.records.DetaineeRecord;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.SubjectOpener;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** {@code eraseDetainee}: crypto-shredding of one person, keeping an anonymous row for statistics or dropping it. */
@RegistryIntegrationTest
class DetaineeErasureTests {

    /** Countries from the XA–XZ range, which ISO 3166 leaves to private use and no other test records people in. */
    private static final AtomicInteger NEXT_COUNTRY = new AtomicInteger();
    private static final String ERASE = """
            mutation($input: EraseDetaineeInput!) {
              eraseDetainee(input: $input) { detaineeId publicCode erasedAt reason recordDropped dataKeysDestroyed } }""";
    private static final String READ = """
            query($id: ID!) { detainee(id: $id) { id fullName aliases nationalId { number } dateOfBirth familyContact notes
              gender region affiliation ageBand erasedAt detentions { id } } }""";
    private static final String STATS = "{ publicStats { peopleByCountryAndRegime { country regime count withheld } } }";

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Autowired
    FieldSealing sealing;

    private record Person(String id, String name, String rut) {}

    /**
     * A fully filled person in {@code country}, recognised, in the test caseload, assigned to the test
     * lawyer and, if {@code detained}, with a detention.
     */
    private Person person(String country, boolean detained) {
        String name = TestData.unique("Invented Erasable");
        String body = Long.toString(30_000_000L + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 60_000_000L));
        String rut = body + "-" + ChileanRut.checkDigit(body);
        Map<String, Object> input = new HashMap<>(Map.of("country", country, "fullName", name, "aliases", List.of("Alias " + name),
                "nationalId", Map.of("kind", "CL_RUT", "number", rut), "dateOfBirth", "1995-02-03",
                "gender", "NON_BINARY", "affiliation", "TRADE_UNIONIST", "region", "Invented Region",
                "familyContact", "Invented sister", "notes", "Invented notes"));
        input.put("commune", "Invented commune");
        String id = actors.coordinator().documentName("createDetainee").variable("input", input)
                .execute().path("createDetainee.id").entity(String.class).get();
        actors.assignTestLawyer(id);
        if (detained) {
            new TestData(actors).detention(id, "2019-11-12", "PRETRIAL_DETENTION", null);
        }
        actors.admin().document("mutation($i: RecognitionInput!) { recognisePoliticalPrisoner(input: $i) { id } }")
                .variable("i", Map.of("detaineeId", id, "organisationId", actors.organisationId(), "recognisedOn", "2020-01-10",
                        "source", "https://example.org/invented"))
                .execute().path("recognisePoliticalPrisoner.id").hasValue();
        return new Person(id, name, rut);
    }

    private static String newCountry() {
        return "X" + (char) ('A' + NEXT_COUNTRY.getAndIncrement());
    }

    private GraphQlTester.Response erase(HttpGraphQlTester as, String id, boolean drop) {
        return as.document(ERASE).variable("input", Map.of("id", id, "reason", "PERSON_REQUEST", "dropRecord", drop)).execute();
    }

    @Test
    void shouldShredThePersonAndKeepAnAnonymousRowThatStatisticsStillCount() {
        String country = newCountry();
        Person erased = person(country, true);
        for (int i = 0; i < 4; i++) {
            person(country, true);
        }
        UUID id = UUID.fromString(erased.id());
        String statsBefore = cellsOf(country);
        DetaineeRecord before = db.selectFrom(DETAINEE).where(DETAINEE.ID.eq(id)).fetchSingle();

        var result = erase(actors.admin(), erased.id(), false);

        result.path("eraseDetainee.detaineeId").entity(String.class).isEqualTo(erased.id())
                .path("eraseDetainee.recordDropped").entity(Boolean.class).isEqualTo(false)
                .path("eraseDetainee.dataKeysDestroyed").entity(Integer.class).isEqualTo(1)
                .path("eraseDetainee.reason").entity(String.class).isEqualTo("PERSON_REQUEST")
                .path("eraseDetainee.erasedAt").hasValue();
        assertThat(db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.SUBJECT_ID.eq(id))).as("data key rows").isZero();
        assertThat(db.fetchCount(DETAINEE_NAME_INDEX, DETAINEE_NAME_INDEX.DETAINEE_ID.eq(id))).isZero();
        DetaineeRecord after = db.selectFrom(DETAINEE).where(DETAINEE.ID.eq(id)).fetchSingle();
        assertThat(after.getNationalIdIndex()).isNull();
        assertThat(List.of(after.getFullName() == null, after.getAliases() == null, after.getNationalId() == null,
                after.getDateOfBirth() == null, after.getFamilyContact() == null, after.getNotes() == null)).containsOnly(true);
        assertThat(after.getCommune()).isNull();
        assertThat(after.getBirthYear()).isEqualTo(1995);
        assertThat(db.select(RECOGNITION.SOURCE).from(RECOGNITION).where(RECOGNITION.DETAINEE_ID.eq(id)).fetchSingle().value1()).isNull();

        actors.lawyer().document(READ).variable("id", erased.id()).execute()
                .path("detainee.fullName").valueIsNull()
                .path("detainee.aliases").valueIsNull()
                .path("detainee.nationalId").valueIsNull()
                .path("detainee.dateOfBirth").valueIsNull()
                .path("detainee.familyContact").valueIsNull()
                .path("detainee.notes").valueIsNull()
                .path("detainee.erasedAt").hasValue()
                .path("detainee.gender").entity(String.class).isEqualTo("NON_BINARY")
                .path("detainee.region").entity(String.class).isEqualTo("Invented Region")
                .path("detainee.affiliation").entity(String.class).isEqualTo("TRADE_UNIONIST")
                .path("detainee.ageBand").entity(String.class).isNotEqualTo("UNKNOWN")
                .path("detainee.detentions").entityList(Object.class).hasSize(1);
        assertThat(cellsOf(country)).as("public statistics").isEqualTo(statsBefore).contains("\"count\":5");

        // Blind indexes are gone: neither the RUT nor the name finds anyone any more.
        actors.coordinator().document("query($n: String!) { detaineeByNationalId(nationalId: $n) { id } }")
                .variable("n", erased.rut()).execute().path("detaineeByNationalId").valueIsNull();
        actors.coordinator().documentName("detaineesPage").variable("filter", Map.of("name", erased.name())).execute()
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(0);

        // A copy of the ciphertexts taken before (a backup) no longer opens: the key is gone.
        try (SubjectOpener opener = sealing.openerFor(List.of(id))) {
            assertThatThrownBy(() -> opener.open(DETAINEE.FULL_NAME, id, id, before.getFullName()))
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageContaining("detainee.full_name").hasMessageNotContaining(erased.name());
        }
    }

    @Test
    void shouldRefuseToRecordPersonalDataForAnErasedPersonAgain() {
        Person erased = person("CL", true);
        erase(actors.admin(), erased.id(), false).path("eraseDetainee.recordDropped").entity(Boolean.class).isEqualTo(false);
        int version = actors.lawyer().document(READ.replace("erasedAt", "erasedAt version")).variable("id", erased.id())
                .execute().path("detainee.version").entity(Integer.class).get();

        actors.lawyer().documentName("updateDetainee")
                .variable("input", Map.of("id", erased.id(), "version", version, "fullName", erased.name()))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getExtensions()).containsEntry("field", "input.id");
                    assertThat(e.getMessage()).contains("erased").doesNotContain(erased.name());
                }));
        actors.coordinator().document("""
                        mutation($input: RecordDetentionInput!) { recordDetention(input: $input) { id } }""")
                .variable("input", Map.of("detaineeId", erased.id(), "arrestedOn", "2021-01-01", "regime", "POLICE_CUSTODY"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "input.detaineeId")));
        assertThat(db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.SUBJECT_ID.eq(UUID.fromString(erased.id())))).as("no new key").isZero();

        // Erasing again changes nothing and destroys nothing more.
        erase(actors.admin(), erased.id(), false).path("eraseDetainee.dataKeysDestroyed").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void shouldDeleteEveryRowOfThePersonWhenDroppingTheRecord() {
        // Rows of other packages (detentions, cases, support) are deleted by their own DetaineeRecordsErasure.
        Person dropped = person("CL", true);
        UUID id = UUID.fromString(dropped.id());
        new TestData(actors).courtCase(dropped.id());
        actors.coordinator().document("mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }")
                .variable("input", Map.of("detaineeId", dropped.id(), "category", "HEALTH", "description", "Invented need"))
                .execute().path("recordNeed.id").hasValue();

        erase(actors.admin(), dropped.id(), true)
                .path("eraseDetainee.recordDropped").entity(Boolean.class).isEqualTo(true)
                .path("eraseDetainee.dataKeysDestroyed").entity(Integer.class).isEqualTo(1);

        assertThat(db.fetchCount(DETAINEE, DETAINEE.ID.eq(id))).isZero();
        assertThat(db.fetchCount(CASELOAD, CASELOAD.DETAINEE_ID.eq(id))).isZero();
        assertThat(db.fetchCount(RECOGNITION, RECOGNITION.DETAINEE_ID.eq(id))).isZero();
        assertThat(db.fetchCount(LAWYER_ASSIGNMENT, LAWYER_ASSIGNMENT.DETAINEE_ID.eq(id))).isZero();
        assertThat(db.fetchCount(DETAINEE_NAME_INDEX, DETAINEE_NAME_INDEX.DETAINEE_ID.eq(id))).isZero();
        assertThat(db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.SUBJECT_ID.eq(id))).isZero();
        assertThat(db.fetchCount(DETENTION, DETENTION.DETAINEE_ID.eq(id))).isZero();
        assertThat(db.fetchCount(COURT_CASE, COURT_CASE.DETAINEE_ID.eq(id))).isZero();
        assertThat(db.fetchCount(SUPPORT_NEED, SUPPORT_NEED.DETAINEE_ID.eq(id))).isZero();
        actors.admin().document("query($id: ID!) { detainee(id: $id) { id } }").variable("id", dropped.id()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }

    @Test
    void shouldRefuseToRecordPersonalDataAboutAnErasedPersonAgain() {
        Person erased = person("CL", true);
        String caseId = new TestData(actors).courtCase(erased.id());
        erase(actors.admin(), erased.id(), false).path("eraseDetainee.dataKeysDestroyed").entity(Integer.class).isEqualTo(1);

        // An existing child record of the anonymous row cannot be given personal data again: that
        // would need a new data key for the person, and erased people never get one.
        actors.lawyer().document("mutation($input: UpdateCaseInput!) { updateCase(input: $input) { id } }")
                .variable("input", Map.of("id", caseId, "version", 2, "legalNotes", "Invented notes after erasure"))
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getErrorType()).isIn(ErrorType.BAD_REQUEST, ErrorType.NOT_FOUND)));
        assertThat(db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.SUBJECT_ID.eq(UUID.fromString(erased.id())))).isZero();
        assertThat(db.select(COURT_CASE.LEGAL_NOTES).from(COURT_CASE).where(COURT_CASE.ID.eq(UUID.fromString(caseId)))
                .fetchSingle().value1()).isNull();
    }

    @Test
    void shouldLetOnlyAnAdminEraseAndChangeNothingOtherwise() {
        Person kept = person("CL", true);

        for (HttpGraphQlTester refused : List.of(actors.coordinator(), actors.lawyer(), actors.analyst(),
                actors.protectionOfficer(), actors.auditor())) {
            erase(refused, kept.id(), true).errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType()).isIn(ErrorType.FORBIDDEN, ErrorType.UNAUTHORIZED)))
                    .path("eraseDetainee").valueIsNull();
        }
        actors.lawyer().document(READ).variable("id", kept.id()).execute()
                .path("detainee.fullName").entity(String.class).isEqualTo(kept.name())
                .path("detainee.erasedAt").valueIsNull();
        erase(actors.admin(), UUID.randomUUID().toString(), false).errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }

    /** The public statistics cells of one country, as JSON text. */
    private String cellsOf(String country) {
        List<Map<String, Object>> cells = actors.anonymous().document(STATS).execute()
                .path("publicStats.peopleByCountryAndRegime[?(@.country == '" + country + "')]")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(cells);
    }
}
