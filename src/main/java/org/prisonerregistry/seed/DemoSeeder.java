package org.prisonerregistry.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.prisonerregistry.keys.FieldSealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fills the registry with synthetic demo data: invented people in real places, under real laws.
 * Used by the {@code seed} command and by {@code serve --demo}. A run is one transaction, so it
 * adds all its rows or none.
 */
@Service
public class DemoSeeder {

    public static final int MAX_DETAINEES = 1_000_000;
    /** How many detainees {@code serve --demo} puts into an empty registry. */
    public static final int DEMO_DETAINEES = 3_000;
    /** The seed of the demo data set, so every demo shows the same people (18 October 2019). */
    public static final long DEMO_RANDOM_SEED = 20191018L;

    /** Detainees generated and written at a time: bounds memory however many are asked for. */
    private static final int BATCH_SIZE = 5_000;
    /** Batches generated ahead of the one being written. */
    private static final int BATCHES_AHEAD = 2;
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final DataSource dataSource;
    private final FieldSealing sealing;

    DemoSeeder(DataSource dataSource, FieldSealing sealing) {
        this.dataSource = dataSource;
        this.sealing = sealing;
    }

    /** Adds {@code detainees} synthetic detainees generated from {@code randomSeed}, with everything about them. */
    public SeedReport seed(int detainees, long randomSeed) {
        if (detainees < 1 || detainees > MAX_DETAINEES) {
            throw new IllegalArgumentException("The number of detainees must be between 1 and " + MAX_DETAINEES);
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long relatedRows = write(connection, detainees, randomSeed);
                connection.commit();
                return new SeedReport(detainees, relatedRows, Duration.ofNanos(System.nanoTime() - started), randomSeed);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused the demo data, so none was written: " + withoutValues(e), e);
        }
    }

    /**
     * For {@code serve --demo}: seeds the demo data set into a registry without detainees, and
     * leaves a registry that has some alone. Returns what it seeded, if anything.
     */
    public Optional<SeedReport> seedDemoDataIfEmpty() {
        if (hasDetainees()) {
            log.info("Demo mode: the registry already holds detainees, so the demo data set is not added and the data is left alone");
            return Optional.empty();
        }
        SeedReport report = seed(DEMO_DETAINEES, DEMO_RANDOM_SEED);
        log.info("Demo mode: the registry was empty, so it now holds {} demo detainees. They are synthetic: invented "
                + "people, in real facilities and regions, under real laws. {}", DEMO_DETAINEES, report.summary());
        return Optional.of(report);
    }

    public boolean hasDetainees() {
        try (Connection connection = dataSource.getConnection()) {
            return new DemoDataWriter(connection).hasDetainees();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the detainees: " + withoutValues(e), e);
        }
    }

    /**
     * Generates and encodes batches on a second thread while this one streams the previous batch
     * into PostgreSQL, so that both cores work. One generator thread keeps the batches in order,
     * which keeps the data the same for the same seed.
     */
    private long write(Connection connection, int detainees, long randomSeed) throws SQLException {
        DemoDataWriter writer = new DemoDataWriter(connection);
        long rows = writer.insertMissingReferenceData();
        DemoReferences references = writer.references();
        long[] codes = writer.nextPublicCodeNumbers(detainees);
        // The first public-code number is new in every run, so it keeps the ids of two runs with one seed apart.
        DemoDataGenerator generator = new DemoDataGenerator(randomSeed, codes[0], references, DemoDataGenerator.AS_OF);
        DemoBatch defenders = generator.defenders(DemoDataGenerator.defenderCountFor(detainees));
        rows += writer.load(DemoDataWriter.encode(defenders, sealing));

        ExecutorService producer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "demo-data-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<Encoded>> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < detainees || !ahead.isEmpty()) {
                while (next < detainees && ahead.size() < BATCHES_AHEAD) {
                    long[] batchCodes = Arrays.copyOfRange(codes, next, Math.min(next + BATCH_SIZE, detainees));
                    ahead.add(producer.submit(() -> {
                        DemoBatch batch = generator.detainees(batchCodes);
                        return new Encoded(DemoDataWriter.encode(batch, sealing), batch.detainees().size());
                    }));
                    next += batchCodes.length;
                }
                Encoded encoded = await(ahead.poll());
                rows += writer.load(encoded.batch()) - encoded.detainees();
            }
        } finally {
            producer.shutdownNow();
        }
        return rows;
    }

    private record Encoded(DemoDataWriter.EncodedBatch batch, int detainees) {}

    private static Encoded await(Future<Encoded> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating demo data", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Generating demo data failed", e.getCause());
        }
    }

    /** PostgreSQL's primary message names the table and constraint; its detail would quote the row. */
    private static String withoutValues(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return e.getClass().getSimpleName() + (e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")");
    }
}
