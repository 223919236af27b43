package org.prisonerregistry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prisonerregistry.Application;
import org.prisonerregistry.crypto.Argon2Settings;
import org.prisonerregistry.crypto.Keyring;
import org.prisonerregistry.crypto.KeyringFile;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up with the keyring settings an operator may get wrong: the registry must refuse, and say why. */
@ExtendWith(OutputCaptureExtension.class)
class KeyringStartupTests {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String WRONG_PASSPHRASE = "incorrect donkey battery staple";

    private final Path dir = Path.of("target/test-data/keyring-" + UUID.randomUUID()).toAbsolutePath();

    private ConfigurableApplicationContext start(String... properties) {
        // As command-line arguments, which (unlike default properties) override application.yaml.
        String[] arguments = new String[properties.length + 1];
        arguments[0] = "--registry.data-dir=" + dir.resolve("data");
        for (int i = 0; i < properties.length; i++) {
            arguments[i + 1] = "--" + properties[i];
        }
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).run(arguments);
    }

    private Path protectedKeyring() throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("elsewhere/keyring.json");
        KeyringFile.create(file, Keyring.generate(), PASSPHRASE.toCharArray(), Argon2Settings.MINIMUM);
        return file;
    }

    private static String everything(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Test
    void shouldRefuseToStartWithAWrongPassphrase(CapturedOutput output) throws Exception {
        Path file = protectedKeyring();

        Throwable failure = catchThrowable(() -> start("registry.keyring.file=" + file,
                "registry.keyring.passphrase=" + WRONG_PASSPHRASE).close());

        assertThat(failure).isNotNull().hasRootCauseInstanceOf(org.prisonerregistry.crypto.KeyringException.class);
        assertThat(everything(failure)).contains("The keyring cannot be opened").contains(file.toString())
                .contains("passphrase").doesNotContain(WRONG_PASSPHRASE).doesNotContain(PASSPHRASE);
        assertThat(output.getAll()).doesNotContain(WRONG_PASSPHRASE).doesNotContain(PASSPHRASE);
    }

    @Test
    void shouldRefuseToStartWhenTheConfiguredKeyringIsMissing() {
        Path missing = dir.resolve("nowhere/keyring.json");

        Throwable failure = catchThrowable(() -> start("registry.keyring.file=" + missing).close());

        assertThat(everything(failure)).contains("REGISTRY_KEYRING_FILE names " + missing + ", which does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldRefuseToStartWithATamperedKeyring() throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("tampered.json");
        KeyringFile.create(file, Keyring.generate(), null, Argon2Settings.MINIMUM);
        String content = Files.readString(file);
        int at = content.indexOf("\"material\" : \"") + 20;
        char flipped = content.charAt(at) == 'A' ? 'B' : 'A';
        Files.writeString(file, content.substring(0, at) + flipped + content.substring(at + 1));

        Throwable failure = catchThrowable(() -> start("registry.keyring.file=" + file).close());

        assertThat(everything(failure)).contains("The keyring cannot be opened").contains("damaged or edited");
    }

    @Test
    void shouldStartWithAPassphraseFromAFileAndNoWarningWhenTheKeyringIsApart(CapturedOutput output) throws Exception {
        Path file = protectedKeyring();
        Path passphraseFile = dir.resolve("passphrase");
        Files.writeString(passphraseFile, PASSPHRASE + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passphraseFile, PosixFilePermissions.fromString("rw-------"));

        try (ConfigurableApplicationContext context = start("registry.keyring.file=" + file,
                "registry.keyring.passphrase-file=" + passphraseFile)) {
            assertThat(context.getBean(KeyRotationService.class).status().currentMasterVersion()).isEqualTo(1);
        }
        assertThat(output.getAll()).contains("(passphrase-protected)").doesNotContain("sits in the data folder")
                .doesNotContain(PASSPHRASE);
    }

    @Test
    void shouldGenerateTheDefaultKeyringOwnerOnlyAndWarnThatItSitsBesideTheData(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            context.getBean(SubjectKeyService.class).dataKeyFor(UUID.randomUUID(), SubjectKind.DETAINEE);
        }
        Path keyring = dir.resolve("data/keyring.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyring))).isEqualTo("rw-------");
        assertThat(output.getAll()).contains("sits in the data folder").contains("section \"Keys\"");

        // The database now holds a data key: losing the keyring must stop the next start, not make a new one.
        Files.move(keyring, dir.resolve("keyring-moved-away.json"));
        Throwable failure = catchThrowable(() -> start().close());
        assertThat(everything(failure)).contains("The database holds 1 data keys but there is no keyring at");
        assertThat(keyring).doesNotExist();
    }
}
