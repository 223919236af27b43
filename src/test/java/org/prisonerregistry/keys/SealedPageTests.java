package org.prisonerregistry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.SUBJECT_KEY;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;

/** Sealed values and their page: keys read once, on the first open, destroyed on close; no plaintext in sight. */
@RegistryIntegrationTest
class SealedPageTests {

    private static final String NAME = "Invented Sealed Name";
    private static final String OTHER = "Invented Other Name";

    @Autowired
    FieldSealing sealing;

    @Autowired
    SqlStatementCounter statements;

    private record Subject(UUID id, byte[] name) {}

    private Subject subject(String name) {
        UUID id = UUID.randomUUID();
        try (SubjectSealer sealer = sealing.sealerFor(id, SubjectKind.DETAINEE)) {
            return new Subject(id, sealer.seal(DETAINEE.FULL_NAME, id, name));
        }
    }

    @Test
    void shouldReadThePagesKeysInOneStatementOnTheFirstOpenOnly() {
        Subject a = subject(NAME);
        Subject b = subject(OTHER);
        statements.reset();
        try (SealedPage page = sealing.page(List.of(a.id(), b.id()))) {
            Sealed<String> first = page.text(DETAINEE.FULL_NAME, a.id(), a.id(), a.name());
            Sealed<String> second = page.text(DETAINEE.FULL_NAME, b.id(), b.id(), b.name());
            assertThat(statements.selectsFrom(SUBJECT_KEY)).as("key reads before anything is opened").isZero();

            long before = sealing.valuesOpened();
            assertThat(first.open()).isEqualTo(NAME);
            assertThat(second.open()).isEqualTo(OTHER);
            assertThat(first.open()).isEqualTo(NAME);
            assertThat(sealing.valuesOpened() - before).as("decryptions: one per open").isEqualTo(3);
            assertThat(statements.selectsFrom(SUBJECT_KEY)).as("key reads for the page").isEqualTo(1);
        }
    }

    @Test
    void shouldDecryptNothingForAnEmptyColumnNorForAValueInHand() {
        Subject a = subject(NAME);
        statements.reset();
        long before = sealing.valuesOpened();
        try (SealedPage page = sealing.page(List.of(a.id()))) {
            assertThat(page.text(DETAINEE.NOTES, a.id(), a.id(), null).open()).isNull();
            assertThat(page.value(DETAINEE.ALIASES, a.id(), a.id(), null, text -> List.of(text), List.of()).open()).isEmpty();
            assertThat(page.text(DETAINEE.NOTES, a.id(), a.id(), null).isEmpty()).isTrue();
        }
        assertThat(Sealed.inHand(NAME).open()).isEqualTo(NAME);
        assertThat(sealing.valuesOpened() - before).isZero();
        assertThat(statements.selectsFrom(SUBJECT_KEY)).isZero();
    }

    @Test
    void shouldRefuseToOpenOnceThePageIsClosed() {
        Subject a = subject(NAME);
        SealedPage page = sealing.page(List.of(a.id()));
        Sealed<String> name = page.text(DETAINEE.FULL_NAME, a.id(), a.id(), a.name());
        assertThat(name.open()).isEqualTo(NAME);
        page.close();
        assertThatThrownBy(name::open).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(NAME);
    }

    @Test
    void shouldCloseEveryPageARequestOpenedWhenItEnds() {
        Subject a = subject(NAME);
        OpenedPages request = new OpenedPages();
        SealedPage page = sealing.page(List.of(a.id()));
        Sealed<String> name = page.text(DETAINEE.FULL_NAME, a.id(), a.id(), a.name());
        assertThat(name.openFor(request)).isEqualTo(NAME);
        request.close();
        assertThatThrownBy(name::open).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNeverShowNorCompareAPlaintext() {
        Subject a = subject(NAME);
        try (SealedPage page = sealing.page(List.of(a.id()))) {
            Sealed<String> sealed = page.text(DETAINEE.FULL_NAME, a.id(), a.id(), a.name());
            assertThat(sealed.toString()).isEqualTo("Sealed[detainee.full_name]").doesNotContain(NAME);
            assertThat(Sealed.inHand(NAME).toString()).doesNotContain(NAME);
            assertThat(sealed).as("the same place and ciphertext").isEqualTo(page.text(DETAINEE.FULL_NAME, a.id(), a.id(), a.name()));
            assertThat(sealed).as("a plaintext is no sealed value").isNotEqualTo(Sealed.inHand(NAME));
            assertThat(Sealed.inHand(NAME)).as("in hand: equal only to itself").isNotEqualTo(Sealed.inHand(NAME));
        }
    }
}
