package org.prisonerregistry.solidarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prisonerregistry.db.Tables.DISBURSEMENT;
import static org.prisonerregistry.db.Tables.SPONSORSHIP;
import static org.prisonerregistry.db.Tables.SUPPORT_NEED;

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

/** What eraseDetainee asks of the solidarity package, done to one person's support and nobody else's. */
@RegistryIntegrationTest
class SupportErasureTests {

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Autowired
    SupportErasure erasure;

    @Autowired
    SupportNeedRepository needs;

    @Autowired
    SubjectKeyService keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldBeOneOfTheErasuresThatEraseDetaineeCalls(@Autowired List<DetaineeRecordsErasure> all) {
        assertThat(all).anySatisfy(e -> assertThat(e).isInstanceOf(SupportErasure.class));
    }

    @Test
    void shouldClearTheDescriptionsOfThePersonAloneSoTheyReadAsNullWithoutAKey() {
        UUID person = person();
        UUID need = need(person);
        UUID someoneElse = person();
        UUID theirs = need(someoneElse);

        inOneTransaction(() -> erasure.clearEncryptedFields(person));
        new StoredCiphertexts(db).withoutDataKeys(person, () -> {
            var row = db.selectFrom(SUPPORT_NEED).where(SUPPORT_NEED.ID.eq(need)).fetchSingle();
            assertThat(row.getDescription()).isNull();
            assertThat(row.getCategory()).isEqualTo("HEALTH");
            assertThat(row.getVersion()).isEqualTo(2);
            assertThat(needs.byDetainees(List.of(person)).get(person))
                    .singleElement().satisfies(n -> assertThat(n.description().open()).isNull());
            assertThat(needs.byDetainees(List.of(someoneElse)).get(someoneElse))
                    .singleElement().satisfies(n -> {
                        assertThat(n.id()).isEqualTo(theirs);
                        assertThat(n.description().open()).startsWith("Invented: insulin");
                    });
        });
    }

    @Test
    void shouldDeleteThePersonsNeedsSponsorshipsAndPaymentsAndNobodyElses() {
        UUID person = person();
        supportEverything(person);
        UUID someoneElse = person();
        supportEverything(someoneElse);

        inOneTransaction(() -> erasure.deleteRows(person));

        assertThat(db.fetchCount(SUPPORT_NEED, SUPPORT_NEED.DETAINEE_ID.eq(person))).isZero();
        assertThat(db.fetchCount(SPONSORSHIP, SPONSORSHIP.DETAINEE_ID.eq(person))).isZero();
        assertThat(db.fetchCount(DISBURSEMENT, DISBURSEMENT.DETAINEE_ID.eq(person))).isZero();
        assertThat(db.fetchCount(SUPPORT_NEED, SUPPORT_NEED.DETAINEE_ID.eq(someoneElse))).isEqualTo(1);
        assertThat(db.fetchCount(SPONSORSHIP, SPONSORSHIP.DETAINEE_ID.eq(someoneElse))).isEqualTo(1);
        assertThat(db.fetchCount(DISBURSEMENT, DISBURSEMENT.DETAINEE_ID.eq(someoneElse))).isEqualTo(1);
    }

    @Test
    void shouldRefuseToEraseOutsideTheCallersTransaction() {
        UUID person = person();
        need(person);

        assertThatThrownBy(() -> erasure.deleteRows(person)).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> erasure.clearEncryptedFields(person)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(needs.byDetainees(List.of(person)).get(person))
                .singleElement().satisfies(n -> assertThat(n.description().open()).isNotNull());
    }

    private void inOneTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private UUID person() {
        return UUID.fromString(new TestData(actors).detainee(TestData.unique("Region")));
    }

    private UUID need(UUID person) {
        return UUID.fromString(actors.coordinator().document("mutation($i: RecordNeedInput!) { recordNeed(input: $i) { id } }")
                .variable("i", Map.of("detaineeId", person.toString(), "category", "HEALTH",
                        "description", TestData.unique("Invented: insulin")))
                .execute().path("recordNeed.id").entity(String.class).get());
    }

    /** A need, a sponsorship and a payment made under it. */
    private void supportEverything(UUID person) {
        need(person);
        String sponsor = actors.organisationId();
        String sponsorship = actors.coordinator().document("""
                        mutation($i: RecordSponsorshipInput!) { recordSponsorship(input: $i) { id } }""")
                .variable("i", Map.of("detaineeId", person.toString(), "sponsorId", sponsor, "startsOn", "2020-01-01",
                        "monthlyAmount", "50000", "currency", "CLP"))
                .execute().path("recordSponsorship.id").entity(String.class).get();
        actors.coordinator().document("""
                        mutation($i: RecordDisbursementInput!) { recordDisbursement(input: $i) { id } }""")
                .variable("i", Map.of("detaineeId", person.toString(), "paidById", sponsor, "sponsorshipId", sponsorship,
                        "paidOn", "2020-01-20", "amount", "50000", "currency", "CLP", "category", "BASIC_NEEDS"))
                .execute().path("recordDisbursement.id").hasValue();
    }
}
