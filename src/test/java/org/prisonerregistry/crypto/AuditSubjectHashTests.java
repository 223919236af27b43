package org.prisonerregistry.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditSubjectHashTests {

    private final Keyring keyring = Keyring.generate();
    private final AuditSubjectHash hash = new AuditSubjectHash(keyring);
    private final UUID person = UUID.randomUUID();

    @Test
    void shouldNameOnePersonAlikeAcrossInstancesAndMasterKeyRotation() {
        assertThat(hash.of("DETAINEE", person)).isEqualTo(new AuditSubjectHash(keyring.withNewMasterKey()).of("DETAINEE", person))
                .hasSize(2 * AuditSubjectHash.BYTES).matches("[0-9a-f]+");
    }

    @Test
    void shouldNameOnePersonAlikeHoweverManyOthersWereHashedBeforeOnTheSameThread() {
        // the keyed HMAC is reused per thread: each hash must start again from the key alone
        String first = hash.of("DETAINEE", person);
        for (int i = 0; i < 3; i++) {
            hash.of("DEFENDER", UUID.randomUUID());
        }
        assertThat(hash.of("DETAINEE", person)).isEqualTo(first)
                .isEqualTo(new AuditSubjectHash(keyring).of("DETAINEE", person));
    }

    @Test
    void shouldNameDifferentPersonsKindsAndKeyringsDifferently() {
        assertThat(hash.of("DETAINEE", person)).isNotEqualTo(hash.of("DEFENDER", person))
                .isNotEqualTo(hash.of("DETAINEE", UUID.randomUUID()))
                .isNotEqualTo(new AuditSubjectHash(Keyring.generate()).of("DETAINEE", person));
    }

    @Test
    void shouldUseAKeyOfItsOwnRatherThanABlindIndexKey() {
        // the same HMAC input under the index key or a column key must not give the audit hash
        byte[] input = new Encoding().text("DETAINEE").uuid(person).toByteArray();
        String underIndexKey = HexFormat.of().formatHex(HmacSha256.mac(keyring.indexKey(), input, AuditSubjectHash.BYTES));
        assertThat(hash.of("DETAINEE", person)).isNotEqualTo(underIndexKey);
        assertThat(hash.of("DETAINEE", person)).doesNotContain(person.toString().replace("-", ""));
    }
}
