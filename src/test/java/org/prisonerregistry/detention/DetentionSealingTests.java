package org.prisonerregistry.detention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prisonerregistry.db.Tables.DETENTION;
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

/** The account of ill-treatment is stored sealed under the detainee's key, and a tampered one is never shown. */
@RegistryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DetentionSealingTests {

    private static final String PLACE = "detention.ill_treatment_account";
    private static final String ACCOUNTS = """
            query($id: ID!) { detainee(id: $id) { detentions { id illTreatmentAccount } } }""";

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Autowired
    DetentionRepository detentions;

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
    void shouldStoreTheAccountAsACiphertextAndShowItsPlaintextToTheLawyer() {
        String account = TestData.unique("Invented account: beaten during the arrest");
        String person = data.detainee(TestData.unique("Region"));
        UUID detention = detentionWithAccount(person, "2019-10-21", account);

        stored.assertSealed(DETENTION.ILL_TREATMENT_ACCOUNT, detention, account);
        actors.lawyer().document(ACCOUNTS).variable("id", person).execute()
                .path("detainee.detentions[0].illTreatmentAccount").entity(String.class).isEqualTo(account);
    }

    @Test
    void shouldStoreTheSameAccountDifferentlyInEveryRow() {
        String account = TestData.unique("Invented account");
        String person = data.detainee(TestData.unique("Region"));
        UUID first = detentionWithAccount(person, "2019-10-21", account);
        release(first, "2019-11-01");
        UUID second = detentionWithAccount(person, "2020-01-10", account);

        assertThat(stored.of(DETENTION.ILL_TREATMENT_ACCOUNT, first))
                .isNotEqualTo(stored.of(DETENTION.ILL_TREATMENT_ACCOUNT, second));
    }

    @Test
    void shouldRefuseAnAccountCopiedFromAnotherDetentionOfTheSamePerson(CapturedOutput output) {
        String copied = TestData.unique("Invented account copied");
        String own = TestData.unique("Invented account of the second arrest");
        String person = data.detainee(TestData.unique("Region"));
        UUID first = detentionWithAccount(person, "2019-10-21", copied);
        release(first, "2019-11-01");
        UUID second = detentionWithAccount(person, "2020-01-10", own);

        stored.put(DETENTION.ILL_TREATMENT_ACCOUNT, second, stored.of(DETENTION.ILL_TREATMENT_ACCOUNT, first));

        actors.lawyer().document(ACCOUNTS).variable("id", person).execute()
                .errors().satisfy(errors -> assertUndecryptable(errors, PLACE, copied, own))
                // the account is opened on its own, once admitted: it alone is withheld
                .path("detainee.detentions[0].illTreatmentAccount").valueIsNull()
                .path("detainee.detentions[1].illTreatmentAccount").entity(String.class).isEqualTo(copied);
        assertThat(output.getAll()).contains("cannot decrypt " + PLACE).doesNotContain(copied).doesNotContain(own);
    }

    @Test
    void shouldRefuseAnAccountCopiedFromAnotherPerson() {
        String theirs = TestData.unique("Invented account of someone else");
        String person = data.detainee(TestData.unique("Region"));
        UUID detention = detentionWithAccount(person, "2019-10-21", TestData.unique("Invented account"));
        UUID other = detentionWithAccount(data.detainee(TestData.unique("Region")), "2019-10-22", theirs);

        stored.put(DETENTION.ILL_TREATMENT_ACCOUNT, detention, stored.of(DETENTION.ILL_TREATMENT_ACCOUNT, other));

        actors.lawyer().document(ACCOUNTS).variable("id", person).execute()
                .errors().satisfy(errors -> assertUndecryptable(errors, PLACE, theirs));
    }

    @Test
    void shouldRefuseAnAccountWithAFlippedBit(CapturedOutput output) {
        String account = TestData.unique("Invented account");
        String person = data.detainee(TestData.unique("Region"));
        UUID detention = detentionWithAccount(person, "2019-10-21", account);
        byte[] sealed = stored.of(DETENTION.ILL_TREATMENT_ACCOUNT, detention);

        for (int index : new int[] {0, sealed.length / 2, sealed.length - 1}) {
            stored.put(DETENTION.ILL_TREATMENT_ACCOUNT, detention, withBitFlipped(sealed, index));
            actors.lawyer().document(ACCOUNTS).variable("id", person).execute()
                    .errors().satisfy(errors -> assertUndecryptable(errors, PLACE, account));
        }
        assertThat(output.getAll()).doesNotContain(account);
    }

    @Test
    void shouldFailClosedWhenThePersonHasNoKey() {
        String account = TestData.unique("Invented account");
        String person = data.detainee(TestData.unique("Region"));
        detentionWithAccount(person, "2019-10-21", account);

        stored.withoutDataKeys(UUID.fromString(person), () -> {
            var read = detentions.byDetainees(List.of(UUID.fromString(person))).get(UUID.fromString(person));
            assertThatThrownBy(() -> read.getFirst().illTreatmentAccount().open())
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessage("cannot decrypt " + PLACE + ": its subject has no data key");
        });
    }

    @Test
    void shouldNeedNoKeyForDetentionsWithoutAnAccount() {
        String person = data.detainee(TestData.unique("Region"));
        UUID detention = UUID.fromString(data.detention(person, "2019-10-21", "PRETRIAL_DETENTION", null));

        stored.withoutDataKeys(UUID.fromString(person), () -> {
            assertThat(detentions.byDetainees(List.of(UUID.fromString(person))).get(UUID.fromString(person)))
                    .singleElement().satisfies(d -> {
                        assertThat(d.id()).isEqualTo(detention);
                        assertThat(d.illTreatmentAccount().open()).isNull();
                    });
        });
    }

    private UUID detentionWithAccount(String person, String arrestedOn, String account) {
        return UUID.fromString(actors.coordinator().document("""
                        mutation($input: RecordDetentionInput!) { recordDetention(input: $input) { id } }""")
                .variable("input", Map.of("detaineeId", person, "arrestedOn", arrestedOn, "regime", "PRETRIAL_DETENTION",
                        "illTreatmentAlleged", true, "illTreatmentAccount", account))
                .execute().path("recordDetention.id").entity(String.class).get());
    }

    private void release(UUID detention, String releasedOn) {
        actors.coordinator().document("""
                        mutation($input: RecordReleaseInput!) { recordRelease(input: $input) { version } }""")
                .variable("input", Map.of("detentionId", detention.toString(), "version", 1, "releasedOn", releasedOn,
                        "awaitingTrial", false))
                .execute().path("recordRelease.version").entity(Integer.class).isEqualTo(2);
    }
}
