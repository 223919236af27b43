package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;

class DevelopmentIssuerKeyTests {

    @TempDir
    Path folder;

    @Test
    void shouldCreateTheKeyOwnerOnlyInAPrivateFolderAndReuseIt() throws Exception {
        Path dataDir = folder.resolve("registry-data");

        DevelopmentIssuerKey first = DevelopmentIssuerKey.loadOrCreate(dataDir);
        DevelopmentIssuerKey second = DevelopmentIssuerKey.loadOrCreate(dataDir);

        assertThat(first.file()).isEqualTo(dataDir.toAbsolutePath().resolve("dev-issuer-key.json"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(second.verificationKey()).isEqualTo(first.verificationKey());
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(first.file());
        }
    }

    @Test
    void shouldSignTokensThatOnlyItsOwnDecoderAccepts() {
        JwtProperties defaults = new JwtProperties(null, null, null, null, null, null);
        DevelopmentIssuerKey key = DevelopmentIssuerKey.loadOrCreate(folder.resolve("a"));
        String token = new DevelopmentIssuer(key, defaults).mint("dev-lawyer", Set.of(Role.LAWYER), "DEF-CL", Duration.ofMinutes(30));

        Jwt jwt = TrustedIssuers.developmentIssuer(key).decode(token);

        assertThat(jwt.getIssuer()).hasToString(DevelopmentIssuer.ISSUER);
        assertThat(jwt.getAudience()).containsExactly(DevelopmentIssuer.AUDIENCE);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("LAWYER");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));
        DevelopmentIssuerKey otherFolder = DevelopmentIssuerKey.loadOrCreate(folder.resolve("b"));
        assertThatThrownBy(() -> TrustedIssuers.developmentIssuer(otherFolder).decode(token))
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }

    @Test
    void shouldRefuseAKeyOtherUsersCanRead() throws Exception {
        DevelopmentIssuerKey key = DevelopmentIssuerKey.loadOrCreate(folder);
        Files.setPosixFilePermissions(key.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> DevelopmentIssuerKey.loadOrCreate(folder))
                .hasMessageContaining("can be read by other users");
    }

    @Test
    void shouldRefuseAKeyFileThatHoldsNoPrivateKey() throws Exception {
        DevelopmentIssuerKey key = DevelopmentIssuerKey.loadOrCreate(folder);
        Files.writeString(key.file(), key.verificationKey().toJSONString());

        assertThatThrownBy(() -> DevelopmentIssuerKey.loadOrCreate(folder)).hasMessageContaining("not a private P-256 key");
    }
}
