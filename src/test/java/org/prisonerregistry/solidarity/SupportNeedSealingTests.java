package org.prisonerregistry.solidarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prisonerregistry.db.Tables.SUPPORT_NEED;
import static org.prisonerregistry.support.StoredCiphertexts.assertUndecryptable;
import static org.prisonerregistry.support.StoredCiphertexts.withBitFlipped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prisonerregistry.crypto.DecryptionFailedException;
import org.prisonerregistry.keys.SubjectKeyService;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.StoredCiphertexts;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A need's description, health data included, is stored sealed under the detainee's key; a tampered one is never shown. */
@RegistryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SupportNeedSealingTests {

    private static final String PLACE = "support_need.description";
    private static final String NEEDS = """
            query($id: ID!) { detainee(id: $id) { supportNeeds { id category description healthDescription } } }""";

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Autowired
    SupportNeedRepository needs;

    @Autowired
    SubjectKeyService keys;

    private StoredCiphertexts stored;
    private TestData data;

    @BeforeEach
    void readTheDatabaseDirectly() {
        stored = new StoredCiphertexts(db);
        data = new TestData(actors);
    }

    @Test
    void shouldStoreDescriptionsAsCiphertextsAndKeepHealthDataInItsOwnField() {
        String food = TestData.unique("Invented: food parcels for the family");
        String health = TestData.unique("Invented: needs insulin twice a day");
        String person = data.detainee(TestData.unique("Region"));
        UUID general = need(person, "BASIC_NEEDS", food);
        UUID medical = need(person, "HEALTH", health);

        stored.assertSealed(SUPPORT_NEED.DESCRIPTION, general, food);
        stored.assertSealed(SUPPORT_NEED.DESCRIPTION, medical, health);
        actors.lawyer().document(NEEDS).variable("id", person).execute()
                .path("detainee.supportNeeds[?(@.category == 'BASIC_NEEDS')].description").entityList(String.class)
                .containsExactly(food)
                .path("detainee.supportNeeds[?(@.category == 'HEALTH')].healthDescription").entityList(String.class)
                .containsExactly(health)
                .path("detainee.supportNeeds[?(@.category == 'HEALTH')].description").entityList(Object.class)
                .satisfies(descriptions -> assertThat(descriptions).containsOnlyNulls());
    }

    @Test
    void shouldSealTheDescriptionAfreshOnUpdateAndClearItWithNull() {
        String person = data.detainee(TestData.unique("Region"));
        String description = TestData.unique("Invented: books for the exams");
        UUID need = need(person, "EDUCATION", description);
        byte[] before = stored.of(SUPPORT_NEED.DESCRIPTION, need);

        update(need, 1, Map.of("status", "MET"));
        assertThat(stored.of(SUPPORT_NEED.DESCRIPTION, need)).as("new nonce").isNotEqualTo(before);
        stored.assertSealed(SUPPORT_NEED.DESCRIPTION, need, description);

        Map<String, Object> cleared = new java.util.HashMap<>();
        cleared.put("description", null);
        update(need, 2, cleared);
        assertThat(stored.of(SUPPORT_NEED.DESCRIPTION, need)).isNull();
        actors.coordinator().document(NEEDS.replace("healthDescription", "")).variable("id", person).execute()
                .path("detainee.supportNeeds[0].description").valueIsNull();
    }

    @Test
    void shouldRefuseADescriptionCopiedFromAnotherNeed(CapturedOutput output) {
        String health = TestData.unique("Invented: needs insulin");
        String food = TestData.unique("Invented: food");
        String person = data.detainee(TestData.unique("Region"));
        UUID medical = need(person, "HEALTH", health);
        UUID general = need(person, "BASIC_NEEDS", food);

        // Health data moved into a need the coordinator may read must not come out there.
        stored.put(SUPPORT_NEED.DESCRIPTION, general, stored.of(SUPPORT_NEED.DESCRIPTION, medical));

        actors.coordinator().document(NEEDS.replace("healthDescription", "")).variable("id", person).execute()
                .errors().satisfy(errors -> assertUndecryptable(errors, PLACE, health, food))
                // opened on its own once admitted, the moved description alone is withheld
                .path("detainee.supportNeeds[*].description").entityList(Object.class)
                .satisfies(descriptions -> assertThat(descriptions).hasSize(2).containsOnlyNulls());
        assertThat(output.getAll()).contains("cannot decrypt " + PLACE).doesNotContain(health).doesNotContain(food);
    }

    @Test
    void shouldRefuseADescriptionCopiedFromAnotherPerson() {
        String theirs = TestData.unique("Invented: someone else's need");
        String person = data.detainee(TestData.unique("Region"));
        UUID need = need(person, "FAMILY", TestData.unique("Invented: rent"));
        UUID other = need(data.detainee(TestData.unique("Region")), "FAMILY", theirs);

        stored.put(SUPPORT_NEED.DESCRIPTION, need, stored.of(SUPPORT_NEED.DESCRIPTION, other));

        actors.lawyer().document(NEEDS).variable("id", person).execute()
                .errors().satisfy(errors -> assertUndecryptable(errors, PLACE, theirs));
    }

    @Test
    void shouldRefuseADescriptionWithAFlippedBit() {
        String description = TestData.unique("Invented: psychological support after the arrest");
        String person = data.detainee(TestData.unique("Region"));
        UUID need = need(person, "PSYCHOLOGICAL", description);
        byte[] sealed = stored.of(SUPPORT_NEED.DESCRIPTION, need);

        for (int index : new int[] {0, sealed.length / 2, sealed.length - 1}) {
            stored.put(SUPPORT_NEED.DESCRIPTION, need, withBitFlipped(sealed, index));
            actors.lawyer().document(NEEDS).variable("id", person).execute()
                    .errors().satisfy(errors -> assertUndecryptable(errors, PLACE, description));
        }
    }

    @Test
    void shouldFailClosedWhenThePersonHasNoKey() {
        String person = data.detainee(TestData.unique("Region"));
        need(person, "HEALTH", TestData.unique("Invented: medicines"));

        stored.withoutDataKeys(UUID.fromString(person), () -> {
            var read = needs.byDetainees(List.of(UUID.fromString(person))).get(UUID.fromString(person));
            assertThatThrownBy(() -> read.getFirst().description().open())
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessage("cannot decrypt " + PLACE + ": its subject has no data key");
        });
    }

    private UUID need(String person, String category, String description) {
        return UUID.fromString(actors.coordinator().document("mutation($i: RecordNeedInput!) { recordNeed(input: $i) { id } }")
                .variable("i", Map.of("detaineeId", person, "category", category, "description", description))
                .execute().path("recordNeed.id").entity(String.class).get());
    }

    private void update(UUID need, int version, Map<String, Object> changes) {
        Map<String, Object> input = new java.util.HashMap<>(changes);
        input.put("id", need.toString());
        input.put("version", version);
        actors.coordinator().document("mutation($i: UpdateNeedInput!) { updateNeed(input: $i) { version } }")
                .variable("i", input).execute()
                .path("updateNeed.version").entity(Integer.class).isEqualTo(version + 1);
    }
}
