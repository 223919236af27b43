package org.prisonerregistry.support;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.prisonerregistry.crypto.FieldCipher;

/** Checks on what an encrypted column holds, read raw from the database. */
public final class StoredCiphertexts {

    private StoredCiphertexts() {
    }

    /**
     * {@code stored} is a ciphertext in crypto.FieldCipher's format (format byte 0x01, its overhead on
     * top of the plaintext) and does not contain the plaintext's bytes anywhere.
     */
    public static void assertSealed(byte[] stored, String plaintext) {
        byte[] clear = plaintext.getBytes(UTF_8);
        assertThat(stored).as("stored ciphertext").isNotNull().hasSize(clear.length + FieldCipher.OVERHEAD);
        assertThat(stored[0]).as("format byte").isEqualTo((byte) 0x01);
        // Latin-1 maps each byte to one char, so this looks for the plaintext's bytes as a run.
        assertThat(new String(stored, ISO_8859_1)).as("stored ciphertext").doesNotContain(new String(clear, ISO_8859_1));
    }
}
