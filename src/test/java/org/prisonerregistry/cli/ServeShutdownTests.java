package org.prisonerregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prisonerregistry.Application;
import org.prisonerregistry.audit.AuditProperties;
import org.prisonerregistry.audit.CheckpointFile;
import org.prisonerregistry.database.EmbeddedPostgresServer;

/**
 * The jar's server in a process of its own, stopped with SIGTERM while audited reads and a few
 * mutations are in flight, as an operator's {@code kill}, {@code docker stop} or systemd stops it.
 * Every request in flight must get its real answer, and the stop must seal every staged event and
 * sign a checkpoint over them, in the database and in the checkpoint file, before the embedded
 * PostgreSQL goes. Only loopback traffic, a few seconds of it, from a few clients.
 */
class ServeShutdownTests {

    private static final int CLIENTS = 6;
    private static final Duration LOAD_BEFORE_STOP = Duration.ofMillis(1500);
    private static final Duration LONGEST_RUN = Duration.ofSeconds(20);
    private static final Pattern ADDRESS = Pattern.compile("GraphQL API at (http://\\S+/graphql)");
    private static final Pattern EVENTS_CHECKED = Pattern.compile("events checked: (\\d+) \\(another (\\d+) waiting");

    @TempDir
    Path work;

    /**
     * One request as a client saw it: whether it left before the SIGTERM and came back after it,
     * and the answer or the failure.
     */
    private record Exchange(boolean sentBeforeStop, boolean doneAfterStop, int status, String body, String failure) {

        /** A GraphQL answer: the request reached the application. */
        boolean graphql() {
            return failure == null && body.startsWith("{");
        }

        boolean complete() {
            return graphql() && status == 200 && body.contains("\"data\"") && !body.contains("\"errors\"");
        }

        boolean timedOut() {
            return failure != null && failure.startsWith("HttpTimeoutException");
        }
    }

    @Test
    void shouldAnswerTheRequestsInFlightThenSealAndSignEveryEventBeforeThePostgreSqlStops() throws Exception {
        Path dataDir = work.resolve("data");
        String auditor = token(dataDir, "AUDITOR");
        String admin = token(dataDir, "ADMIN");
        Path serverLog = work.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "serve", "--registry.data-dir=" + dataDir, "--server.port=0")
                .redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        List<Exchange> exchanges;
        try {
            URI graphql = URI.create(awaitAddress(server, serverLog));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            assertThat(send(http, graphql, auditor, auditedRead(), () -> false).complete()).as("a first read").isTrue();

            exchanges = underLoadStop(server, http, graphql, auditor, admin);
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
        } finally {
            stopIfStillRunning(server, dataDir);
        }
        String log = Files.readString(serverLog);

        String lastLines = String.join("\n", log.lines().toList().reversed().stream().limit(40).toList().reversed());
        assertThat(exchanges).as("requests sent before the SIGTERM and answered after it: the ones in flight")
                .filteredOn(e -> e.sentBeforeStop() && e.doneAfterStop()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.complete()).as(e + "\nserver log:\n" + lastLines).isTrue());
        assertThat(exchanges).as("every request that reached the application gets its full answer, before the SIGTERM or after")
                .filteredOn(Exchange::graphql).allSatisfy(e -> assertThat(e.complete()).as(e + "\nserver log:\n" + lastLines).isTrue());
        // A request that reaches Tomcat once it stopped taking them is refused at the door (the
        // connection closed, or Tomcat's own 400 page) without reaching the application; one that
        // it took never goes unanswered.
        assertThat(exchanges).as("requests refused at the door").filteredOn(e -> !e.graphql())
                .allSatisfy(e -> {
                    assertThat(e.timedOut()).as(e + "\nserver log:\n" + lastLines).isFalse();
                    assertThat(e.failure() != null || e.status() == 400 || e.status() == 503).as(e.toString()).isTrue();
                });
        assertThat(exchanges.stream().filter(Exchange::sentBeforeStop).filter(Exchange::complete).count())
                .as("requests answered before the SIGTERM").isGreaterThanOrEqualTo(CLIENTS);
        long answered = exchanges.stream().filter(Exchange::complete).count();

        String verdict = verify(dataDir);
        Matcher counts = EVENTS_CHECKED.matcher(verdict);
        assertThat(counts.find()).as(verdict).isTrue();
        long events = Long.parseLong(counts.group(1));
        assertThat(verdict).as("nothing left staged, and the last checkpoint covers every event")
                .startsWith("Audit log intact").contains("(another 0 waiting to be sealed)")
                .contains("signed up to size " + events);
        assertThat(events).as("every answered request's event is in the log").isGreaterThanOrEqualTo(answered);
        List<String> notes = new CheckpointFile(dataDir.resolve(AuditProperties.DEFAULT_CHECKPOINT_FILE_NAME)).readNotes();
        assertThat(notes).as("checkpoint file").isNotEmpty();
        assertThat(notes.getLast().split("\n")[1]).as("the size of the checkpoint file's last note").isEqualTo(Long.toString(events));

        assertThat(log).as("server log").doesNotContain("sealing failed")
                .doesNotContainPattern("(?m)^\\s+at \\S+\\(").doesNotContain("Exception");
        assertThat(log).as("server log: the order of the stop")
                .containsSubsequence("Commencing graceful shutdown", "Graceful shutdown complete",
                        "registry - Shutdown completed", "Database: embedded PostgreSQL in");
    }

    /**
     * Clients send back to back; the SIGTERM goes out while their requests are in flight, and each
     * client stops at its first request that gets no GraphQL answer, or at the latest when the run is over.
     */
    private static List<Exchange> underLoadStop(Process server, HttpClient http, URI graphql, String auditor, String admin)
            throws Exception {
        ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
        AtomicInteger mutations = new AtomicInteger();
        long deadline = System.nanoTime() + LONGEST_RUN.toNanos();
        AtomicBoolean stopped = new AtomicBoolean();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; System.nanoTime() < deadline && i < 5_000; i++) {
                        boolean mutation = client == 0 && i % 5 == 0;
                        Exchange exchange = mutation
                                ? send(http, graphql, admin, createFacility(mutations.incrementAndGet()), stopped::get)
                                : send(http, graphql, auditor, auditedRead(), stopped::get);
                        exchanges.add(exchange);
                        if (!exchange.graphql()) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(LOAD_BEFORE_STOP);
            stopped.set(true); // before the signal: a request marked as sent before it was
            server.destroy(); // SIGTERM
        }
        return new ArrayList<>(exchanges);
    }

    private static Exchange send(HttpClient http, URI graphql, String token, String query, BooleanSupplier stopped) {
        HttpRequest request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}")).build();
        boolean beforeStop = !stopped.getAsBoolean();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Exchange(beforeStop, stopped.getAsBoolean(), response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Exchange(beforeStop, stopped.getAsBoolean(), 0, "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(beforeStop, true, 0, "", "interrupted");
        }
    }

    /** Reading the audit log is itself audited: every answer stages an event. */
    private static String auditedRead() {
        return "{ auditEvents(first: 5) { edges { node { occurredAt subject outcome } } } }";
    }

    private static String createFacility(int n) {
        return "mutation { createFacility(input: { name: \"Shutdown test facility " + n + "\", country: \"CL\", "
                + "region: \"Biobío\", kind: PRISON, operator: PUBLIC }) { id } }";
    }

    private static String awaitAddress(Process server, Path serverLog) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String log = Files.exists(serverLog) ? Files.readString(serverLog) : "";
            Matcher address = ADDRESS.matcher(log);
            if (address.find()) {
                return address.group(1);
            }
            assertThat(server.isAlive()).as("the server is starting; its log:\n" + log).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("The server did not start within 120 s; its log:\n" + Files.readString(serverLog));
    }

    /** A failed test must not leave the server or its PostgreSQL behind: the next owner of the folder stops a leftover one. */
    private static void stopIfStillRunning(Process server, Path dataDir) throws Exception {
        if (!server.isAlive()) {
            return;
        }
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        EmbeddedPostgresServer.startOrAttach(dataDir, 0).close();
    }

    private static String token(Path dataDir, String role) {
        StringWriter out = new StringWriter();
        int exitCode = new picocli.CommandLine(new RegistryCommand()).setOut(new PrintWriter(out, true))
                .execute("token", "--role", role, "--registry.data-dir=" + dataDir);
        assertThat(exitCode).isZero();
        return out.toString().strip();
    }

    /** {@code audit verify} as an operator runs it once the server is down. */
    private static String verify(Path dataDir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new picocli.CommandLine(new RegistryCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute("audit", "verify", "--registry.data-dir=" + dataDir);
        assertThat(exitCode).as(out + "\n" + err).isZero();
        return out.toString();
    }
}
