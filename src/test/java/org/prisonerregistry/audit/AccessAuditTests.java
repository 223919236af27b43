package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.db.tables.records.AuditEventRecord;
import org.prisonerregistry.detainee.ChileanRut;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RawHttp;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.prisonerregistry.support.TestData;
import org.prisonerregistry.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail of accesses over HTTP with real tokens, checked in the audit table itself: what is
 * recorded for reads, mutations and refusals, that values and ids never are, and who may read it back.
 * Each operation carries a unique operation name, by which its events are found.
 */
@RegistryIntegrationTest
class AccessAuditTests {

    @Autowired
    Actors actors;

    @Autowired
    TestTokens tokens;

    @Autowired
    DSLContext db;

    @Autowired
    AccessAuditor auditor;

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    SqlStatementCounter statements;

    @LocalServerPort
    int port;

    @Test
    void shouldRecordAReadOfRestrictedFieldsWithFieldsHashedSubjectAndPurposeButNoValue() {
        String person = new TestData(actors).detainee(TestData.unique("Audit"));
        String name = actors.coordinator().document("query($id: ID!) { detainee(id: $id) { fullName } }")
                .variable("id", person).execute().path("detainee.fullName").entity(String.class).get();
        String operation = TestData.unique("ReadOne").replace('-', '_');

        actors.coordinator().document("query " + operation + "($id: ID!) { detainee(id: $id) { publicCode fullName familyContact } }")
                .variable("id", person).execute().path("detainee.fullName").entity(String.class).isEqualTo(name);

        AuditEventRecord event = single(eventsOf(operation));
        assertThat(event.getOutcome()).isEqualTo("ALLOWED");
        assertThat(event.getSubject()).isEqualTo("test-coordinator");
        assertThat(event.getOrganisation()).isEqualTo(Actors.ORGANISATION_CODE);
        assertThat(event.getRoles().data()).contains("COORDINATOR");
        assertThat(event.getPurpose()).isEqualTo(Actors.PURPOSE);
        assertThat(event.getClientAddress()).isNotBlank();
        assertThat(event.getDocumentHash()).matches("[0-9a-f]{64}");
        assertThat(event.getFields().data()).contains("Detainee.fullName", "Detainee.familyContact")
                .doesNotContain("Detainee.publicCode");
        String hash = auditor.touchedSubject(DataSubject.detainee(UUID.fromString(person)));
        assertThat(hash).matches("detainee:[0-9a-f]{32}");
        assertThat(event.getTouchedSubjects().data()).contains(hash);
        assertThat(event.formatJSON()).doesNotContain(name).doesNotContain(person);
    }

    @Test
    void shouldRecordNoEventForAPageWithoutSensitiveFields() {
        new TestData(actors).detainee(TestData.unique("Audit"));
        String plain = TestData.unique("PlainPage").replace('-', '_');
        String marker = TestData.unique("Marker").replace('-', '_');

        actors.coordinator().document("query " + plain + " { detainees(first: 50) { edges { node { publicCode region gender } } } }")
                .execute().path("detainees.edges").entityList(Object.class).hasSizeGreaterThan(0);
        actors.coordinator().document("query " + marker + " { detainees(first: 1) { edges { node { fullName } } } }")
                .execute().path("detainees.edges").entityList(Object.class).hasSize(1);

        single(eventsOf(marker)); // recorded after the plain page, in the one order of the log
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.OPERATION_NAME.eq(plain))).isZero();
    }

    @Test
    void shouldWriteAReadAndItsRefusalInOneStatementBeforeTheAnswerLeaves() {
        String person = new TestData(actors).detainee(TestData.unique("Audit"));
        String operation = TestData.unique("OneWrite").replace('-', '_');
        statements.reset();

        // notes are for lawyers: the coordinator reads the name and is refused the notes, in one operation
        actors.coordinator().document("query " + operation + "($id: ID!) { detainee(id: $id) { fullName notes } }")
                .variable("id", person).execute().errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();

        // one round trip to the database for the whole audit of the operation: the speed of audited reads rests on it
        assertThat(statements.auditCount()).isEqualTo(1);
        List<AuditEventRecord> events = await(() -> {
            List<AuditEventRecord> found = eventsOf(operation);
            return found.size() < 2 ? List.of() : found;
        });
        assertThat(events).extracting(AuditEventRecord::getOutcome).containsExactlyInAnyOrder("ALLOWED", "FORBIDDEN");
    }

    @Test
    void shouldRecordASearchByNameEvenWhenTheAnswerHoldsOnlyClearFields() {
        String person = new TestData(actors).detainee(TestData.unique("Audit"));
        String name = actors.coordinator().document("query($id: ID!) { detainee(id: $id) { fullName } }")
                .variable("id", person).execute().path("detainee.fullName").entity(String.class).get();
        String operation = TestData.unique("SearchByName").replace('-', '_');

        // Whether a name is in the caseload is itself personal data, asked or not for a sensitive field.
        actors.coordinator().document("query " + operation + "($name: String!) { detainees(filter: { name: $name }, first: 5) "
                        + "{ totalCount edges { node { publicCode } } } }")
                .variable("name", name).execute().path("detainees.totalCount").entity(Integer.class).isEqualTo(1);

        AuditEventRecord event = single(eventsOf(operation));
        assertThat(event.getOutcome()).isEqualTo("ALLOWED");
        assertThat(event.getFields().data()).contains("DetaineeFilter.name");
        assertThat(event.getTouchedSubjects().data())
                .contains(auditor.touchedSubject(DataSubject.detainee(UUID.fromString(person))));
        assertThat(event.formatJSON()).doesNotContain(name).doesNotContain(person);
    }

    @Test
    void shouldRecordWhomALookupByNationalIdFoundEvenWhenTheAnswerHoldsOnlyClearFields() {
        String body = Long.toString(40_000_000L + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 50_000_000L));
        String rut = body + "-" + ChileanRut.checkDigit(body);
        String person = actors.coordinator().documentName("createDetainee")
                .variable("input", Map.of("country", "CL", "fullName", TestData.unique("Invented Audit"), "gender", "FEMALE",
                        "affiliation", "STUDENT", "nationalId", Map.of("kind", "CL_RUT", "number", rut)))
                .execute().path("createDetainee.id").entity(String.class).get();
        String operation = TestData.unique("LookUp").replace('-', '_');

        actors.coordinator().document("query " + operation + "($n: String!) { detaineeByNationalId(nationalId: $n) { publicCode } }")
                .variable("n", rut).execute().path("detaineeByNationalId.publicCode").hasValue();

        AuditEventRecord event = single(eventsOf(operation));
        assertThat(event.getFields().data()).contains("Query.detaineeByNationalId");
        assertThat(event.getTouchedSubjects().data())
                .contains(auditor.touchedSubject(DataSubject.detainee(UUID.fromString(person))));
        assertThat(event.formatJSON()).doesNotContain(body).doesNotContain(person);
    }

    @Test
    void shouldRecordAMutationWithThePersonItChanged() {
        String person = new TestData(actors).detainee(TestData.unique("Audit"));
        String operation = TestData.unique("Update").replace('-', '_');

        actors.coordinator().document("mutation " + operation + "($i: UpdateDetaineeInput!) { updateDetainee(input: $i) { version } }")
                .variable("i", Map.of("id", person, "version", 1, "familyContact", "Invented Audit Contact 555"))
                .execute().path("updateDetainee.version").entity(Integer.class).isEqualTo(2);

        AuditEventRecord event = single(eventsOf(operation));
        assertThat(event.getOutcome()).isEqualTo("ALLOWED");
        assertThat(event.getFields().data()).isEqualTo("[\"Mutation.updateDetainee\"]");
        assertThat(event.getTouchedSubjects().data())
                .contains(auditor.touchedSubject(DataSubject.detainee(UUID.fromString(person))));
        assertThat(event.formatJSON()).doesNotContain("Invented Audit Contact 555").doesNotContain(person);
    }

    @Test
    void shouldRecordAFieldRefusedToTheRoleWithThePersonItWasAbout() {
        String person = new TestData(actors).detainee(TestData.unique("Audit"));
        String operation = TestData.unique("Refused").replace('-', '_');

        actors.coordinator().document("query " + operation + "($id: ID!) { detainee(id: $id) { notes } }")
                .variable("id", person).execute().errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();

        AuditEventRecord event = single(eventsOf(operation));
        assertThat(event.getOutcome()).isEqualTo("FORBIDDEN");
        assertThat(event.getFields().data()).isEqualTo("[\"Detainee.notes\"]");
        assertThat(event.getTouchedSubjects().data())
                .contains(auditor.touchedSubject(DataSubject.detainee(UUID.fromString(person))));
    }

    @Test
    void shouldRecordARecordOutsideTheCallersScopeAsOutOfScope() {
        String person = new TestData(actors).detainee(TestData.unique("Audit"));
        String operation = TestData.unique("Elsewhere").replace('-', '_');

        actors.as("audit-other-coordinator", Role.COORDINATOR, "SOME-OTHER-ORG")
                .document("query " + operation + "($id: ID!) { detainee(id: $id) { fullName } }")
                .variable("id", person).execute().errors().expect(e -> e.getErrorType().toString().equals("NOT_FOUND")).verify();

        AuditEventRecord event = single(eventsOf(operation));
        assertThat(event.getOutcome()).isEqualTo("OUT_OF_SCOPE");
        assertThat(event.getFields().data()).isEqualTo("[\"Query.detainee\"]");
        assertThat(event.getSubject()).isEqualTo("audit-other-coordinator");
    }

    @Test
    void shouldRecordSpecialDataAskedForWithoutAPurpose() {
        String operation = TestData.unique("NoPurpose").replace('-', '_');
        String token = tokens.token("audit-officer-without-purpose", Set.of(Role.PROTECTION_OFFICER), null);

        JsonNode answer = RawHttp.json(new RawHttp(port).query("query " + operation + " { defenders(first: 1) { edges { node { id } } } }", token));

        assertThat(answer.path("errors").toString()).contains("X-Access-Purpose");
        AuditEventRecord event = single(eventsOf(operation));
        assertThat(event.getOutcome()).isEqualTo("MISSING_PURPOSE");
        assertThat(event.getPurpose()).isNull();
        assertThat(event.getFields().data()).contains("Query.defenders");
    }

    @Test
    void shouldRecordARejectedTokenWithoutTrustingAnythingInIt() {
        Instant before = Instant.now().minusSeconds(1);
        String forged = tokens.token("audit-forger", Set.of(Role.AUDITOR), null) + "x";

        HttpResponse<String> response = new RawHttp(port).query("{ auditEvents { edges { node { subject } } } }", forged);

        assertThat(response.statusCode()).isEqualTo(401);
        List<AuditEventRecord> rejected = await(() -> db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.OUTCOME.eq("TOKEN_REJECTED")).and(AUDIT_EVENT.OCCURRED_AT.ge(before.atOffset(java.time.ZoneOffset.UTC)))
                .fetch());
        assertThat(rejected).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getSubject()).isEqualTo(AccessAuditor.REJECTED_TOKEN_SUBJECT);
            assertThat(event.formatJSON()).doesNotContain("audit-forger");
        });
    }

    @Test
    void shouldRecordAnAnonymousAttemptOnPrivateData() {
        String operation = TestData.unique("Anonymous").replace('-', '_');
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = new RawHttp(port).query("query " + operation + " { detainees { edges { node { id } } } }", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(await(() -> db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.SUBJECT.eq(AccessAuditor.ANONYMOUS_SUBJECT))
                .and(AUDIT_EVENT.OUTCOME.eq("FORBIDDEN")).and(AUDIT_EVENT.OCCURRED_AT.ge(before.atOffset(java.time.ZoneOffset.UTC)))
                .fetch())).isNotEmpty();
    }

    @Test
    void shouldShowADefenderWhoReadTheirRecordAndWhy() {
        String defender = actors.lawyerDefenderId();
        String operation = TestData.unique("ReadsLawyer").replace('-', '_');
        HttpGraphQlTester officer = actors.as("audit-curious-officer", Role.PROTECTION_OFFICER, null).mutate()
                .header("X-Access-Purpose", "Checking the protective measures after a new threat").build();
        officer.document("query " + operation + "($id: ID!) { defender(id: $id) { contact riskLevel } }")
                .variable("id", defender).execute().path("defender.riskLevel").hasValue();
        single(eventsOf(operation));

        List<Map<String, Object>> log = actors.lawyer().document("""
                        { myAccessLog(first: 100) { edges { node { accessor roles fields purpose outcome occurredAt } } } }""")
                .execute().path("myAccessLog.edges[*].node").entityList(ENTRY).get();

        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.get("accessor")).isEqualTo("audit-curious-officer");
            assertThat(entry.get("roles")).isEqualTo(List.of("PROTECTION_OFFICER"));
            assertThat(entry.get("fields")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class)).contains("Defender.contact", "Defender.riskLevel");
            assertThat(entry.get("purpose")).isEqualTo("Checking the protective measures after a new threat");
            assertThat(entry.get("outcome")).isEqualTo("ALLOWED");
        });
    }

    @Test
    void shouldShowAProtectionOfficerOnlyEventsAboutDefenders() {
        String person = new TestData(actors).detainee(TestData.unique("Audit"));
        String detaineeRead = TestData.unique("DetaineeRead").replace('-', '_');
        actors.coordinator().document("query " + detaineeRead + "($id: ID!) { detainee(id: $id) { fullName } }")
                .variable("id", person).execute().path("detainee.fullName").hasValue();
        String defenderRead = TestData.unique("DefenderRead").replace('-', '_');
        actors.protectionOfficer().document("query " + defenderRead + "($id: ID!) { defender(id: $id) { fullName } }")
                .variable("id", actors.lawyerDefenderId()).execute().path("defender.fullName").hasValue();
        single(eventsOf(detaineeRead));
        single(eventsOf(defenderRead));
        String byDetainee = "{ auditEvents(filter: { detaineeId: \"" + person + "\" }, first: 100) { edges { node { operationName } } } }";

        actors.auditor().document(byDetainee).execute()
                .path("auditEvents.edges[*].node.operationName").entityList(String.class).contains(detaineeRead);
        actors.protectionOfficer().document(byDetainee).execute()
                .path("auditEvents.edges").entityList(Object.class).hasSize(0);
        List<Map<String, Object>> officersView = actors.protectionOfficer().document("""
                        { auditEvents(first: 100) { edges { node { operationName touchedSubjects fields outcome } } } }""")
                .execute().path("auditEvents.edges[*].node").entityList(ENTRY).get();
        assertThat(officersView).isNotEmpty().allSatisfy(event -> assertThat(
                ((List<?>) event.get("touchedSubjects")).stream().anyMatch(t -> t.toString().startsWith("defender:"))
                        || ((List<?>) event.get("fields")).stream().anyMatch(f -> f.toString().startsWith("Defender.")
                        || f.toString().startsWith("Threat.") || AuditEventSearch.DEFENDER_ROOT_FIELDS.contains(f.toString()))
                        || "ALERT".equals(event.get("outcome"))).as(event.toString()).isTrue());
        assertThat(officersView).extracting(e -> e.get("operationName")).doesNotContain(detaineeRead);
    }

    @Test
    void shouldRecordReadingTheAuditLogItself() {
        String operation = TestData.unique("Audit").replace('-', '_');

        actors.auditor().document("query " + operation + " { auditEvents(first: 5) { edges { node { sequence outcome } } } }")
                .execute().path("auditEvents.edges").entityList(Object.class).hasSizeGreaterThan(0);

        AuditEventRecord event = single(eventsOf(operation));
        assertThat(event.getFields().data()).isEqualTo("[\"Query.auditEvents\"]");
        assertThat(event.getSubject()).isEqualTo("test-auditor");
    }

    @Test
    void shouldRefuseTheAuditLogToRolesWithoutAShare() {
        for (HttpGraphQlTester stranger : List.of(actors.coordinator(), actors.analyst(), actors.admin(), actors.lawyer())) {
            stranger.document("{ auditEvents(first: 1) { edges { node { subject } } } }").execute()
                    .errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify()
                    .path("auditEvents").valueIsNull();
        }
    }

    @Test
    void shouldKnowEveryRootFieldAboutDefendersAsSuch() {
        Set<String> defenderTypes = Set.of("Defender", "Threat", "DefenderConnection", "AccessAlert");
        List<String> missing = new ArrayList<>();
        for (GraphQLObjectType root : List.of(graphQlSource.schema().getQueryType(), graphQlSource.schema().getMutationType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                String type = ((graphql.schema.GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName();
                if (defenderTypes.contains(type) && !AuditEventSearch.DEFENDER_ROOT_FIELDS.contains(root.getName() + "." + field.getName())) {
                    missing.add(root.getName() + "." + field.getName());
                }
            }
        }
        assertThat(missing).as("root fields about defenders that a protection officer's audit view would miss").isEmpty();
    }

    private static final ParameterizedTypeReference<Map<String, Object>> ENTRY = new ParameterizedTypeReference<>() {
    };

    private List<AuditEventRecord> eventsOf(String operationName) {
        return await(() -> db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.OPERATION_NAME.eq(operationName)).orderBy(AUDIT_EVENT.SEQ).fetch());
    }

    /** Waits a little for events to appear: the log may seal appended events a moment after the access commits. */
    private static List<AuditEventRecord> await(java.util.function.Supplier<List<AuditEventRecord>> query) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(3));
        List<AuditEventRecord> found = query.get();
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = query.get();
        }
        return found;
    }

    private static AuditEventRecord single(List<AuditEventRecord> events) {
        assertThat(events).hasSize(1);
        return events.getFirst();
    }
}
