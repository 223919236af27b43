package org.prisonerregistry.detention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prisonerregistry.db.Tables.CUSTODY_PERIOD;
import static org.prisonerregistry.db.Tables.DETENTION;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.detainee.DetaineeRecordsErasure;
import org.prisonerregistry.keys.SubjectKeyService;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.StoredCiphertexts;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What eraseDetainee asks of the detention package, done to one person's rows and nobody else's. */
@RegistryIntegrationTest
class DetentionErasureTests {

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Autowired
    DetentionErasure erasure;

    @Autowired
    DetentionRepository detentions;

    @Autowired
    SubjectKeyService keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldBeOneOfTheErasuresThatEraseDetaineeCalls(@Autowired List<DetaineeRecordsErasure> all) {
        assertThat(all).anySatisfy(e -> assertThat(e).isInstanceOf(DetentionErasure.class));
    }

    @Test
    void shouldClearTheAccountsOfThePersonAloneSoTheyReadAsNullWithoutAKey() {
        UUID person = person();
        UUID detention = detentionWithAccount(person);
        UUID someoneElse = person();
        UUID theirs = detentionWithAccount(someoneElse);

        inOneTransaction(() -> erasure.clearEncryptedFields(person));
        new StoredCiphertexts(db).withoutDataKeys(person, () -> {
            var row = db.selectFrom(DETENTION).where(DETENTION.ID.eq(detention)).fetchSingle();
            assertThat(row.getIllTreatmentAccount()).isNull();
            assertThat(row.getIllTreatmentAlleged()).isTrue();
            assertThat(row.getVersion()).isEqualTo(2);
            assertThat(detentions.byDetainees(List.of(person)).get(person))
                    .singleElement().satisfies(d -> assertThat(d.illTreatmentAccount().open()).isNull());
            assertThat(db.selectFrom(DETENTION).where(DETENTION.ID.eq(theirs)).fetchSingle().getIllTreatmentAccount())
                    .isNotNull();
            assertThat(detentions.byDetainees(List.of(someoneElse)).get(someoneElse))
                    .singleElement().satisfies(d -> assertThat(d.illTreatmentAccount().open()).startsWith("Invented account"));
        });
    }

    @Test
    void shouldDeleteThePersonsDetentionsWithTheirCustodyPeriodsAndNobodyElses() {
        UUID person = person();
        UUID detention = detentionWithAccount(person);
        transfer(detention);
        UUID someoneElse = person();
        UUID theirs = detentionWithAccount(someoneElse);
        assertThat(db.fetchCount(CUSTODY_PERIOD, CUSTODY_PERIOD.DETENTION_ID.eq(detention))).isEqualTo(2);

        inOneTransaction(() -> erasure.deleteRows(person));

        assertThat(db.fetchCount(DETENTION, DETENTION.DETAINEE_ID.eq(person))).isZero();
        assertThat(db.fetchCount(CUSTODY_PERIOD, CUSTODY_PERIOD.DETENTION_ID.eq(detention))).isZero();
        assertThat(db.fetchCount(DETENTION, DETENTION.ID.eq(theirs))).isEqualTo(1);
        assertThat(db.fetchCount(CUSTODY_PERIOD, CUSTODY_PERIOD.DETENTION_ID.eq(theirs))).isEqualTo(1);
    }

    @Test
    void shouldRefuseToEraseOutsideTheCallersTransaction() {
        UUID person = person();
        detentionWithAccount(person);

        assertThatThrownBy(() -> erasure.deleteRows(person)).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> erasure.clearEncryptedFields(person)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(db.fetchCount(DETENTION, DETENTION.DETAINEE_ID.eq(person).and(DETENTION.ILL_TREATMENT_ACCOUNT.isNotNull())))
                .isEqualTo(1);
    }

    private void inOneTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private UUID person() {
        return UUID.fromString(new TestData(actors).detainee(TestData.unique("Region")));
    }

    private UUID detentionWithAccount(UUID person) {
        return UUID.fromString(actors.coordinator().document("""
                        mutation($input: RecordDetentionInput!) { recordDetention(input: $input) { id } }""")
                .variable("input", Map.of("detaineeId", person.toString(), "arrestedOn", "2019-10-21",
                        "regime", "PRETRIAL_DETENTION", "illTreatmentAlleged", true,
                        "illTreatmentAccount", TestData.unique("Invented account")))
                .execute().path("recordDetention.id").entity(String.class).get());
    }

    private void transfer(UUID detention) {
        actors.coordinator().document("""
                        mutation($input: ChangeRegimeInput!) { changeRegime(input: $input) { version } }""")
                .variable("input", Map.of("detentionId", detention.toString(), "version", 1,
                        "regime", "HOUSE_ARREST_TOTAL", "startsOn", "2019-12-01"))
                .execute().path("changeRegime.version").entity(Integer.class).isEqualTo(2);
    }
}
