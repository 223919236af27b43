package org.prisonerregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prisonerregistry.detainee.ChileanRut;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A stolen database is worthless: after every RESTRICTED and SPECIAL field of a person, their
 * records and a threatened defender has been written with a distinctive value, none of those values
 * appears anywhere in the database — in any column of any table, text or binary, read as a dump
 * would — nor in the server's log (PostgreSQL's included) nor in any error the API answered meanwhile.
 */
@RegistryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PlaintextNowhereTests {

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Test
    void shouldKeepEverySensitiveValueOutOfTheDatabaseTheLogAndTheErrors(CapturedOutput output) {
        TestData data = new TestData(actors);
        String marker = "Qzx" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String rutBody = Integer.toString(10_000_000 + ThreadLocalRandom.current().nextInt(80_000_000));
        String rut = rutBody + "-" + ChileanRut.checkDigit(rutBody);
        String dateOfBirth = "1923-11-07";
        Map<String, String> secrets = new HashMap<>();
        secrets.put("full name", "Invented " + marker + " Fullname");
        secrets.put("alias", "Alias" + marker);
        secrets.put("RUT", rut);
        secrets.put("RUT without dash", rutBody + ChileanRut.checkDigit(rutBody));
        secrets.put("date of birth", dateOfBirth);
        secrets.put("family contact", "Family" + marker + " +56 9 5555 0101");
        secrets.put("notes", "Notes" + marker);
        secrets.put("ill-treatment account", "Beaten" + marker);
        secrets.put("RUC", "19" + rutBody.substring(0, 7) + "-" + ChileanRut.checkDigit(rutBody));
        secrets.put("RIT", "O-" + rutBody.substring(2, 6) + "-1961");
        secrets.put("legal notes", "Defence" + marker);
        secrets.put("need", "Blankets" + marker);
        secrets.put("health need", "Insulin" + marker);
        secrets.put("defender name", "Defender " + marker + " Invented");
        secrets.put("defender contact", "Signal" + marker);
        secrets.put("protective measures", "Safehouse" + marker);
        secrets.put("threat", "Threatened" + marker);
        secrets.put("follow-up", "Complaint" + marker);
        List<String> errors = new ArrayList<>();

        String detaineeId = actors.coordinator().documentName("createDetainee")
                .variable("input", Map.of("country", "CL", "fullName", secrets.get("full name"),
                        "aliases", List.of(secrets.get("alias")),
                        "nationalId", Map.of("kind", "CL_RUT", "number", rut),
                        "dateOfBirth", dateOfBirth, "gender", "FEMALE", "affiliation", "STUDENT",
                        "familyContact", secrets.get("family contact")))
                .execute().path("createDetainee.id").entity(String.class).get();
        actors.assignTestLawyer(detaineeId);
        actors.lawyer().document("""
                        mutation($input: UpdateDetaineeInput!) { updateDetainee(input: $input) { id } }""")
                .variable("input", Map.of("id", detaineeId, "version", 1, "notes", secrets.get("notes")))
                .execute().path("updateDetainee.id").hasValue();
        actors.coordinator().document("""
                        mutation($input: RecordDetentionInput!) { recordDetention(input: $input) { id } }""")
                .variable("input", Map.of("detaineeId", detaineeId, "arrestedOn", "2019-10-25",
                        "illTreatmentAlleged", true, "illTreatmentAccount", secrets.get("ill-treatment account")))
                .execute().path("recordDetention.id").hasValue();
        actors.lawyer().document("""
                        mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }""")
                .variable("input", Map.of("detaineeId", detaineeId, "court", "7º Juzgado de Garantía de Santiago",
                        "ruc", secrets.get("RUC"), "rit", secrets.get("RIT"), "legalNotes", secrets.get("legal notes")))
                .execute().path("openCase.id").hasValue();
        for (var need : Map.of("BASIC_NEEDS", secrets.get("need"), "HEALTH", secrets.get("health need")).entrySet()) {
            actors.coordinator().document("""
                            mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", detaineeId, "category", need.getKey(), "description", need.getValue()))
                    .execute().path("recordNeed.id").hasValue();
        }
        String defenderId = actors.protectionOfficer().document("""
                        mutation($input: CreateDefenderInput!) { createDefender(input: $input) { id } }""")
                .variable("input", Map.of("organisationId", actors.organisationId(), "fullName", secrets.get("defender name"),
                        "kind", "HUMAN_RIGHTS_DEFENDER", "riskLevel", "CRITICAL", "contact", secrets.get("defender contact"),
                        "protectiveMeasures", secrets.get("protective measures")))
                .execute().path("createDefender.id").entity(String.class).get();
        actors.protectionOfficer().document("""
                        mutation($input: RecordThreatInput!) { recordThreat(input: $input) { id } }""")
                .variable("input", Map.of("defenderId", defenderId, "occurredOn", "2020-01-15", "kind", "DEATH_THREAT",
                        "channel", "MESSAGING_APP", "description", secrets.get("threat"), "followUp", secrets.get("follow-up")))
                .execute().path("recordThreat.id").hasValue();

        // Reading everything back works, so the values were stored, just not in clear.
        assertThat(actors.lawyer().document("""
                        query($id: ID!) { detainee(id: $id) { fullName aliases nationalId { number } dateOfBirth notes
                          detentions { illTreatmentAccount } cases { ruc rit legalNotes } } }""")
                .variable("id", detaineeId).execute().path("detainee").entity(Map.class).get().toString())
                .contains(secrets.get("full name"), secrets.get("alias"), rut, dateOfBirth, secrets.get("notes"),
                        secrets.get("ill-treatment account"), secrets.get("RUC"), secrets.get("RIT"), secrets.get("legal notes"));
        assertThat(actors.protectionOfficer().document("""
                        query($id: ID!) { defender(id: $id) { fullName contact protectiveMeasures threats { description followUp } } }""")
                .variable("id", defenderId).execute().path("defender").entity(Map.class).get().toString())
                .contains(secrets.get("defender name"), secrets.get("defender contact"), secrets.get("protective measures"),
                        secrets.get("threat"), secrets.get("follow-up"));

        // Errors about these values: a bad RUT next to a name, a stale update, an unknown document.
        errors.addAll(errorMessages(actors.coordinator().documentName("createDetainee")
                .variable("input", Map.of("country", "CL", "fullName", secrets.get("full name") + "x".repeat(300),
                        "nationalId", Map.of("kind", "CL_RUT", "number", rutBody + "-X"),
                        "gender", "FEMALE", "affiliation", "STUDENT", "familyContact", secrets.get("family contact")))
                .execute()));
        errors.addAll(errorMessages(actors.lawyer().document("""
                        mutation($input: UpdateDetaineeInput!) { updateDetainee(input: $input) { id } }""")
                .variable("input", Map.of("id", detaineeId, "version", 1, "notes", secrets.get("notes") + " again"))
                .execute()));
        errors.addAll(errorMessages(actors.protectionOfficer().document("""
                        mutation($input: CreateDefenderInput!) { createDefender(input: $input) { id } }""")
                .variable("input", Map.of("organisationId", actors.organisationId(), "fullName", secrets.get("defender name"),
                        "kind", "HUMAN_RIGHTS_DEFENDER", "riskLevel", "CRITICAL",
                        "contact", secrets.get("defender contact") + "y".repeat(600)))
                .execute()));
        assertThat(errors).as("the provoked errors").hasSizeGreaterThanOrEqualTo(3);

        String dump = dumpOfEveryColumnOfEveryTable();
        byte[] rawDump = rawBytesOfEveryBinaryColumn();
        // The scan does see what was written in clear (the court is INTERNAL), so silence below means absence.
        assertThat(dump).contains("7º Juzgado de Garantía de Santiago");
        secrets.forEach((what, value) -> {
            assertThat(dump).as("the %s in a text column of the database", what).doesNotContainIgnoringCase(value);
            assertThat(indexOf(rawDump, value.getBytes(StandardCharsets.UTF_8)))
                    .as("the %s in a binary column of the database", what).isEqualTo(-1);
            assertThat(output.getAll()).as("the %s in the server's log", what).doesNotContainIgnoringCase(value);
            assertThat(errors).as("the %s in an error message", what).noneMatch(e -> e.toLowerCase().contains(value.toLowerCase()));
        });
    }

    private static List<String> errorMessages(GraphQlTester.Response response) {
        List<String> messages = new ArrayList<>();
        response.errors().satisfy(list -> list.forEach(e -> messages.add(e.getMessage() + " " + e.getExtensions())));
        return messages;
    }

    /**
     * Every column of every table in the registry's schema, as text, the way a plain dump shows it;
     * binary columns are left to {@link #rawBytesOfEveryBinaryColumn} (their hex form hides nothing
     * and would only raise false alarms).
     */
    private String dumpOfEveryColumnOfEveryTable() {
        StringBuilder dump = new StringBuilder();
        for (var column : db.resultQuery("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = current_schema() and data_type <> 'bytea'
                        order by table_name, ordinal_position""").fetch()) {
            String table = column.get(0, String.class);
            String name = column.get(1, String.class);
            db.select(DSL.field(DSL.name(name)).cast(String.class)).from(DSL.table(DSL.name(table)))
                    .fetch().forEach(r -> dump.append(r.value1()).append('\n'));
        }
        assertThat(dump).as("the dump").isNotEmpty();
        return dump.toString();
    }

    private byte[] rawBytesOfEveryBinaryColumn() {
        var bytes = new java.io.ByteArrayOutputStream();
        for (var column : db.resultQuery("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = current_schema() and data_type = 'bytea'""").fetch()) {
            db.select(DSL.field(DSL.name(column.get(1, String.class)), byte[].class))
                    .from(DSL.table(DSL.name(column.get(0, String.class))))
                    .fetch().forEach(r -> {
                        if (r.value1() != null) {
                            bytes.writeBytes(r.value1());
                            bytes.write(0);
                        }
                    });
        }
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
