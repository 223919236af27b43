package org.prisonerregistry.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps Bouncy Castle inside this package, and this package free of the rest of the project. */
class CryptoBoundaryTests {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path CRYPTO = MAIN.resolve("org/prisonerregistry/crypto");

    @Test
    void shouldBeTheOnlyPackageThatImportsBouncyCastle() throws IOException {
        assertThat(CRYPTO).isDirectory();
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> outside = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(CRYPTO))
                    .filter(f -> read(f).contains("org.bouncycastle"))
                    .toList();
            assertThat(outside).isEmpty();
        }
    }

    @Test
    void shouldImportNoOtherProjectPackage() throws IOException {
        try (Stream<Path> files = Files.list(CRYPTO)) {
            List<String> imports = files.flatMap(f -> read(f).lines())
                    .filter(line -> line.startsWith("import org.prisonerregistry.") || line.startsWith("import static org.prisonerregistry."))
                    .toList();
            assertThat(imports).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
