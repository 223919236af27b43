package org.prisonerregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prisonerregistry.database.DatabaseProperties;
import org.prisonerregistry.support.RawHttp;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code java -jar … token}, run against the data folder of the running test server. */
@RegistryIntegrationTest
class TokenCommandTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseProperties database;

    @TempDir
    Path emptyFolder;

    /** What the command printed and how it ended. */
    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new RegistryCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private String serverDataDir() {
        return "--registry.data-dir=" + database.dataDir().toAbsolutePath();
    }

    @Test
    void shouldPrintOnlyATokenThatTheRunningServerAccepts() {
        Run run = run("token", "--role", "lawyer", "--org", "DEF-CL", serverDataDir());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String token = run.out().strip();
        assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(run.err()).doesNotContain(token);
        HttpResponse<String> response = new RawHttp(port).query("{ legalProvisions(country: \"CL\") { code } }", token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(response).path("data").path("legalProvisions").isArray()).isTrue();
        JsonNode claims = payload(token);
        assertThat(claims.path("sub").stringValue()).isEqualTo("dev-lawyer");
        assertThat(claims.path("org").stringValue()).isEqualTo("DEF-CL");
        assertThat(claims.path("exp").longValue() - claims.path("iat").longValue()).isEqualTo(3600);
    }

    @Test
    void shouldHonourSubjectSeveralRolesAndLifetime() {
        Run run = run("token", "--role", "COORDINATOR", "--role", "lawyer", "--subject", "maria", "--ttl", "30m",
                serverDataDir());

        JsonNode claims = payload(run.out().strip());
        assertThat(claims.path("sub").stringValue()).isEqualTo("maria");
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(role -> roles.add(role.stringValue()));
        assertThat(roles).containsExactly("COORDINATOR", "LAWYER");
        assertThat(claims.path("exp").longValue() - claims.path("iat").longValue()).isEqualTo(1800);
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        Run run = run("token", "--role", "WIZARD", serverDataDir());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Unknown role 'WIZARD'").contains("PROTECTION_OFFICER");
    }

    @Test
    void shouldRefuseALifetimeBeyondSevenDays() {
        Run run = run("token", "--role", "ADMIN", "--ttl", "8d", serverDataDir());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("at most 7d");
    }

    @Test
    void shouldRefuseWhenARealIssuerIsConfigured() {
        Run run = run("token", "--role", "ADMIN", serverDataDir(),
                "--registry.jwt.jwks-uri=https://id.example.org/realms/registry/protocol/openid-connect/certs",
                "--registry.jwt.issuer=https://id.example.org/realms/registry", "--registry.jwt.audience=prisoner-registry");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("A real issuer is configured");
    }

    @Test
    void shouldCreateOnlyTheKeyAndStartNoDatabase() throws Exception {
        Path dataDir = emptyFolder.resolve("registry-data");

        Run run = run("token", "--role", "ANALYST", "--registry.data-dir=" + dataDir);

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("dev-issuer-key.json");
        }
    }

    private static JsonNode payload(String token) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
    }
}
