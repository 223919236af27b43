package org.prisonerregistry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringFileTests {

    // Low enough that the suite stays fast, still above the floor the loader enforces.
    private static final Argon2Settings CHEAP = Argon2Settings.MINIMUM;
    private static final String PASSPHRASE = "correct horse battery staple ñandú";

    @TempDir
    Path dir;

    @Test
    void shouldGenerateAnOwnerOnlyFileAtFirstStartAndReloadTheSameKeys() throws IOException {
        Path file = dir.resolve("data/keyring.json");
        Keyring created = KeyringFile.loadOrCreate(file, null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Keyring reloaded = KeyringFile.loadOrCreate(file, null);
        assertSameKeys(reloaded, created);
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void shouldReloadAPassphraseProtectedKeyringWithoutKeysInTheClear() throws IOException {
        Path file = dir.resolve("keyring.json");
        Keyring keyring = Keyring.generate().withNewMasterKey().retireBelow(2);
        KeyringFile.create(file, keyring, PASSPHRASE.toCharArray(), CHEAP);

        String content = Files.readString(file);
        assertThat(content).contains("\"argon2id\"").doesNotContain(PASSPHRASE)
                .doesNotContain(Base64.getEncoder().encodeToString(keyring.indexKey()));
        Keyring reloaded = KeyringFile.load(file, PASSPHRASE.toCharArray());
        assertSameKeys(reloaded, keyring);
        assertThat(reloaded.minimumDecryptionVersion()).isEqualTo(2);
    }

    @Test
    void shouldFailClosedOnAWrongOrMissingPassphrase() {
        Path file = dir.resolve("keyring.json");
        KeyringFile.create(file, Keyring.generate(), PASSPHRASE.toCharArray(), CHEAP);

        assertThatThrownBy(() -> KeyringFile.load(file, "correct horse battery stapler".toCharArray()))
                .isInstanceOf(KeyringException.class)
                .hasMessageContaining("wrong passphrase")
                .message().doesNotContain("stapler").doesNotContain(PASSPHRASE);
        assertThatThrownBy(() -> KeyringFile.load(file, null))
                .isInstanceOf(KeyringException.class).hasMessageContaining("none was given");
    }

    @Test
    void shouldFailClosedOnATamperedProtectedFile() throws IOException {
        Path file = dir.resolve("keyring.json");
        KeyringFile.create(file, Keyring.generate(), PASSPHRASE.toCharArray(), CHEAP);
        String original = Files.readString(file);

        // The material, the salt and the (authenticated) cost settings each count.
        rewrite(file, flipFirstBase64Char(original, "\"material\" : \""));
        assertThatThrownBy(() -> KeyringFile.load(file, PASSPHRASE.toCharArray())).isInstanceOf(KeyringException.class);
        rewrite(file, flipFirstBase64Char(original, "\"salt\" : \""));
        assertThatThrownBy(() -> KeyringFile.load(file, PASSPHRASE.toCharArray())).isInstanceOf(KeyringException.class);
        rewrite(file, original.replace("\"iterations\" : 2", "\"iterations\" : 3"));
        assertThatThrownBy(() -> KeyringFile.load(file, PASSPHRASE.toCharArray())).isInstanceOf(KeyringException.class);
        rewrite(file, original.replace("\"iterations\" : 2", "\"iterations\" : 1"));
        assertThatThrownBy(() -> KeyringFile.load(file, PASSPHRASE.toCharArray()))
                .isInstanceOf(KeyringException.class).hasMessageContaining("Argon2id settings");
    }

    @Test
    void shouldFailClosedOnATamperedOrTruncatedUnprotectedFile() throws IOException {
        Path file = dir.resolve("keyring.json");
        KeyringFile.create(file, Keyring.generate(), null, CHEAP);
        String original = Files.readString(file);

        rewrite(file, flipFirstBase64Char(original, "\"material\" : \""));
        assertThatThrownBy(() -> KeyringFile.load(file, null))
                .isInstanceOf(KeyringException.class).hasMessageContaining("fails its checksum");
        rewrite(file, original.substring(0, original.length() / 2));
        assertThatThrownBy(() -> KeyringFile.load(file, null))
                .isInstanceOf(KeyringException.class).hasMessageContaining("malformed");
        rewrite(file, original.replace("\"format\" : \"prisoner-registry-keyring/1\"", "\"format\" : \"other\""));
        assertThatThrownBy(() -> KeyringFile.load(file, null)).isInstanceOf(KeyringException.class);
    }

    @Test
    void shouldRefuseAKeyringOthersCanRead() throws IOException {
        Path file = dir.resolve("keyring.json");
        KeyringFile.create(file, Keyring.generate(), null, CHEAP);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KeyringFile.load(file, null))
                .isInstanceOf(KeyringException.class).hasMessageContaining("chmod 600");
    }

    @Test
    void shouldFailClosedWhenTheFileIsMissingOrWouldBeOverwritten() {
        Path file = dir.resolve("keyring.json");
        assertThatThrownBy(() -> KeyringFile.load(file, null))
                .isInstanceOf(KeyringException.class).hasMessageContaining("no keyring file at");

        KeyringFile.create(file, Keyring.generate(), null, CHEAP);
        assertThatThrownBy(() -> KeyringFile.create(file, Keyring.generate(), null, CHEAP))
                .isInstanceOf(KeyringException.class).hasMessageContaining("not overwriting");
    }

    @Test
    void shouldKeepDataKeysReadableAcrossARotationSavedToTheFile() {
        Path file = dir.resolve("keyring.json");
        Keyring v1 = KeyringFile.loadOrCreate(file, null);
        UUID subject = UUID.randomUUID();
        byte[] wrapped = new SubjectKeys(v1).generate(subject, 1).wrapped();

        KeyringFile.replace(file, v1.withNewMasterKey(), null, CHEAP);
        Keyring v2 = KeyringFile.load(file, null);
        byte[] rewrapped = new SubjectKeys(v2).rewrap(wrapped, subject, 1);
        KeyringFile.replace(file, v2.retireBelow(2), null, CHEAP);
        SubjectKeys retired = new SubjectKeys(KeyringFile.load(file, null));

        assertThat(retired.unwrap(rewrapped, subject, 1).version()).isEqualTo(1);
        assertThatThrownBy(() -> retired.unwrap(wrapped, subject, 1)).isInstanceOf(KeyringException.class);
    }

    private static void assertSameKeys(Keyring actual, Keyring expected) {
        assertThat(actual.versions()).isEqualTo(expected.versions());
        expected.masterKeys().forEach((version, key) ->
                assertThat(HexFormat.of().formatHex(actual.masterKeys().get(version))).isEqualTo(HexFormat.of().formatHex(key)));
        assertThat(actual.indexKey()).isEqualTo(expected.indexKey());
    }

    private static String flipFirstBase64Char(String json, String after) {
        int at = json.indexOf(after) + after.length();
        char c = json.charAt(at);
        return json.substring(0, at) + (c == 'A' ? 'B' : 'A') + json.substring(at + 1);
    }

    private static void rewrite(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
