package org.prisonerregistry.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prisonerregistry.db.Tables.COURT_CASE;
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

/** A case's numbers and legal notes are stored sealed under the detainee's key; a tampered one is never shown. */
@RegistryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CaseSealingTests {

    private static final String RUC = "1910012345-6";
    private static final String RIT = "O-1234-2019";
    private static final String SEALED_FIELDS = "query($id: ID!) { case(id: $id) { ruc rit caseNumber legalNotes } }";

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Autowired
    CaseRepository cases;

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
    void shouldStoreCaseNumbersAndNotesAsCiphertextsAndShowTheirPlaintextToTheLawyer() {
        String notes = TestData.unique("Invented notes: the witness saw the police plant the evidence");
        String person = data.detainee(TestData.unique("Region"));
        UUID chilean = chileanCase(person, notes);
        String number = TestData.unique("Invented 1-234/2021");
        UUID belarusian = UUID.fromString(new LegalTestData(actors.lawyer()).openCase(person,
                Map.of("country", "BY", "court", "Invented Minsk district court", "caseNumber", number)));

        stored.assertSealed(COURT_CASE.RUC, chilean, RUC);
        stored.assertSealed(COURT_CASE.RIT, chilean, RIT);
        stored.assertSealed(COURT_CASE.LEGAL_NOTES, chilean, notes);
        stored.assertSealed(COURT_CASE.CASE_NUMBER, belarusian, number);
        assertThat(stored.of(COURT_CASE.CASE_NUMBER, chilean)).isNull();

        actors.lawyer().document(SEALED_FIELDS).variable("id", chilean).execute()
                .path("case.ruc").entity(String.class).isEqualTo(RUC)
                .path("case.rit").entity(String.class).isEqualTo(RIT)
                .path("case.legalNotes").entity(String.class).isEqualTo(notes)
                .path("case.caseNumber").valueIsNull();
        actors.lawyer().document(SEALED_FIELDS).variable("id", belarusian).execute()
                .path("case.caseNumber").entity(String.class).isEqualTo(number);
    }

    @Test
    void shouldSealEveryColumnAfreshOnUpdate() {
        String person = data.detainee(TestData.unique("Region"));
        UUID courtCase = chileanCase(person, TestData.unique("Invented notes"));
        byte[] rucBefore = stored.of(COURT_CASE.RUC, courtCase);
        String changedNotes = TestData.unique("Invented notes after the hearing");

        actors.lawyer().document("""
                        mutation($input: UpdateCaseInput!) { updateCase(input: $input) { version legalNotes ruc } }""")
                .variable("input", Map.of("id", courtCase.toString(), "version", 1, "legalNotes", changedNotes))
                .execute()
                .path("updateCase.version").entity(Integer.class).isEqualTo(2)
                .path("updateCase.ruc").entity(String.class).isEqualTo(RUC);

        stored.assertSealed(COURT_CASE.LEGAL_NOTES, courtCase, changedNotes);
        assertThat(stored.of(COURT_CASE.RUC, courtCase)).as("new nonce").isNotEqualTo(rucBefore);
        actors.lawyer().document(SEALED_FIELDS).variable("id", courtCase).execute()
                .path("case.ruc").entity(String.class).isEqualTo(RUC)
                .path("case.legalNotes").entity(String.class).isEqualTo(changedNotes);
    }

    @Test
    void shouldRefuseNotesCopiedFromAnotherCaseOfTheSamePerson(CapturedOutput output) {
        String copied = TestData.unique("Invented notes of the first case");
        String own = TestData.unique("Invented notes of the second case");
        String person = data.detainee(TestData.unique("Region"));
        UUID first = chileanCase(person, copied);
        UUID second = chileanCase(person, own);

        stored.put(COURT_CASE.LEGAL_NOTES, second, stored.of(COURT_CASE.LEGAL_NOTES, first));

        actors.lawyer().document(SEALED_FIELDS).variable("id", second).execute()
                .errors().satisfy(errors -> assertUndecryptable(errors, "court_case.legal_notes", copied, own))
                // opened on their own once admitted, the notes alone are withheld
                .path("case.legalNotes").valueIsNull()
                .path("case.ruc").entity(String.class).isEqualTo(RUC);
        assertThat(output.getAll()).contains("cannot decrypt court_case.legal_notes")
                .doesNotContain(copied).doesNotContain(own);
    }

    @Test
    void shouldRefuseACaseNumberCopiedIntoAnotherColumn() {
        String person = data.detainee(TestData.unique("Region"));
        UUID courtCase = chileanCase(person, null);

        stored.put(COURT_CASE.RIT, courtCase, stored.of(COURT_CASE.RUC, courtCase));

        actors.lawyer().document(SEALED_FIELDS).variable("id", courtCase).execute()
                .errors().satisfy(errors -> assertUndecryptable(errors, "court_case.rit", RUC, RIT));
    }

    @Test
    void shouldRefuseNotesCopiedFromAnotherPersonsCase() {
        String theirs = TestData.unique("Invented notes of someone else");
        UUID courtCase = chileanCase(data.detainee(TestData.unique("Region")), TestData.unique("Invented notes"));
        UUID other = chileanCase(data.detainee(TestData.unique("Region")), theirs);

        stored.put(COURT_CASE.LEGAL_NOTES, courtCase, stored.of(COURT_CASE.LEGAL_NOTES, other));

        actors.lawyer().document(SEALED_FIELDS).variable("id", courtCase).execute()
                .errors().satisfy(errors -> assertUndecryptable(errors, "court_case.legal_notes", theirs));
    }

    @Test
    void shouldRefuseNotesWithAFlippedBitAlsoInAPageOfCases(CapturedOutput output) {
        String notes = TestData.unique("Invented notes");
        String person = data.detainee(TestData.unique("Region"));
        UUID courtCase = chileanCase(person, notes);
        byte[] sealed = stored.of(COURT_CASE.LEGAL_NOTES, courtCase);

        for (int index : new int[] {1, sealed.length / 2, sealed.length - 1}) {
            stored.put(COURT_CASE.LEGAL_NOTES, courtCase, withBitFlipped(sealed, index));
            actors.lawyer().document("query($id: ID!) { detainee(id: $id) { cases { id legalNotes } } }")
                    .variable("id", person).execute()
                    .errors().satisfy(errors -> assertUndecryptable(errors, "court_case.legal_notes", notes))
                    .path("detainee.cases[0].legalNotes").valueIsNull()
                    .path("detainee.cases[0].id").entity(String.class).isEqualTo(courtCase.toString());
        }
        assertThat(output.getAll()).doesNotContain(notes);
    }

    @Test
    void shouldFailClosedWhenThePersonHasNoKey() {
        String person = data.detainee(TestData.unique("Region"));
        UUID courtCase = chileanCase(person, null);

        stored.withoutDataKeys(UUID.fromString(person), () -> {
            var read = cases.byId(courtCase).orElseThrow();
            assertThatThrownBy(() -> read.ruc().open())
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessage("cannot decrypt court_case.ruc: its subject has no data key");
            var page = cases.byDetainees(List.of(UUID.fromString(person))).get(UUID.fromString(person));
            assertThatThrownBy(() -> page.getFirst().rit().open())
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageStartingWith("cannot decrypt court_case.");
        });
    }

    private UUID chileanCase(String person, String notes) {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("ruc", RUC, "rit", RIT));
        if (notes != null) {
            fields.put("legalNotes", notes);
        }
        return UUID.fromString(new LegalTestData(actors.lawyer()).openCase(person, fields));
    }
}
