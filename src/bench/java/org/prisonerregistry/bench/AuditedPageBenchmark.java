package org.prisonerregistry.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
 * back to back, the pages taking turns in short rounds so that all see the same machine load, after
 * a warm-up of 90 s; prints reads per second, median latency and their ratio, and how long the JIT
 * still compiled while they were measured.
 *
 * <p>Not a JMH benchmark: it needs one running server for both pages, so that the ratio comes from
 * one run. Run with {@code mvn -B -q -Pbench test-compile exec:exec -Djmh.args=} and
 * {@code -Dbench.main=org.prisonerregistry.bench.AuditedPageBenchmark} (README, "Benchmarks").
 * Arguments: seconds per page and round (default 1), rounds (default 30), concurrent clients (default 1).
 */
public final class AuditedPageBenchmark {

    static final int PAGE = 50;
    static final Duration WARM_UP = Duration.ofSeconds(90);
    static final String ORGANISATION = "BENCH-CASELOAD";
    static final String AUDITED = "query AuditedPage { detainees(first: 50) { edges { node { publicCode region gender ageBand "
            + "fullName aliases nationalId { kind number } dateOfBirth familyContact } } } }";
    /** The same page without its sensitive fields. */
    static final String PLAIN = "query PlainPage { detainees(first: 50) { edges { node { publicCode region gender ageBand } } } }";
    /**
     * The same page with as many fields as the audited one, all INTERNAL (no event): it does the same
     * GraphQL work, so against it the difference is what sensitivity costs (the decryption of what it
     * selects, and the audit event), not what a wider answer costs.
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
        int secondsPerRound = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
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
        String[] pages = {AUDITED, PLAIN, SAME_WIDTH_PLAIN};
        // Warm up until the JIT has compiled every path: on two cores its compiler threads, still busy
        // half a minute in, take CPU from whichever page is measured and blur the ratio.
        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() < warmUpEnd) {
            for (String page : pages) {
                measure(page, 5);
            }
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitBefore = jit.getTotalCompilationTime();
        Round[] totals = {Round.NONE, Round.NONE, Round.NONE};
        for (int round = 0; round < rounds; round++) {
            // short slices, each round starting with another page: a burst of noise (JIT, GC, a
            // neighbour on the machine) falls on all pages alike rather than on one
            for (int i = 0; i < pages.length; i++) {
                int page = (round + i) % pages.length;
                totals[page] = totals[page].plus(measure(pages[page], secondsPerRound));
            }
        }
        Round audited = totals[0];
        Round plain = totals[1];
        Round wide = totals[2];
        System.out.printf(Locale.ROOT, "%nPage of %d detainees, %d client(s), %d rounds of %d s per page after %d s of warm-up "
                + "(the JIT still compiled for %d ms while they were measured):%n", PAGE, clients, rounds, secondsPerRound,
                WARM_UP.toSeconds(), jit.getTotalCompilationTime() - jitBefore);
        System.out.printf(Locale.ROOT, "  with RESTRICTED fields (audited): %8.1f reads/s, p50 %6.2f ms%n", audited.rate(),
                audited.medianMillis());
        System.out.printf(Locale.ROOT, "  without sensitive fields:         %8.1f reads/s, p50 %6.2f ms%n", plain.rate(),
                plain.medianMillis());
        System.out.printf(Locale.ROOT, "  ratio audited/plain: %.3f reads/s, %.3f p50 latency (%+.1f%% latency)%n",
                audited.rate() / plain.rate(), audited.medianMillis() / plain.medianMillis(),
                (audited.medianMillis() / plain.medianMillis() - 1) * 100);
        System.out.printf(Locale.ROOT, "  as many INTERNAL fields instead:  %8.1f reads/s, p50 %6.2f ms%n", wide.rate(),
                wide.medianMillis());
        System.out.printf(Locale.ROOT, "  ratio audited/same width: %.3f reads/s, %.3f p50 latency (%+.1f%% latency)%n",
                audited.rate() / wide.rate(), audited.medianMillis() / wide.medianMillis(),
                (audited.medianMillis() / wide.medianMillis() - 1) * 100);
    }

    private record Round(long reads, double seconds, long[] latenciesNanos) {
        static final Round NONE = new Round(0, 0, new long[0]);

        Round plus(Round other) {
            return new Round(reads + other.reads, seconds + other.seconds, concat(latenciesNanos, other.latenciesNanos));
        }

        double rate() {
            return reads / seconds;
        }

        double medianMillis() {
            return median(latenciesNanos) / 1e6;
        }
    }

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
