package org.prisonerregistry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private static final String SECRET = "Torture-allegation-ZX81-Quintero";

    private final Keyring keyring = Keyring.generate();
    private final SubjectKeys subjectKeys = new SubjectKeys(keyring);
    private final FieldCipher cipher = new FieldCipher();
    private final UUID subject = UUID.randomUUID();
    private final UUID row = UUID.randomUUID();
    private final DataKey key = subjectKeys.generate(subject, 1).key();
    private final FieldContext context = new FieldContext("legal_note", "body", row, subject, 1);

    @Test
    void shouldRoundTripAndHideThePlaintext() {
        byte[] stored = cipher.encryptText(SECRET, context, key);

        assertThat(stored).hasSize(SECRET.getBytes(StandardCharsets.UTF_8).length + FieldCipher.OVERHEAD);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Quintero");
        assertThat(cipher.decryptText(stored, context, key)).isEqualTo(SECRET);
    }

    @Test
    void shouldUseAFreshNonceEachTime() {
        assertThat(cipher.encryptText(SECRET, context, key)).isNotEqualTo(cipher.encryptText(SECRET, context, key));
    }

    @Test
    void shouldWriteTheVersionedHeader() {
        byte[] stored = cipher.encryptText(SECRET, context, key);

        assertThat(stored[0]).isEqualTo((byte) 1);
        assertThat(stored[1]).isEqualTo((byte) 1);
        assertThat(Encoding.readU32(stored, 2)).isEqualTo(1);
    }

    @Test
    void shouldRoundTripAnEmptyValue() {
        assertThat(cipher.decrypt(cipher.encrypt(new byte[0], context, key), context, key)).isEmpty();
    }

    @Test
    void shouldFailOnEveryFlippedBitInHeaderNonceCommitmentCiphertextAndTag() {
        byte[] stored = cipher.encryptText(SECRET, context, key);
        for (int bit = 0; bit < stored.length * 8; bit++) {
            byte[] tampered = stored.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertRefused(tampered, context, key);
        }
    }

    @Test
    void shouldFailWhenTruncatedAtAnyLength() {
        byte[] stored = cipher.encryptText(SECRET, context, key);
        for (int length = 0; length < stored.length; length++) {
            assertRefused(java.util.Arrays.copyOf(stored, length), context, key);
        }
        assertRefused(null, context, key);
    }

    @Test
    void shouldFailWhenCopiedToAnotherTableColumnRowOrSubject() {
        byte[] stored = cipher.encryptText(SECRET, context, key);

        assertRefused(stored, new FieldContext("defender_note", "body", row, subject, 1), key);
        assertRefused(stored, new FieldContext("legal_note", "summary", row, subject, 1), key);
        assertRefused(stored, new FieldContext("legal_note", "body", UUID.randomUUID(), subject, 1), key);
        // Length-prefixed strings: moving a character from table to column is another place.
        assertRefused(stored, new FieldContext("legal_not", "ebody", row, subject, 1), key);
    }

    @Test
    void shouldFailWhenCopiedToAnotherSubjectEvenWithThatSubjectsKey() {
        byte[] stored = cipher.encryptText(SECRET, context, key);
        UUID other = UUID.randomUUID();
        DataKey otherKey = subjectKeys.generate(other, 1).key();

        assertRefused(stored, new FieldContext("legal_note", "body", row, other, 1), otherKey);
        assertRefused(stored, context, otherKey);
    }

    @Test
    void shouldFailWithASwappedKeyVersion() {
        byte[] stored = cipher.encryptText(SECRET, context, key);
        DataKey second = subjectKeys.generate(subject, 2).key();

        assertRefused(stored, new FieldContext("legal_note", "body", row, subject, 2), second);
    }

    @Test
    void shouldRefuseAWrongDataKeyByItsCommitmentBeforeDecrypting() {
        byte[] stored = cipher.encryptText(SECRET, context, key);
        DataKey impostor = subjectKeys.generate(subject, 1).key();

        assertThatThrownBy(() -> cipher.decrypt(stored, context, impostor))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("another data key");
    }

    @Test
    void shouldNameThePlaceButNeverTheValueOrKeyInErrors() {
        byte[] stored = cipher.encryptText(SECRET, context, key);
        stored[stored.length - 1] ^= 1;
        String keyHex = HexFormat.of().formatHex(key.material());

        assertThatThrownBy(() -> cipher.decrypt(stored, context, key))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("legal_note.body")
                .hasNoCause()
                .satisfies(e -> {
                    assertThat(e.toString()).doesNotContain(SECRET).doesNotContain("Quintero")
                            .doesNotContainIgnoringCase(keyHex);
                    assertThat(e.getStackTrace()).isEmpty();
                });
        assertThat(key.toString()).doesNotContainIgnoringCase(keyHex);
        assertThat(keyring.toString()).doesNotContainIgnoringCase(HexFormat.of().formatHex(keyring.indexKey()));
    }

    @Test
    void shouldNotEncryptWithAnotherSubjectsKey() {
        FieldContext elsewhere = new FieldContext("legal_note", "body", row, UUID.randomUUID(), 1);

        assertThatThrownBy(() -> cipher.encryptText(SECRET, elsewhere, key)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(SECRET);
    }

    @Test
    void shouldRefuseADestroyedKey() {
        byte[] stored = cipher.encryptText(SECRET, context, key);
        key.destroy();

        assertRefused(stored, context, key);
    }

    private void assertRefused(byte[] stored, FieldContext where, DataKey with) {
        assertThatThrownBy(() -> cipher.decrypt(stored, where, with))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageStartingWith("cannot decrypt " + where.place())
                .message().doesNotContain(SECRET);
    }
}
