package org.prisonerregistry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prisonerregistry.detainee.ChileanRut;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.prisonerregistry.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every field of every object type of the served schema, for every role, over HTTP, and
 * checks each answer against the {@code @policy} declarations: a field the policy admits comes back
 * without error; a field it refuses comes back null with a FORBIDDEN or UNAUTHORIZED error on its
 * path (or on a parent's) and never with its value. Every mutation is called by every role with an
 * input that fails validation, so admitted roles hear why the input is wrong and the others hear
 * FORBIDDEN, and nothing is written.
 *
 * <p>The fixture is one fully filled record of every kind, in scope of the test coordinator and the
 * test lawyer (see {@link Actors}), so that "admitted" always means "a value comes back".
 */
@RegistryIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyMatrixTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Fields that the fixture leaves empty on purpose: the state they describe has not happened. */
    private static final Set<String> EMPTY_IN_FIXTURE = Set.of(
            "Detention.releasedOn", "CustodyPeriod.endsOn", "LawyerAssignment.unassignedOn",
            "Sponsorship.endsOn", "Case.caseNumber", "Hearing.outcome", "PageInfo.startCursor", "PageInfo.endCursor",
            "StatsCell.count", "Me.organisation", "Detainee.erasedAt",
            "SupportNeed.healthDescription", // the fixture's need is a legal one; HealthNeedAccessTests reads a health one
            // the fixture's audit log is intact; AuditTamperTests breaks one of its own
            "AuditIntegrity.firstProblem", "AuditProblem.place", "AuditProblem.position", "AuditProblem.reason",
            // the audit events read here are a protection officer's (no organisation) from documents without a name
            "AuditEvent.organisation", "AuditEvent.operationName", "AccessLogEntry.organisation",
            // no alert is raised in the shared context (its threshold is high); AccessAlertTests raises and clears one
            "AccessAlert.account", "AccessAlert.raisedAt", "AccessAlert.distinctPersons", "AccessAlert.windowSeconds",
            "AccessAlert.clearedAt", "AccessAlert.clearedBy");

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    Actors actors;

    @Autowired
    TestTokens tokens;

    @Autowired
    DSLContext db;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Role, String> tokenOf = new EnumMap<>(Role.class);
    private Fixture fixture;

    /** The ids of one record of each kind, and the root fields that reach them. */
    private record Fixture(String region, String detainee, String rut, String courtCase, String defender,
                           String organisation) {
        Map<String, String> rootArguments() {
            return Map.of(
                    "detainee", "(id: \"" + detainee + "\")",
                    "detaineeByNationalId", "(nationalId: \"" + rut + "\")",
                    "detainees", "(filter: { region: \"" + region + "\" }, first: 5)",
                    "case", "(id: \"" + courtCase + "\")",
                    "defender", "(id: \"" + defender + "\")",
                    "defenders", "(filter: { organisationId: \"" + organisation + "\" }, first: 100)",
                    "facilities", "(country: \"CL\")",
                    "auditEvents", "(filter: { defenderId: \"" + defender + "\", outcome: ALLOWED, field: \"Defender.version\" }, first: 5)",
                    "legalProvisions", "(country: \"CL\")");
        }
    }

    @BeforeAll
    void recordOneOfEverything() {
        TestData data = new TestData(actors);
        String region = TestData.unique("Matrix");
        String facility = data.facility("CL", region);
        String person = data.detainee(region);
        // A RUT of its own, so the lookup by national ID finds this person and no other test's.
        String body = Long.toString(30_000_000L + (UUID.randomUUID().getLeastSignificantBits() & 0xFFFFFFFL) % 60_000_000L);
        String rut = body + "-" + ChileanRut.checkDigit(body);
        String organisation = actors.organisationId();
        HttpGraphQlTester coordinator = actors.coordinator();
        HttpGraphQlTester lawyer = actors.lawyer();
        HttpGraphQlTester officer = actors.protectionOfficer();

        run(coordinator, "mutation($i: UpdateDetaineeInput!) { updateDetainee(input: $i) { id } }", input("id", person,
                "version", 1, "aliases", List.of("Invented Alias"), "nationalId", Map.of("kind", "CL_RUT", "number", rut),
                "dateOfBirth", "1998-05-17", "familyContact", "Invented Mother, +56 9 0000 0000", "notes", "Invented note",
                "lastContactOn", "2020-02-01", "source", "Invented source", "nationality", "CL", "commune", "Invented"));
        run(coordinator, "mutation($i: RecordDetentionInput!) { recordDetention(input: $i) { id } }", Map.of(
                "detaineeId", person, "arrestedOn", "2019-10-25", "arrestPlace", "Invented square", "event", "Invented march",
                "regime", "PRETRIAL_DETENTION", "facilityId", facility, "illTreatmentAlleged", true,
                "illTreatmentAccount", "Invented account", "source", "Invented source"));
        run(actors.admin(), "mutation($i: RecognitionInput!) { recognisePoliticalPrisoner(input: $i) { id } }", Map.of(
                "detaineeId", person, "organisationId", organisation, "recognisedOn", "2020-01-10", "source", "Invented"));
        String courtCase = run(lawyer, "mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }", Map.of(
                "detaineeId", person, "court", "Invented court", "ruc", "1910012345-6", "rit", "O-1234-2019",
                "prosecutor", "Invented prosecutor", "legalNotes", "Invented notes", "source", "Invented source"))
                .path("data").path("openCase").path("id").asString();
        run(lawyer, "mutation($i: AddChargeInput!) { addCharge(input: $i) { id } }", Map.of(
                "caseId", courtCase, "legalProvisionCode", "CL-LEY-12927-ART6", "source", "Invented source"));
        run(lawyer, "mutation($i: RecordHearingInput!) { recordHearing(input: $i) { id } }", Map.of(
                "caseId", courtCase, "heldOn", LocalDate.now().plusDays(20).toString(), "kind", "TRIAL",
                "source", "Invented source"));
        run(lawyer, "mutation($i: RecordSentenceInput!) { recordSentence(input: $i) { id } }", Map.of(
                "caseId", courtCase, "imposedOn", "2020-09-01", "termYears", 3, "regime", "EFFECTIVE_PRISON",
                "startsOn", "2020-09-01", "fineAmount", "100000", "fineCurrency", "CLP", "appealStatus", "PENDING",
                "source", "Invented source"));
        run(coordinator, "mutation($i: RecordNeedInput!) { recordNeed(input: $i) { id } }", Map.of(
                "detaineeId", person, "category", "LEGAL_DEFENCE", "description", "Invented need"));
        String sponsorship = run(coordinator, "mutation($i: RecordSponsorshipInput!) { recordSponsorship(input: $i) { id } }",
                Map.of("detaineeId", person, "sponsorId", organisation, "startsOn", "2020-01-01", "monthlyAmount", "50000",
                        "currency", "CLP")).path("data").path("recordSponsorship").path("id").asString();
        run(coordinator, "mutation($i: RecordDisbursementInput!) { recordDisbursement(input: $i) { id } }", Map.of(
                "detaineeId", person, "paidById", organisation, "sponsorshipId", sponsorship, "paidOn", "2020-02-01",
                "amount", "150000", "currency", "CLP", "category", "LAWYER_FEES"));
        String lawyerId = actors.lawyerDefenderId();
        int version = run(officer, "query($id: ID!) { defender(id: $id) { version } }", Map.of(), Map.of("id", lawyerId))
                .path("data").path("defender").path("version").asInt();
        run(officer, "mutation($i: UpdateDefenderInput!) { updateDefender(input: $i) { id } }", Map.of(
                "id", lawyerId, "version", version, "contact", "invented@example.org", "protectiveMeasures", "Invented measures"));
        run(officer, "mutation($i: RecordThreatInput!) { recordThreat(input: $i) { id } }", Map.of(
                "defenderId", lawyerId, "occurredOn", "2020-03-01", "kind", "DEATH_THREAT", "channel", "PHONE",
                "description", "Invented threat", "followUp", "Invented follow-up", "source", "Invented source"));

        fixture = new Fixture(region, person, rut, courtCase, lawyerId, organisation);
        for (Role role : Role.values()) {
            String subject = switch (role) {
                case LAWYER -> Actors.LAWYER_SUBJECT;
                case COORDINATOR -> "test-coordinator";
                default -> "matrix-" + role.name().toLowerCase();
            };
            tokenOf.put(role, tokens.token(subject, Set.of(role), role == Role.COORDINATOR ? Actors.ORGANISATION_CODE : null));
        }
    }

    @Test
    void shouldAnswerEveryFieldOfEveryTypeToEveryRoleExactlyAsThePolicySays() throws Exception {
        GraphQLSchema schema = graphQlSource.schema();
        Map<String, List<Step>> paths = shortestPaths(schema);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (GraphQLNamedType named : schema.getAllTypesAsList()) {
            if (!(named instanceof GraphQLObjectType type) || type.getName().startsWith("__")
                    || type == schema.getMutationType()) {
                continue;
            }
            List<Step> path = type == schema.getQueryType() ? List.of() : paths.get(type.getName());
            if (path == null && onlyMutationsAnswer(schema, type)) {
                continue; // a mutation's result, read only by whoever may run it: the mutation test checks that
            }
            assertThat(path).as("a way from the root to " + type.getName()).isNotNull();
            for (Role role : Role.values()) {
                checked += checkType(type, path, role, mismatches);
            }
        }
        assertThat(mismatches).as("answers that differ from the policy").isEmpty();
        assertThat(checked).as("field answers checked").isGreaterThan(1000);
    }

    @Test
    void shouldLetOnlyAdmittedRolesRunEachMutation() throws Exception {
        GraphQLSchema schema = graphQlSource.schema();
        List<String> mismatches = new ArrayList<>();
        for (GraphQLFieldDefinition mutation : schema.getMutationType().getFieldDefinitions()) {
            FieldPolicy policy = FieldPolicy.of(schema.getMutationType(), mutation).orElseThrow();
            StringBuilder arguments = new StringBuilder();
            for (GraphQLArgument argument : mutation.getArguments()) {
                arguments.append(arguments.isEmpty() ? "(" : ", ").append(argument.getName()).append(": ")
                        .append(invalidValue(argument.getType(), 0));
            }
            String document = "mutation { " + mutation.getName() + (arguments.isEmpty() ? "" : arguments + ")")
                    + selection(mutation.getType()) + " }";
            for (Role role : Role.values()) {
                JsonNode answer = post(document, tokenOf.get(role));
                boolean refused = refusalAt(answer, List.of(mutation.getName()));
                if (policy.admits(role.name()) == refused) {
                    mismatches.add(role + " " + mutation.getName() + ": expected " + (refused ? "to run" : "FORBIDDEN")
                            + ", got " + answer.path("errors"));
                }
                assertThat(answer.path("data").path(mutation.getName()).isNull()
                        || answer.path("data").isMissingNode() || answer.path("data").isNull())
                        .as("no mutation with an invalid input returns data: " + mutation.getName()).isTrue();
            }
        }
        assertThat(mismatches).as("mutations that answer differently from the policy").isEmpty();
    }

    /**
     * Every argument and input field that declares what it reveals, found in the served schema (so a
     * filter added later is covered without a change here), is given a value by every role and by a
     * caller without a token. It is admitted exactly when the role may use the field and read every
     * field the input reveals; otherwise the field comes back null with FORBIDDEN at its path, naming
     * the input and the role, and the refusal is in the audit log (a caller without a token is
     * refused at the door with 401).
     */
    @Test
    void shouldAdmitEveryInputThatSelectsByAValueExactlyToTheRolesThatMayReadWhatItReveals() throws Exception {
        GraphQLSchema schema = graphQlSource.schema();
        Map<String, List<Step>> paths = shortestPaths(schema);
        String prefix = TestData.unique("Inputs").replace('-', '_');
        List<String> mismatches = new ArrayList<>();
        Map<String, String> refusalsToFind = new LinkedHashMap<>();
        Set<String> covered = new java.util.TreeSet<>();
        int requests = 0;
        for (GraphQLNamedType named : schema.getAllTypesAsList()) {
            if (!(named instanceof GraphQLObjectType type) || type.getName().startsWith("__")
                    || type == schema.getMutationType()) {
                continue;
            }
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                List<Step> path = type == schema.getQueryType() ? List.of() : paths.get(type.getName());
                if (path == null) {
                    continue; // no query reaches the type: the coverage at startup does not ask its inputs for a declaration
                }
                for (InputSetting setting : settings(type, field)) {
                    covered.add(setting.coordinates());
                    FieldPolicy fieldPolicy = FieldPolicy.of(type, field).orElseThrow();
                    FieldPolicy revealed = FieldPolicy.strictestOf(setting.revealed().stream()
                            .map(name -> RevealingInputs.revealedPolicy(schema, name).orElseThrow()).toList());
                    String inner = field.getName() + "(" + setting.arguments() + ")" + selection(field.getType());
                    List<String> fieldPath = new ArrayList<>(path.stream().map(Step::field).toList());
                    fieldPath.add(field.getName());
                    for (Role role : Role.values()) {
                        String operation = prefix + "_" + requests++;
                        JsonNode answer = post("query " + operation + " { " + wrap(path, inner) + " }", tokenOf.get(role));
                        boolean pathAdmitted = path.stream().allMatch(step -> admits(step.policy(), role));
                        boolean fieldAdmitted = pathAdmitted && admits(fieldPolicy, role);
                        boolean admitted = fieldAdmitted && revealed.admits(role.name());
                        boolean refused = refusalAt(answer, fieldPath);
                        String where = role + " " + setting.coordinates();
                        if (admitted && refused) {
                            mismatches.add(where + ": admitted by the policy but refused: " + answer.path("errors"));
                        } else if (!admitted && !refused) {
                            mismatches.add(where + ": refused by the policy but no FORBIDDEN/UNAUTHORIZED on its path: "
                                    + answer);
                        } else if (!admitted && !valueAt(answer.path("data"), path, field.getName()).isNull()
                                && !valueAt(answer.path("data"), path, field.getName()).isMissingNode()) {
                            mismatches.add(where + ": refused by the policy but a value came back");
                        } else if (!admitted && fieldAdmitted) {
                            // the field alone is admitted: the refusal is the input's, and says so
                            String message = answer.path("errors").toString();
                            if (!message.contains(setting.coordinates()) || !message.contains(role.name())) {
                                mismatches.add(where + ": the refusal names neither the input nor the role: " + message);
                            }
                            refusalsToFind.put(operation, setting.coordinates());
                        }
                    }
                    HttpResponse<String> anonymous = postWithoutToken("{ " + wrap(path, inner) + " }");
                    if (anonymous.statusCode() != 401 && !(revealed.admitsEveryone() && fieldPolicy.admitsEveryone())) {
                        mismatches.add("no token " + setting.coordinates() + ": expected 401, got " + anonymous.statusCode()
                                + " " + anonymous.body());
                    }
                }
            }
        }
        assertThat(mismatches).as("inputs answered differently from the policy").isEmpty();
        assertThat(covered).as("inputs that select by a value").contains("DetaineeFilter.legalProvisionCode",
                "DetaineeFilter.name", "DetaineeFilter.supportStatus", "Query.detaineeByNationalId(nationalId:)",
                "DefenderFilter.riskLevel", "AuditEventFilter.detaineeId").hasSizeGreaterThanOrEqualTo(30);
        assertThat(refusalsToFind).as("refusals of an input whose field alone is admitted").hasSizeGreaterThanOrEqualTo(6)
                .containsValues("DetaineeFilter.legalProvisionCode", "DetaineeFilter.name", "DefenderFilter.riskLevel");
        Map<String, List<String>> audited = awaitRefusals(refusalsToFind.keySet());
        refusalsToFind.forEach((operation, coordinates) -> assertThat(audited.get(operation))
                .as("the audited refusal of " + coordinates + " (" + operation + ")").isNotNull().contains(coordinates));
    }

    /** One way to give a declared input a value: the field's arguments, with that input set and the required ones filled. */
    private record InputSetting(String coordinates, List<String> revealed, String arguments) {}

    /** A setting for every argument and input field, however nested, of {@code type.field} that declares {@code @reveals}. */
    private List<InputSetting> settings(GraphQLObjectType type, GraphQLFieldDefinition field) {
        List<InputSetting> settings = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            String others = field.getArguments().stream()
                    .filter(a -> a != argument && GraphQLTypeUtil.isNonNull(a.getType()))
                    .map(a -> a.getName() + ": " + validValue(a.getType())).reduce((x, y) -> x + ", " + y)
                    .map(x -> ", " + x).orElse("");
            RevealingInputs.revealed(argument).ifPresent(revealed -> settings.add(new InputSetting(
                    type.getName() + "." + field.getName() + "(" + argument.getName() + ":)", revealed,
                    argument.getName() + ": " + validValue(argument.getType()) + others)));
            for (Map.Entry<String, Map.Entry<List<String>, String>> nested
                    : nestedSettings(argument.getType(), new java.util.HashSet<>()).entrySet()) {
                settings.add(new InputSetting(nested.getKey(), nested.getValue().getKey(),
                        argument.getName() + ": " + nested.getValue().getValue() + others));
            }
        }
        return settings;
    }

    /** For each declared field of the input type (and below): its coordinates, what it reveals, and a value setting it. */
    private static Map<String, Map.Entry<List<String>, String>> nestedSettings(GraphQLInputType type, Set<String> visiting) {
        Map<String, Map.Entry<List<String>, String>> settings = new LinkedHashMap<>();
        if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType input) || !visiting.add(input.getName())) {
            return settings;
        }
        boolean list = GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
        for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
            String required = input.getFieldDefinitions().stream()
                    .filter(f -> f != field && GraphQLTypeUtil.isNonNull(f.getType()))
                    .map(f -> ", " + f.getName() + ": " + validValue(f.getType())).reduce("", String::concat);
            RevealingInputs.revealed(field).ifPresent(revealed -> settings.put(input.getName() + "." + field.getName(),
                    Map.entry(revealed, wrapped(list, "{ " + field.getName() + ": " + validValue(field.getType()) + required + " }"))));
            nestedSettings(field.getType(), visiting).forEach((coordinates, below) -> settings.putIfAbsent(coordinates,
                    Map.entry(below.getKey(), wrapped(list, "{ " + field.getName() + ": " + below.getValue() + required + " }"))));
        }
        visiting.remove(input.getName());
        return settings;
    }

    private static String wrapped(boolean list, String value) {
        return list ? "[" + value + "]" : value;
    }

    /** A value of the input type that parses; whether the service then accepts it does not matter here. */
    private static String validValue(GraphQLInputType type) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            return "[" + validValue((GraphQLInputType) list.getWrappedType()) + "]";
        }
        if (unwrapped instanceof GraphQLInputObjectType input) {
            return "{" + input.getFieldDefinitions().stream().filter(f -> GraphQLTypeUtil.isNonNull(f.getType()))
                    .map(f -> " " + f.getName() + ": " + validValue(f.getType())).reduce("", String::concat) + " }";
        }
        if (unwrapped instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getName();
        }
        return switch (((GraphQLScalarType) unwrapped).getName()) {
            case "ID" -> "\"" + UUID.randomUUID() + "\"";
            case "Int" -> "5";
            case "Boolean" -> "true";
            case "Date" -> "\"2020-01-01\"";
            case "DateTime" -> "\"2020-01-01T00:00:00Z\"";
            case "BigDecimal" -> "1";
            default -> "\"CL\"";
        };
    }

    /** The fields of the FORBIDDEN events of these operations, once all of them are in the log (or a few seconds passed). */
    private Map<String, List<String>> awaitRefusals(Set<String> operations) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(5);
        Map<String, List<String>> found = new LinkedHashMap<>();
        while (true) {
            found.clear();
            db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.OPERATION_NAME.in(operations))
                    .and(AUDIT_EVENT.OUTCOME.eq("FORBIDDEN"))
                    .forEach(event -> {
                        List<String> fields = new ArrayList<>();
                        JSON.readTree(event.getFields().data()).forEach(name -> fields.add(name.asString()));
                        found.put(event.getOperationName(), fields);
                    });
            if (found.size() >= operations.size() || java.time.Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> postWithoutToken(String document) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldShowALawyerOnlyTheRoleLevelFieldsOfAColleagueAssignedToTheSamePerson() throws Exception {
        String colleague = actors.protectionOfficer().document("""
                        mutation($i: CreateDefenderInput!) { createDefender(input: $i) { id } }""")
                .variable("i", Map.of("organisationId", fixture.organisation(), "fullName", "Invented Colleague",
                        "kind", "LAWYER", "riskLevel", "CRITICAL", "contact", "colleague@example.org",
                        "loginSubject", TestData.unique("colleague")))
                .execute().path("createDefender.id").entity(String.class).get();
        actors.admin().document("mutation($i: AssignLawyerInput!) { assignLawyer(input: $i) { active } }")
                .variable("i", Map.of("detaineeId", fixture.detainee(), "defenderId", colleague))
                .execute().path("assignLawyer.active").entity(Boolean.class).isEqualTo(true);

        JsonNode answer = post("{ detainee(id: \"" + fixture.detainee() + "\") { lawyers { lawyer { id kind fullName contact riskLevel } } } }",
                tokenOf.get(Role.LAWYER));

        String body = answer.toString();
        assertThat(body).contains(colleague).doesNotContain("Invented Colleague").doesNotContain("colleague@example.org")
                .doesNotContain("CRITICAL");
        assertThat(body).contains("Invented Test Lawyer"); // the lawyer's own record, read as SELF
        assertThat(answer.path("errors").toString()).contains("FORBIDDEN").contains("Defender.fullName");
    }

    /** Asks for every field of {@code type} along {@code path} as {@code role}; returns how many answers were checked. */
    private int checkType(GraphQLObjectType type, List<Step> path, Role role, List<String> mismatches) throws Exception {
        StringBuilder inner = new StringBuilder();
        for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
            inner.append(field.getName()).append(fieldArguments(type, field)).append(selection(field.getType())).append(' ');
        }
        String document = "{ " + wrap(path, inner.toString()) + " }";
        JsonNode answer = post(document, tokenOf.get(role));
        boolean pathAdmitted = path.stream().allMatch(step -> admits(step.policy(), role));
        int checked = 0;
        for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
            FieldPolicy policy = FieldPolicy.of(type, field).orElseThrow();
            List<String> fieldPath = new ArrayList<>(path.stream().map(Step::field).toList());
            fieldPath.add(field.getName());
            boolean admitted = pathAdmitted && admits(policy, role);
            JsonNode value = valueAt(answer.path("data"), path, field.getName());
            boolean refused = refusalAt(answer, fieldPath);
            String where = role + " " + type.getName() + "." + field.getName();
            if (admitted && refused) {
                mismatches.add(where + ": admitted by the policy but refused: " + answer.path("errors"));
            } else if (admitted && (value.isMissingNode() || value.isNull())
                    && !EMPTY_IN_FIXTURE.contains(type.getName() + "." + field.getName())) {
                mismatches.add(where + ": admitted but no value came back: " + answer.path("errors"));
            } else if (!admitted && !refused) {
                mismatches.add(where + ": refused by the policy but no FORBIDDEN/UNAUTHORIZED error on its path");
            } else if (!admitted && !(value.isMissingNode() || value.isNull())) {
                mismatches.add(where + ": refused by the policy but its value came back");
            }
            checked++;
        }
        return checked;
    }

    /**
     * Whether the policy admits the role here. SELF admits the owner of a record: in this fixture the
     * one owned record reached (the defender record of the test lawyer) is read by the test lawyer.
     */
    private static boolean admits(FieldPolicy policy, Role role) {
        return policy.admits(role.name()) || policy.admitsSelf() && role == Role.LAWYER;
    }

    /**
     * Whether the type is the result of mutations only, and admits no role that may not run every one
     * of them: then refusing the mutation refuses its fields.
     */
    private static boolean onlyMutationsAnswer(GraphQLSchema schema, GraphQLObjectType type) {
        List<GraphQLFieldDefinition> answering = schema.getMutationType().getFieldDefinitions().stream()
                .filter(m -> GraphQLTypeUtil.unwrapAll(m.getType()) == type).toList();
        return !answering.isEmpty() && type.getFieldDefinitions().stream().allMatch(field -> {
            FieldPolicy fieldPolicy = FieldPolicy.of(type, field).orElseThrow();
            return answering.stream().allMatch(m -> FieldPolicy.of(schema.getMutationType(), m).orElseThrow().allow()
                    .containsAll(fieldPolicy.allow()));
        });
    }

    /** One field on the way from the root to a type, with its arguments and policy. */
    private record Step(String field, String arguments, FieldPolicy policy) {}

    /** The shortest way from a root query field to each object type, following only fields with an object type. */
    private Map<String, List<Step>> shortestPaths(GraphQLSchema schema) {
        Map<String, List<Step>> paths = new LinkedHashMap<>();
        Deque<GraphQLObjectType> queue = new ArrayDeque<>();
        GraphQLObjectType query = schema.getQueryType();
        paths.put(query.getName(), List.of());
        queue.add(query);
        while (!queue.isEmpty()) {
            GraphQLObjectType from = queue.poll();
            for (GraphQLFieldDefinition field : from.getFieldDefinitions()) {
                if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType to && !paths.containsKey(to.getName())) {
                    List<Step> path = new ArrayList<>(paths.get(from.getName()));
                    path.add(new Step(field.getName(), fieldArguments(from, field), FieldPolicy.of(from, field).orElseThrow()));
                    paths.put(to.getName(), path);
                    queue.add(to);
                }
            }
        }
        return paths;
    }

    private String fieldArguments(GraphQLObjectType type, GraphQLFieldDefinition field) {
        if (type.getName().equals("Query")) {
            String arguments = fixture.rootArguments().get(field.getName());
            boolean needsOne = field.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()));
            assertThat(arguments != null || !needsOne).as("fixture arguments for Query." + field.getName()).isTrue();
            return arguments == null ? "" : arguments;
        }
        return "";
    }

    private static String wrap(List<Step> path, String inner) {
        String document = inner;
        for (int i = path.size() - 1; i >= 0; i--) {
            document = path.get(i).field() + path.get(i).arguments() + " { " + document + " }";
        }
        return document;
    }

    /** A subselection that reads nothing of the object itself: its fields are checked as their own type. */
    private static String selection(GraphQLType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType ? " { __typename }" : "";
    }

    /** The value of {@code field} at the end of {@code path}, taking the first element of every list. */
    private static JsonNode valueAt(JsonNode data, List<Step> path, String field) {
        JsonNode node = data;
        for (Step step : path) {
            node = first(node.path(step.field()));
        }
        return node.path(field);
    }

    private static JsonNode first(JsonNode node) {
        return node.isArray() ? node.path(0) : node;
    }

    /** Whether an access error sits on {@code fieldPath} or on one of its parents (list indexes ignored). */
    private static boolean refusalAt(JsonNode answer, List<String> fieldPath) {
        for (JsonNode error : answer.path("errors")) {
            String classification = error.path("extensions").path("classification").asString();
            if (!classification.equals("FORBIDDEN") && !classification.equals("UNAUTHORIZED")) {
                continue;
            }
            List<String> errorPath = new ArrayList<>();
            error.path("path").forEach(p -> {
                if (p.isString()) {
                    errorPath.add(p.asString());
                }
            });
            if (errorPath.size() <= fieldPath.size() && fieldPath.subList(0, errorPath.size()).equals(errorPath)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value of the input type that parses but that every mutation refuses before writing: blank
     * text, unknown ids, out-of-range numbers. Admitted roles are told why; the others hear FORBIDDEN.
     */
    private static String invalidValue(GraphQLInputType type, int depth) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            return "[" + invalidValue((GraphQLInputType) list.getWrappedType(), depth + 1) + "]";
        }
        if (unwrapped instanceof GraphQLInputObjectType input) {
            StringBuilder fields = new StringBuilder("{");
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                if (field.getType() instanceof GraphQLNonNull) {
                    fields.append(' ').append(field.getName()).append(": ").append(invalidValue(field.getType(), depth + 1));
                }
            }
            return fields.append(" }").toString();
        }
        if (unwrapped instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getName();
        }
        return switch (((GraphQLScalarType) unwrapped).getName()) {
            case "ID" -> "\"" + UUID.randomUUID() + "\"";
            case "Int" -> "-1";
            case "Boolean" -> "false";
            case "Date" -> "\"2999-01-01\"";
            case "BigDecimal" -> "-1";
            default -> "\"\"";
        };
    }

    private static Map<String, Object> input(Object... keysAndValues) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            input.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return input;
    }

    private JsonNode run(HttpGraphQlTester tester, String document, Map<String, Object> input) {
        return run(tester, document, input, null);
    }

    /** Runs a fixture step and insists it succeeded, so the matrix never checks an empty fixture. */
    private JsonNode run(HttpGraphQlTester tester, String document, Map<String, Object> input, Map<String, Object> variables) {
        var request = tester.document(document);
        if (variables != null) {
            variables.forEach(request::variable);
        } else {
            request.variable("i", input);
        }
        Map<?, ?> data = request.execute().path("").entity(Map.class).get();
        return JSON.valueToTree(Map.of("data", data));
    }

    private JsonNode post(String document, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Access-Purpose", Actors.PURPOSE)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("HTTP status of " + document).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
