package org.prisonerregistry.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL that holds the registry's data in a local folder.
 *
 * <p>One process owns the folder at a time, proven by an OS file lock that dies with the process.
 * A second process (for example {@code seed} while the server runs) finds the lock taken and
 * attaches to the owner's PostgreSQL instead of starting its own. An owner that finds a PostgreSQL
 * still running without a live owner (the previous server was killed hard) stops it first.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "registry";
    private static final String SUPERUSER = "postgres";
    /**
     * The role the application connects as. Migrations run as the superuser, which owns the tables;
     * this role gets only the privileges ApplicationRoleGrants hands out, so that even the
     * application cannot change or remove audit records.
     */
    public static final String APPLICATION_ROLE = "registry_app";
    private static final String APPLICATION_PASSWORD_FILE = "postgres-app-password";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /**
     * Data folders whose PostgreSQL this process runs. A second start here (a command run
     * in-process, as tests do) attaches without opening the lock file again: Java refuses a second
     * lock on it, and on POSIX systems closing any descriptor of the file drops the owner's lock.
     */
    private static final Set<Path> OWNED_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final FileChannel lockChannel;     // null when attached within the owning process
    private final FileLock ownerLock;          // null when attached to another process's server
    private final EmbeddedPostgres postgres;   // null when attached
    private final int port;
    private final String password;
    private String applicationPassword;

    private EmbeddedPostgresServer(Path dataDir, FileChannel lockChannel, FileLock ownerLock,
                                   EmbeddedPostgres postgres, int port, String password) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.ownerLock = ownerLock;
        this.postgres = postgres;
        this.port = port;
        this.password = password;
    }

    /** Starts the embedded server in {@code dataDir}, or attaches to the one another process runs there. */
    public static synchronized EmbeddedPostgresServer startOrAttach(Path dataDir, int requestedPort) {
        try {
            Path dir = dataDir.toAbsolutePath().normalize();
            createPrivateDirectory(dir);
            Path pgData = dir.resolve("postgres");
            Path passwordFile = dir.resolve("postgres-password");
            if (OWNED_BY_THIS_PROCESS.contains(dir)) {
                int port = runningPort(pgData).orElseThrow(() -> new IllegalStateException(
                        "This process owns " + dir + " but its PostgreSQL is not running"));
                log.info("Attached to the embedded PostgreSQL that this process runs (port {})", port);
                return new EmbeddedPostgresServer(dir, null, null, null, port, Files.readString(passwordFile).strip());
            }
            Path runtime = dir.resolve("postgres-runtime");
            createPrivateDirectory(runtime);

            FileChannel channel = FileChannel.open(dir.resolve("owner.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                int port = runningPort(pgData).orElseThrow(() -> new IllegalStateException(
                        "Another registry process owns " + dir + " but its PostgreSQL is not running yet; try again in a moment"));
                log.info("Attached to the embedded PostgreSQL of the running registry (port {})", port);
                return new EmbeddedPostgresServer(dir, channel, null, null, port, Files.readString(passwordFile).strip());
            }
            stopOrphanedServer(pgData);
            String password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : null;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    .setServerConfig("listen_addresses", "localhost")
                    // No Unix socket: its path must stay under ~107 bytes, which a deep data folder
                    // exceeds, and TCP on localhost with a password is all the registry needs.
                    .setServerConfig("unix_socket_directories", "")
                    // zonky starts PostgreSQL without fsync (-F) and without synchronous commits, for
                    // speed in tests; here it is the real database, and a commit (an audit event above
                    // all) must survive a crash, the database a power cut.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // PostgreSQL's error reports quote row values (DETAIL lines, failing statements):
                    // keep them out of the server's own log, which nobody reviews for personal data.
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's own JVM shutdown hook would stop PostgreSQL at SIGTERM at once, beside
                    // Spring's (hooks run concurrently), while requests are still answered and before
                    // the sealer's last round. The owner closes it instead: the Spring context as its
                    // last bean, a command when it is done. A kill -9 runs no hook either way; the next
                    // owner stops what it left (stopOrphanedServer).
                    .setRegisterShutdownHook(false);
            if (requestedPort > 0) {
                builder.setPort(requestedPort);
            }
            if (password != null) {
                builder.setConnectConfig("password", password);
            }
            EmbeddedPostgres pg = builder.start();
            if (password == null) {
                password = requirePassword(pg, pgData, passwordFile);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, channel, lock, pg, pg.getPort(), password);
            server.createRegistryDatabase();
            server.createApplicationRole();
            OWNED_BY_THIS_PROCESS.add(dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** The superuser, which runs the migrations and owns the tables. */
    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    /** The application's own role (see {@link #APPLICATION_ROLE}). */
    public String applicationUser() {
        return APPLICATION_ROLE;
    }

    /** Its password, generated at first start and kept owner-only in the data folder. */
    public synchronized String applicationPassword() {
        if (applicationPassword == null) {
            try {
                applicationPassword = Files.readString(dataDir.resolve(APPLICATION_PASSWORD_FILE)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL's application password is missing in " + dataDir, e);
            }
        }
        return applicationPassword;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean ownsServer() {
        return postgres != null;
    }

    private void createRegistryDatabase() {
        String maintenanceUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(maintenanceUrl, SUPERUSER, password);
             Statement s = c.createStatement()) {
            if (!s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the registry database in the embedded PostgreSQL", e);
        }
    }

    /**
     * Creates the application's login role on first start (and a data folder from before it
     * existed), with a random password kept owner-only beside the superuser's.
     */
    private void createApplicationRole() throws IOException {
        Path passwordFile = dataDir.resolve(APPLICATION_PASSWORD_FILE);
        String appPassword;
        if (Files.exists(passwordFile)) {
            appPassword = Files.readString(passwordFile).strip();
        } else {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            appPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(passwordFile, appPassword + "\n");
            restrictToOwner(passwordFile, "rw-------");
        }
        String maintenanceUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(maintenanceUrl, SUPERUSER, password);
             Statement s = c.createStatement()) {
            if (!s.executeQuery("select 1 from pg_roles where rolname = '" + APPLICATION_ROLE + "'").next()) {
                s.execute("create role " + APPLICATION_ROLE + " login");
            }
            // base64url: no quote can end the literal
            s.execute("alter role " + APPLICATION_ROLE + " with login nosuperuser nocreatedb nocreaterole noreplication "
                    + "nobypassrls password '" + appPassword + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application's role in the embedded PostgreSQL", e);
        }
        applicationPassword = appPassword;
    }

    /**
     * initdb leaves TCP logins on localhost open to every local user without a password. At first
     * start the registry sets a random password, kept owner-only in the data folder, and requires
     * it for TCP, the only way in (the server opens no Unix socket).
     */
    private static String requirePassword(EmbeddedPostgres pg, Path pgData, Path passwordFile)
            throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(passwordFile, password + "\n");
        restrictToOwner(passwordFile, "rw-------");
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter user " + SUPERUSER + " with password '" + password + "'");
            Files.writeString(pgData.resolve("pg_hba.conf"), """
                    # Written by prisoner-registry: TCP logins need the password in ../postgres-password.
                    host    all   all   127.0.0.1/32   scram-sha-256
                    host    all   all   ::1/128        scram-sha-256
                    """);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a password on the embedded PostgreSQL", e);
        }
        return password;
    }

    /** A postmaster.pid whose process is alive while nobody holds the owner lock: a leftover server. */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Optional<ProcessHandle> orphan = postmasterPid(pgData).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("Stopping a PostgreSQL (pid {}) left running in {} by an earlier registry process", process.pid(), pgData);
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown, which writes a clean checkpoint
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (process.isAlive()) {
            throw new IllegalStateException("A PostgreSQL left running in " + pgData + " (pid " + process.pid()
                    + ") did not stop; stop it by hand and start again");
        }
    }

    private static Optional<Long> postmasterPid(Path pgData) throws IOException {
        return postmasterLine(pgData, 0).map(Long::parseLong);
    }

    private static Optional<Integer> runningPort(Path pgData) throws IOException {
        Optional<Long> pid = postmasterPid(pgData);
        if (pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isEmpty()) {
            return Optional.empty();
        }
        return postmasterLine(pgData, 3).map(Integer::parseInt);
    }

    private static Optional<String> postmasterLine(Path pgData, int index) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.size() > index ? Optional.of(lines.get(index).trim()) : Optional.empty();
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrictToOwner(dir, "rwx------");
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user's ACLs.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a leftover PostgreSQL", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (postgres != null) {
                postgres.close();
                log.info("Database: embedded PostgreSQL in {} stopped", dataDir);
            }
        } finally {
            if (ownerLock != null) {
                OWNED_BY_THIS_PROCESS.remove(dataDir);
                ownerLock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        }
    }
}
