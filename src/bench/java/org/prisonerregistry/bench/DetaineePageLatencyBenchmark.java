package org.prisonerregistry.bench;

import static org.prisonerregistry.db.Tables.CASELOAD;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.ORGANISATION;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Record7;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.prisonerregistry.Application;
import org.prisonerregistry.database.DatabaseProperties;
import org.prisonerregistry.identity.DevelopmentIssuer;
import org.prisonerregistry.identity.DevelopmentIssuerKey;
import org.prisonerregistry.identity.JwtProperties;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.SubjectOpener;
import org.prisonerregistry.seed.DemoSeeder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What field decryption adds to the page that matters most: the first 50
 * detainees of a coordinator's caseload with their personal data, asked over HTTP of a running
 * registry (embedded PostgreSQL, 3,000 demo detainees), in microseconds per page:
 * <ul>
 *   <li>{@code pageWithPersonalData}: the page with the 5 RESTRICTED fields a coordinator may read
 *       (full name, aliases, national ID, date of birth, family contact) beside the clear ones;
 *   <li>{@code pageWithoutPersonalData}: the same page, clear fields only;
 *   <li>{@code decryptionOfThePage}: the decryption work inside the first: the page's 50 data keys read
 *       in one statement and unwrapped, then its 250 encrypted values opened.
 * </ul>
 * The share decryption adds is {@code decryptionOfThePage / pageWithPersonalData}, compared within
 * one run because the machine is shared and noisy.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class DetaineePageLatencyBenchmark {

    static final int DETAINEES = 3_000;
    static final int PAGE = 50;

    private static final String CLEAR_FIELDS = "id publicCode country region commune gender affiliation ageBand lastContactOn";
    private static final String WITH_PERSONAL_DATA = query(CLEAR_FIELDS
            + " fullName aliases nationalId { kind number } dateOfBirth familyContact");
    private static final String WITHOUT_PERSONAL_DATA = query(CLEAR_FIELDS);

    private Path dataDir;
    private ConfigurableApplicationContext registry;
    private HttpClient http;
    private URI endpoint;
    private String token;
    private FieldSealing sealing;
    private List<Record7<UUID, byte[], byte[], byte[], byte[], byte[], String>> storedPage;

    private static String query(String fields) {
        return "{\"query\":\"{ detainees(first: " + PAGE + ") { edges { node { " + fields + " } } } }\"}";
    }

    @Setup(Level.Trial)
    public void startRegistry() throws IOException {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        dataDir = Files.createTempDirectory("page-latency-bench");
        SpringApplication app = new SpringApplication(Application.class);
        app.setLogStartupInfo(false);
        registry = app.run("--registry.data-dir=" + dataDir, "--server.port=0", "--logging.level.root=WARN");
        registry.getBean(DemoSeeder.class).seed(DETAINEES, DemoSeeder.DEMO_RANDOM_SEED);

        DSLContext db = registry.getBean(DSLContext.class);
        // The organisation with the largest caseload, so that its coordinator's first page is full.
        String organisation = db.select(ORGANISATION.CODE).from(CASELOAD)
                .join(ORGANISATION).on(ORGANISATION.ID.eq(CASELOAD.ORGANISATION_ID))
                .groupBy(ORGANISATION.CODE).orderBy(org.jooq.impl.DSL.count().desc()).limit(1).fetchSingle().value1();
        token = new DevelopmentIssuer(DevelopmentIssuerKey.loadOrCreate(registry.getBean(DatabaseProperties.class).dataDir()),
                registry.getBean(JwtProperties.class)).mint("bench-coordinator", Set.of(Role.COORDINATOR), organisation,
                Duration.ofHours(2));
        endpoint = URI.create("http://127.0.0.1:" + registry.getEnvironment().getProperty("local.server.port") + "/graphql");
        http = HttpClient.newHttpClient();

        sealing = registry.getBean(FieldSealing.class);
        storedPage = db.select(DETAINEE.ID, DETAINEE.FULL_NAME, DETAINEE.ALIASES, DETAINEE.NATIONAL_ID,
                        DETAINEE.DATE_OF_BIRTH, DETAINEE.FAMILY_CONTACT, DETAINEE.PUBLIC_CODE)
                .from(DETAINEE)
                .where(DETAINEE.ID.in(db.select(CASELOAD.DETAINEE_ID).from(CASELOAD).join(ORGANISATION)
                        .on(ORGANISATION.ID.eq(CASELOAD.ORGANISATION_ID)).where(ORGANISATION.CODE.eq(organisation))))
                .orderBy(DETAINEE.PUBLIC_CODE).limit(PAGE).fetch();
        String answer = post(WITH_PERSONAL_DATA);
        if (!answer.contains("\"fullName\":\"") || answer.contains("\"errors\"")) {
            throw new IllegalStateException("The benchmark page did not come back with personal data; check the query");
        }
    }

    @TearDown(Level.Trial)
    public void stopRegistry() {
        registry.close();
    }

    @Benchmark
    public String pageWithPersonalData() throws IOException, InterruptedException {
        return post(WITH_PERSONAL_DATA);
    }

    @Benchmark
    public String pageWithoutPersonalData() throws IOException, InterruptedException {
        return post(WITHOUT_PERSONAL_DATA);
    }

    @Benchmark
    public void decryptionOfThePage(Blackhole out) {
        try (SubjectOpener opener = sealing.openerFor(storedPage.stream().map(Record7::value1).toList())) {
            for (var row : storedPage) {
                UUID id = row.value1();
                out.consume(opener.open(DETAINEE.FULL_NAME, id, id, row.value2()));
                out.consume(opener.open(DETAINEE.ALIASES, id, id, row.value3()));
                out.consume(opener.open(DETAINEE.NATIONAL_ID, id, id, row.value4()));
                out.consume(opener.openDate(DETAINEE.DATE_OF_BIRTH, id, id, row.value5()));
                out.consume(opener.open(DETAINEE.FAMILY_CONTACT, id, id, row.value6()));
            }
        }
    }

    private String post(String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
