package org.prisonerregistry.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prisonerregistry.db.Tables.CHARGE;
import static org.prisonerregistry.db.Tables.COURT_CASE;
import static org.prisonerregistry.db.Tables.HEARING;
import static org.prisonerregistry.db.Tables.SENTENCE;

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

/** What eraseDetainee asks of the legal package, done to one person's cases and nobody else's. */
@RegistryIntegrationTest
class CaseErasureTests {

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Autowired
    CaseErasure erasure;

    @Autowired
    CaseRepository cases;

    @Autowired
    SubjectKeyService keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldBeOneOfTheErasuresThatEraseDetaineeCalls(@Autowired List<DetaineeRecordsErasure> all) {
        assertThat(all).anySatisfy(e -> assertThat(e).isInstanceOf(CaseErasure.class));
    }

    @Test
    void shouldClearTheCaseNumbersAndNotesOfThePersonAloneSoTheyReadAsNullWithoutAKey() {
        UUID person = person();
        UUID chilean = caseWithEverything(person);
        UUID foreign = UUID.fromString(legal().openCase(person.toString(), Map.of("country", "BY",
                "court", "Invented Minsk district court", "caseNumber", "Invented 1-234/2021")));
        UUID someoneElse = person();
        UUID theirs = caseWithEverything(someoneElse);

        inOneTransaction(() -> erasure.clearEncryptedFields(person));
        new StoredCiphertexts(db).withoutDataKeys(person, () -> {
            for (UUID id : List.of(chilean, foreign)) {
                var row = db.selectFrom(COURT_CASE).where(COURT_CASE.ID.eq(id)).fetchSingle();
                assertThat(row.getRuc()).isNull();
                assertThat(row.getRit()).isNull();
                assertThat(row.getCaseNumber()).isNull();
                assertThat(row.getLegalNotes()).isNull();
                assertThat(row.getCourt()).isNotNull();
                assertThat(row.getVersion()).isEqualTo(2);
            }
            assertThat(cases.byId(chilean)).hasValueSatisfying(c -> {
                assertThat(c.ruc().open()).isNull();
                assertThat(c.legalNotes().open()).isNull();
            });
            assertThat(cases.byId(theirs)).hasValueSatisfying(c -> {
                assertThat(c.ruc().open()).isEqualTo("1910012345-6");
                assertThat(c.legalNotes().open()).startsWith("Invented notes");
            });
        });
    }

    @Test
    void shouldDeleteThePersonsCasesWithTheirChargesHearingsAndSentencesAndNobodyElses() {
        UUID person = person();
        UUID courtCase = caseWithEverything(person);
        UUID someoneElse = person();
        UUID theirs = caseWithEverything(someoneElse);

        inOneTransaction(() -> erasure.deleteRows(person));

        assertThat(db.fetchCount(COURT_CASE, COURT_CASE.DETAINEE_ID.eq(person))).isZero();
        assertThat(db.fetchCount(CHARGE, CHARGE.CASE_ID.eq(courtCase))).isZero();
        assertThat(db.fetchCount(HEARING, HEARING.CASE_ID.eq(courtCase))).isZero();
        assertThat(db.fetchCount(SENTENCE, SENTENCE.CASE_ID.eq(courtCase))).isZero();
        assertThat(db.fetchCount(COURT_CASE, COURT_CASE.ID.eq(theirs))).isEqualTo(1);
        assertThat(db.fetchCount(CHARGE, CHARGE.CASE_ID.eq(theirs))).isEqualTo(1);
        assertThat(db.fetchCount(HEARING, HEARING.CASE_ID.eq(theirs))).isEqualTo(1);
        assertThat(db.fetchCount(SENTENCE, SENTENCE.CASE_ID.eq(theirs))).isEqualTo(1);
    }

    @Test
    void shouldRefuseToEraseOutsideTheCallersTransaction() {
        UUID person = person();
        UUID courtCase = caseWithEverything(person);

        assertThatThrownBy(() -> erasure.deleteRows(person)).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> erasure.clearEncryptedFields(person)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(cases.byId(courtCase)).hasValueSatisfying(c -> assertThat(c.ruc().open()).isEqualTo("1910012345-6"));
    }

    private void inOneTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private LegalTestData legal() {
        return new LegalTestData(actors.lawyer());
    }

    private UUID person() {
        return UUID.fromString(new TestData(actors).detainee(TestData.unique("Region")));
    }

    /** A Chilean case with numbers and notes, a charge, a hearing and a sentence. */
    private UUID caseWithEverything(UUID person) {
        String id = legal().openCase(person.toString(), Map.of("ruc", "1910012345-6", "rit", "O-1234-2019",
                "legalNotes", TestData.unique("Invented notes")));
        legal().charge(id, "CL-CP-269");
        legal().hearing(id, "2020-01-15", "FORMALISATION");
        legal().sentence(id, Map.of("imposedOn", "2021-01-01", "termYears", 1, "regime", "EFFECTIVE_PRISON"));
        return UUID.fromString(id);
    }
}
