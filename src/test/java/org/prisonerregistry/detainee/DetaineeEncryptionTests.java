package org.prisonerregistry.detainee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.DETAINEE_NAME_INDEX;
import static org.prisonerregistry.db.Tables.SUBJECT_KEY;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.db.tables.records.DetaineeRecord;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.StoredCiphertexts;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

/**
 * The detainee's personal columns as PostgreSQL holds them: ciphertexts bound to their place, which
 * fail closed (an INTERNAL_ERROR naming only the column, never a value) when moved, altered or left
 * without their key. Each test that damages a row puts it back, since the database is shared.
 */
@RegistryIntegrationTest
class DetaineeEncryptionTests {

    private static final String READ = """
            query($id: ID!) { detainee(id: $id) { fullName aliases nationalId { number } dateOfBirth familyContact notes } }""";

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    /** A fully filled person, created through the API; returns their id. */
    private UUID person(String fullName, String familyContact) {
        String id = actors.coordinator().documentName("createDetainee")
                .variable("input", Map.of("country", "CL", "fullName", fullName, "gender", "MALE", "affiliation", "WORKER",
                        "aliases", List.of("El " + fullName), "nationalId", Map.of("kind", "PASSPORT", "number", "P-" + fullName),
                        "dateOfBirth", "1990-07-14", "familyContact", familyContact, "notes", "Notes on " + fullName))
                .execute().path("createDetainee.id").entity(String.class).get();
        actors.assignTestLawyer(id);
        return UUID.fromString(id);
    }

    private DetaineeRecord raw(UUID id) {
        return db.selectFrom(DETAINEE).where(DETAINEE.ID.eq(id)).fetchSingle();
    }

    @Test
    void shouldStoreEveryPersonalColumnAsACiphertextAndServeThePlaintext() {
        String name = TestData.unique("Invented Clear Name");
        String contact = TestData.unique("Invented Mother +56 9");
        UUID id = person(name, contact);

        DetaineeRecord stored = raw(id);
        for (byte[] column : List.of(stored.getFullName(), stored.getAliases(), stored.getNationalId(),
                stored.getDateOfBirth(), stored.getFamilyContact(), stored.getNotes())) {
            assertThat(column[0]).as("format byte").isEqualTo((byte) 0x01);
            String asText = new String(column, StandardCharsets.UTF_8);
            assertThat(asText).doesNotContain(name).doesNotContain(contact).doesNotContain("1990-07-14");
        }
        assertThat(stored.getNationalIdKind()).isEqualTo("PASSPORT");
        assertThat(stored.getBirthYear()).isEqualTo(1990);
        assertThat(stored.getNationalIdIndex()).hasSize(16);
        assertThat(db.fetchCount(DETAINEE_NAME_INDEX, DETAINEE_NAME_INDEX.DETAINEE_ID.eq(id))).as("full name and alias").isEqualTo(2);

        actors.lawyer().document(READ).variable("id", id).execute()
                .path("detainee.fullName").entity(String.class).isEqualTo(name)
                .path("detainee.aliases").entityList(String.class).containsExactly("El " + name)
                .path("detainee.nationalId.number").entity(String.class).isEqualTo("P-" + name)
                .path("detainee.dateOfBirth").entity(String.class).isEqualTo("1990-07-14")
                .path("detainee.familyContact").entity(String.class).isEqualTo(contact)
                .path("detainee.notes").entity(String.class).isEqualTo("Notes on " + name);
    }

    @Test
    void shouldSealAnUpdatedColumnAnewAndKeepTheIndexesCurrent() {
        String name = TestData.unique("Invented Renamed");
        UUID id = person(name, "Invented contact");
        DetaineeRecord before = raw(id);

        actors.lawyer().documentName("updateDetainee")
                .variable("input", Map.of("id", id.toString(), "version", 1, "fullName", name + " Second", "aliases", List.of()))
                .execute().path("updateDetainee.fullName").entity(String.class).isEqualTo(name + " Second");

        DetaineeRecord after = raw(id);
        assertThat(after.getFullName()).isNotEqualTo(before.getFullName());
        assertThat(after.getFamilyContact()).as("a new nonce for every column written").isNotEqualTo(before.getFamilyContact());
        assertThat(after.getAliases()).isNull();
        assertThat(db.fetchCount(DETAINEE_NAME_INDEX, DETAINEE_NAME_INDEX.DETAINEE_ID.eq(id))).as("the new name only").isEqualTo(1);
    }

    @Test
    void shouldFailClosedWhenAnotherPersonsCiphertextIsCopiedIntoTheRow() {
        String victim = TestData.unique("Invented Victim");
        UUID target = person(TestData.unique("Invented Target"), "Invented contact");
        UUID source = person(victim, "Invented contact");

        withColumn(target, DETAINEE.FULL_NAME, raw(source).getFullName(), () -> refused(target, "detainee.full_name", victim, "fullName"));
    }

    @Test
    void shouldFailClosedWhenACiphertextIsMovedToAnotherColumnOfTheSameRow() {
        String name = TestData.unique("Invented Moved");
        UUID id = person(name, "Invented contact");

        withColumn(id, DETAINEE.FULL_NAME, raw(id).getAliases(), () -> refused(id, "detainee.full_name", name, "fullName"));
    }

    @Test
    void shouldFailClosedWhenOneBitOfACiphertextIsFlipped() {
        String name = TestData.unique("Invented Flipped");
        UUID id = person(name, "Invented contact");
        byte[] flipped = raw(id).getFamilyContact().clone();
        flipped[flipped.length - 20] ^= 0x04;

        withColumn(id, DETAINEE.FAMILY_CONTACT, flipped, () -> refused(id, "detainee.family_contact", name, "familyContact"));
    }

    @Test
    void shouldFailClosedWhenThePersonHasNoDataKey() {
        String name = TestData.unique("Invented Keyless");
        UUID id = person(name, "Invented contact");
        assertThat(db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.SUBJECT_ID.eq(id))).isEqualTo(1);
        new StoredCiphertexts(db).withoutDataKeys(id, () -> refused(id, "has no data key", name,
                "fullName", "aliases", "nationalId", "dateOfBirth", "familyContact", "notes"));
        actors.lawyer().document(READ).variable("id", id).execute().path("detainee.fullName").entity(String.class).isEqualTo(name);
    }

    /** Replaces one stored column for the length of {@code check}, then puts the original back. */
    private void withColumn(UUID id, TableField<DetaineeRecord, byte[]> column, byte[] replacement, Runnable check) {
        byte[] original = db.select(column).from(DETAINEE).where(DETAINEE.ID.eq(id)).fetchSingle().value1();
        db.update(DETAINEE).set(column, replacement).where(DETAINEE.ID.eq(id)).execute();
        try {
            check.run();
        } finally {
            db.update(DETAINEE).set(column, original).where(DETAINEE.ID.eq(id)).execute();
        }
    }

    /**
     * Reading the person answers each of {@code fields} null with an INTERNAL_ERROR of its own that
     * says {@code expected} and quotes no value. Values are opened field by field, once admitted, so
     * a value that does not open withholds its own field; the others of the row authenticate for
     * their own places and are answered.
     */
    private void refused(UUID id, String expected, String plaintext, String... fields) {
        var response = actors.lawyer().document(READ).variable("id", id).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(fields.length);
                    assertThat(errors).allSatisfy(e -> {
                        assertThat(e.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
                        assertThat(e.getMessage()).contains(expected).contains("detainee.")
                                .doesNotContain(plaintext).doesNotContain("Invented");
                    });
                });
        for (String field : fields) {
            response.path("detainee." + field).valueIsNull();
        }
    }
}
