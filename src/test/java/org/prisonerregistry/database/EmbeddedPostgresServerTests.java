package org.prisonerregistry.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTheDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dataDir, 0)) {
            execute(server, "create table kept (note varchar(20))", "insert into kept values ('still here')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dataDir, 0);
             Connection c = connect(server); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void shouldMakeEveryCommitDurableAndKeepQuotedValuesOutOfItsLog() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dataDir, 0);
             Connection c = connect(server); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('synchronous_commit'), current_setting('fsync'),"
                     + " current_setting('log_error_verbosity')")) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3))).containsExactly("on", "on", "terse");
        }
    }

    @Test
    void shouldStartInADataFolderDeeperThanAUnixSocketPathMayBe() throws Exception {
        Path deep = dataDir.resolve("a-folder-name-long-enough/to-push/the-socket-path/past-the-107-byte-limit/of-unix");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(deep, 0)) {
            execute(server, "select 1");
        }
    }

    @Test
    void shouldKeepTheDataFolderAndPasswordPrivateAndRefuseTcpLoginsWithoutIt() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dataDir, 0)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres-password"))))
                    .isEqualTo("rw-------");
            var noPassword = org.assertj.core.api.Assertions.catchThrowable(() ->
                    DriverManager.getConnection(server.jdbcUrl(), server.user(), "").close());
            assertThat(noPassword).isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void shouldAttachToTheServerThatAnotherOwnerRuns() throws Exception {
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.startOrAttach(dataDir, 0);
             EmbeddedPostgresServer guest = EmbeddedPostgresServer.startOrAttach(dataDir, 0)) {
            assertThat(owner.ownsServer()).isTrue();
            assertThat(guest.ownsServer()).isFalse();
            assertThat(guest.port()).isEqualTo(owner.port());
            execute(guest, "select 1");
        }
    }

    @Test
    void shouldStopAPostgreSqlLeftRunningByAKilledRegistryAndStartAfresh() throws Exception {
        Process registry = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HardKilledOwner.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(registry.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY")) {
            // wait for the child's PostgreSQL to be up
        }
        assertThat(line).as("child registry started its PostgreSQL").startsWith("READY");
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().strip());

        registry.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("PostgreSQL outlives its owner").contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dataDir, 0)) {
            assertThat(server.ownsServer()).isTrue();
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            execute(server, "select 1");
        }
    }

    /** Runs in a child JVM: starts the embedded server, says so, then waits to be killed. */
    public static final class HardKilledOwner {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer.startOrAttach(Path.of(args[0]), 0);
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }

    private static void execute(EmbeddedPostgresServer server, String... statements) throws Exception {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            for (String sql : List.of(statements)) {
                s.execute(sql);
            }
        }
    }
}
