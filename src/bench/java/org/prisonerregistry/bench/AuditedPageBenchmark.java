package org.prisonerregistry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.prisonerregistry.Application;
import org.prisonerregistry.database.DatabaseProperties;
import org.prisonerregistry.identity.DevelopmentIssuer;
import org.prisonerregistry.identity.DevelopmentIssuerKey;
import org.prisonerregistry.identity.JwtProperties;
import org.prisonerregistry.identity.Role;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audited page reads against the same page without sensitive fields, over HTTP against the whole
 * registry (embedded PostgreSQL in a fresh folder under target/): a coordinator's page of 50
 * detainees with their RESTRICTED identity fields (every such read writes one audit event before
 * the answer leaves) vs the same 50 rows with INTERNAL fields only (no event). Clients send requests
 * back to back, the two pages alternating in rounds so that both see the same machine load; prints
 * reads per second, median latency and their ratio.
 *
 * <p>Not a JMH benchmark: it needs one running server for both pages, so that the ratio comes from
 * one run. Run with {@code mvn -B -q -Pbench test-compile exec:exec -Djmh.args=} and
 * {@code -Dbench.main=org.prisonerregistry.bench.AuditedPageBenchmark} (README, "Benchmarks").
 * Arguments: seconds per round (default 5), rounds (default 4), concurrent clients (default 1).
 */
public final class AuditedPageBenchmark {

    static final int PAGE = 50;
    static final String ORGANISATION = "BENCH-CASELOAD";
    static final String AUDITED = "query AuditedPage { detainees(first: 50) { edges { node { publicCode region gender ageBand "
            + "fullName aliases nationalId { kind number } dateOfBirth familyContact } } } }";
    /** The same page without its sensitive fields. */
    static final String PLAIN = "query PlainPage { detainees(first: 50) { edges { node { publicCode region gender ageBand } } } }";
    /**
     * The same page with as many fields as the audited one, all INTERNAL (no event): it does the same
     * GraphQL work, so against it the difference is what sensitivity costs (decryption is paid by all
     * three, the repositories decrypt the rows they read), not what a wider answer costs.
     */
    static final String SAME_WIDTH_PLAIN = "query SameWidthPlainPage { detainees(first: 50) { edges { node { publicCode region "
            + "gender ageBand country commune affiliation consentToBeNamed lastContactOn recordedAt version } } } }";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String coordinatorToken;
    private int clients = 1;

    private AuditedPageBenchmark(URI endpoint, String coordinatorToken) {
        this.endpoint = endpoint;
        this.coordinatorToken = coordinatorToken;
    }

    public static void main(String[] args) throws Exception {
        int secondsPerRound = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Path dataDir = Path.of("target/bench-data/" + UUID.randomUUID());
        try (ConfigurableApplicationContext registry = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                // arguments, not default properties: application.yaml would override those
                .run("--registry.data-dir=" + dataDir, "--server.port=0", "--logging.level.root=WARN",
                        "--logging.level.org.prisonerregistry=ERROR")) {
            int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
            DevelopmentIssuer issuer = new DevelopmentIssuer(
                    DevelopmentIssuerKey.loadOrCreate(registry.getBean(DatabaseProperties.class).dataDir()),
                    registry.getBean(JwtProperties.class));
            String admin = issuer.mint("bench-admin", Set.of(Role.ADMIN), null, Duration.ofHours(1));
            String coordinator = issuer.mint("bench-coordinator", Set.of(Role.COORDINATOR), ORGANISATION, Duration.ofHours(1));
            AuditedPageBenchmark bench = new AuditedPageBenchmark(URI.create("http://127.0.0.1:" + port + "/graphql"), coordinator);
            bench.seed(admin);
            bench.run(secondsPerRound, rounds, clients);
        }
    }

    private void seed(String adminToken) throws Exception {
        post("mutation { createOrganisation(input: { code: \"" + ORGANISATION + "\", name: \"Invented Bench Caseload\", "
                + "kind: LAWYER_COLLECTIVE, country: \"CL\" }) { id } }", adminToken);
        for (int i = 0; i < PAGE; i++) {
            String body = post("mutation { createDetainee(input: { country: \"CL\", fullName: \"Invented Person " + i
                    + "\", aliases: [\"Alias " + i + "\"], nationalId: { kind: OTHER, number: \"BENCH-" + i + "\" }, "
                    + "dateOfBirth: \"1999-01-" + String.format(Locale.ROOT, "%02d", i % 28 + 1) + "\", gender: FEMALE, "
                    + "affiliation: STUDENT, region: \"Invented Region\", familyContact: \"Invented Mother, +56 9 0000 00"
                    + String.format(Locale.ROOT, "%02d", i) + "\" }) { id } }", coordinatorToken);
            if (!body.contains("\"id\"")) {
                throw new IllegalStateException("Seeding failed: " + body);
            }
        }
        for (String document : new String[] {AUDITED, PLAIN, SAME_WIDTH_PLAIN}) {
            JsonNode answer = JSON.readTree(post(document, coordinatorToken));
            if (answer.has("errors") || answer.path("data").path("detainees").path("edges").size() != PAGE) {
                throw new IllegalStateException("The page is not what the benchmark measures: " + answer);
            }
        }
    }

    private void run(int secondsPerRound, int rounds, int clients) throws Exception {
        this.clients = clients;
        for (int warmUp = 0; warmUp < 3; warmUp++) { // both paths: JIT, connection pools, caches
            measure(AUDITED, 3);
            measure(PLAIN, 3);
            measure(SAME_WIDTH_PLAIN, 3);
        }
        long wideReads = 0;
        double wideSeconds = 0;
        long[] wideLatencies = new long[0];
        long auditedReads = 0;
        long plainReads = 0;
        double auditedSeconds = 0;
        double plainSeconds = 0;
        long[] auditedLatencies = new long[0];
        long[] plainLatencies = new long[0];
        for (int round = 0; round < rounds; round++) {
            Round audited = measure(AUDITED, secondsPerRound);
            Round plain = measure(PLAIN, secondsPerRound);
            Round wide = measure(SAME_WIDTH_PLAIN, secondsPerRound);
            wideReads += wide.reads();
            wideSeconds += wide.seconds();
            wideLatencies = concat(wideLatencies, wide.latenciesNanos());
            auditedReads += audited.reads();
            auditedSeconds += audited.seconds();
            auditedLatencies = concat(auditedLatencies, audited.latenciesNanos());
            plainReads += plain.reads();
            plainSeconds += plain.seconds();
            plainLatencies = concat(plainLatencies, plain.latenciesNanos());
            System.out.printf(Locale.ROOT, "round %d: audited %.1f reads/s, plain %.1f reads/s%n", round + 1,
                    audited.reads() / audited.seconds(), plain.reads() / plain.seconds());
        }
        double auditedRate = auditedReads / auditedSeconds;
        double plainRate = plainReads / plainSeconds;
        double auditedMedian = median(auditedLatencies) / 1e6;
        double plainMedian = median(plainLatencies) / 1e6;
        System.out.printf(Locale.ROOT, "%nPage of %d detainees, %d client(s), %d rounds of %d s each:%n", PAGE, clients, rounds,
                secondsPerRound);
        System.out.printf(Locale.ROOT, "  with RESTRICTED fields (audited): %8.1f reads/s, p50 %6.2f ms%n", auditedRate, auditedMedian);
        System.out.printf(Locale.ROOT, "  without sensitive fields:         %8.1f reads/s, p50 %6.2f ms%n", plainRate, plainMedian);
        System.out.printf(Locale.ROOT, "  ratio audited/plain: %.3f reads/s, %.3f p50 latency (%+.1f%% latency)%n",
                auditedRate / plainRate, auditedMedian / plainMedian, (auditedMedian / plainMedian - 1) * 100);
        double wideRate = wideReads / wideSeconds;
        double wideMedian = median(wideLatencies) / 1e6;
        System.out.printf(Locale.ROOT, "  as many INTERNAL fields instead:  %8.1f reads/s, p50 %6.2f ms%n", wideRate, wideMedian);
        System.out.printf(Locale.ROOT, "  ratio audited/same width: %.3f reads/s, %.3f p50 latency (%+.1f%% latency)%n",
                auditedRate / wideRate, auditedMedian / wideMedian, (auditedMedian / wideMedian - 1) * 100);
    }

    private record Round(long reads, double seconds, long[] latenciesNanos) {}

    /** Every client sends the document back to back for {@code seconds}; all their reads and latencies together. */
    private Round measure(String document, int seconds) throws Exception {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<long[]>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> readUntil(document, end)));
            }
            long[] all = new long[0];
            for (Future<long[]> client : running) {
                all = concat(all, client.get());
            }
            return new Round(all.length, (System.nanoTime() - start) / 1e9, all);
        }
    }

    private long[] readUntil(String document, long end) throws Exception {
        long[] latencies = new long[1024];
        int reads = 0;
        long now = System.nanoTime();
        while (now < end) {
            long before = now;
            String body = post(document, coordinatorToken);
            now = System.nanoTime();
            if (body.contains("\"errors\"")) {
                throw new IllegalStateException("A measured read failed: " + body);
            }
            if (reads == latencies.length) {
                latencies = Arrays.copyOf(latencies, reads * 2);
            }
            latencies[reads++] = now - before;
        }
        return Arrays.copyOf(latencies, reads);
    }

    private String post(String document, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Access-Purpose", "Benchmark of audited reads")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
