package org.prisonerregistry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubjectKeysTests {

    private final FieldCipher cipher = new FieldCipher();
    private final UUID subject = UUID.randomUUID();
    private final FieldContext context = new FieldContext("detainee", "full_name", subject, subject, 1);

    @Test
    void shouldUnwrapTheSameKeyItGenerated() {
        Keyring keyring = Keyring.generate();
        NewDataKey created = new SubjectKeys(keyring).generate(subject, 1);

        assertThat(created.wrapped()).hasSize(SubjectKeys.WRAPPED_BYTES);
        assertThat(SubjectKeys.masterVersionOf(created.wrapped())).isEqualTo(1);
        DataKey unwrapped = new SubjectKeys(keyring).unwrap(created.wrapped(), subject, 1);
        assertThat(unwrapped.material()).isEqualTo(created.key().material());
    }

    @Test
    void shouldRewrapFromVersionNToNPlusOneKeepingTheFieldsReadable() {
        Keyring v1 = Keyring.generate();
        NewDataKey created = new SubjectKeys(v1).generate(subject, 1);
        byte[] stored = cipher.encryptText("Rosa Elvira Quispe", context, created.key());

        Keyring v2 = v1.withNewMasterKey();
        SubjectKeys keys = new SubjectKeys(v2);
        assertThat(keys.needsRewrap(created.wrapped())).isTrue();
        byte[] rewrapped = keys.rewrap(created.wrapped(), subject, 1);

        assertThat(SubjectKeys.masterVersionOf(rewrapped)).isEqualTo(2);
        assertThat(keys.needsRewrap(rewrapped)).isFalse();
        assertThat(cipher.decryptText(stored, context, keys.unwrap(rewrapped, subject, 1))).isEqualTo("Rosa Elvira Quispe");
    }

    @Test
    void shouldRefuseKeysWrappedUnderARetiredVersion() {
        Keyring v1 = Keyring.generate();
        byte[] old = new SubjectKeys(v1).generate(subject, 1).wrapped();
        Keyring retired = v1.withNewMasterKey().retireBelow(2);

        assertThatThrownBy(() -> new SubjectKeys(retired).unwrap(old, subject, 1))
                .isInstanceOf(KeyringException.class)
                .hasMessageContaining("master key version 1 is retired");
        assertThatThrownBy(() -> new SubjectKeys(retired).rewrap(old, subject, 1))
                .isInstanceOf(KeyringException.class);
        assertThatThrownBy(() -> retired.retireBelow(1)).isInstanceOf(KeyringException.class);
    }

    @Test
    void shouldFailClosedOnAMissingMasterVersion() {
        Keyring v2 = Keyring.generate().withNewMasterKey();
        byte[] wrapped = new SubjectKeys(v2).generate(subject, 1).wrapped();

        assertThatThrownBy(() -> new SubjectKeys(Keyring.generate()).unwrap(wrapped, subject, 1))
                .isInstanceOf(KeyringException.class)
                .hasMessageContaining("master key version 2 is not in the keyring");
    }

    @Test
    void shouldRefuseAnotherKeyringsMasterKeyByItsCommitment() {
        byte[] wrapped = new SubjectKeys(Keyring.generate()).generate(subject, 1).wrapped();

        assertThatThrownBy(() -> new SubjectKeys(Keyring.generate()).unwrap(wrapped, subject, 1))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("another master key");
    }

    @Test
    void shouldFailOnEveryFlippedBitAndOnAnotherSubjectOrVersion() {
        SubjectKeys keys = new SubjectKeys(Keyring.generate());
        byte[] wrapped = keys.generate(subject, 1).wrapped();
        for (int bit = 0; bit < wrapped.length * 8; bit++) {
            byte[] tampered = wrapped.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            // A flipped master version names a version the keyring lacks: also refused, as a KeyringException.
            assertThatThrownBy(() -> keys.unwrap(tampered, subject, 1))
                    .isInstanceOfAny(DecryptionFailedException.class, KeyringException.class);
        }
        assertThatThrownBy(() -> keys.unwrap(wrapped, UUID.randomUUID(), 1)).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> keys.unwrap(wrapped, subject, 2)).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> keys.unwrap(java.util.Arrays.copyOf(wrapped, 50), subject, 1))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void shouldUnwrapOnTheSameThreadAfterATamperedUnwrapFailed() {
        // The GCM-SIV cipher is re-used per thread: a rejected key must not spoil the next unwrap.
        SubjectKeys keys = new SubjectKeys(Keyring.generate());
        NewDataKey created = keys.generate(subject, 1);
        byte[] stored = cipher.encryptText("Rosa Elvira Quispe", context, created.key());
        byte[] tamperedTag = created.wrapped().clone();
        tamperedTag[SubjectKeys.WRAPPED_BYTES - 1] ^= 1;
        byte[] tamperedKey = created.wrapped().clone();
        tamperedKey[SubjectKeys.WRAPPED_OFFSET] ^= (byte) 0x80;

        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> keys.unwrap(tamperedTag, subject, 1))
                    .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("authentication failed");
            DataKey afterTag = keys.unwrap(created.wrapped(), subject, 1);
            assertThat(afterTag.material()).isEqualTo(created.key().material());
            assertThat(cipher.decryptText(stored, context, afterTag)).isEqualTo("Rosa Elvira Quispe");

            assertThatThrownBy(() -> keys.unwrap(tamperedKey, subject, 1))
                    .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("authentication failed");
            assertThatThrownBy(() -> keys.unwrap(created.wrapped(), UUID.randomUUID(), 1))
                    .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("authentication failed");
            assertThat(keys.unwrap(created.wrapped(), subject, 1).material()).isEqualTo(created.key().material());
            // And sealing on the same thread after a failure still round-trips.
            NewDataKey another = keys.generate(subject, 2);
            assertThat(keys.unwrap(another.wrapped(), subject, 2).material()).isEqualTo(another.key().material());
        }
    }

    @Test
    void shouldDeriveTheSameSubKeysAsTwoFullHkdfDerivations() {
        // Extracting once for both sub-keys must not change them, or stored data would become unreadable.
        byte[] key = Keyring.randomKey();
        CommittingKey committing = new CommittingKey(key, "field");
        assertThat(committing.encryptionKey()).isEqualTo(Hkdf.derive(key, null,
                "prisoner-registry/field/encrypt/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 32));
        assertThat(committing.commitment()).isEqualTo(Hkdf.derive(key, null,
                "prisoner-registry/field/commit/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 32));
    }
}
