package org.prisonerregistry.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Argon2idTests {

    @Test
    void shouldMatchTheRfc9106TestVector() {
        // RFC 9106 section 5.3: Argon2id, version 0x13, 32 KiB, 3 passes, 4 lanes.
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] associatedData = filled(12, 0x04);

        byte[] tag = KeyringFile.argon2id(password, salt, secret, associatedData, 32, 3, 4, 32);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void shouldDeriveFromAPassphraseAsItsUtf8Bytes() {
        byte[] salt = filled(16, 0x07);
        String passphrase = "ñandú 🐦 passphrase";

        assertThat(KeyringFile.argon2id(passphrase.toCharArray(), salt, Argon2Settings.MINIMUM))
                .isEqualTo(KeyringFile.argon2id(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8), salt, null, null,
                        Argon2Settings.MINIMUM.memoryKiB(), Argon2Settings.MINIMUM.iterations(),
                        Argon2Settings.MINIMUM.parallelism(), 32));
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
