package org.prisonerregistry.keys;

import static org.prisonerregistry.db.Tables.ERASED_SUBJECT;
import static org.prisonerregistry.db.Tables.SUBJECT_KEY;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record5;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The wrapped data keys of subjects ({@code subject_key}); the only class that speaks SQL about them. */
@Repository
class SubjectKeyRepository {

    /** Arbitrary, fixed: the advisory lock that lets one rotation run at a time across all processes. */
    private static final long ROTATION_LOCK = 0x5245_4749_4b45_5953L;

    private final DSLContext db;
    private final DataSource dataSource;

    SubjectKeyRepository(DSLContext db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    /** One row of {@code subject_key}. */
    record StoredKey(UUID subjectId, SubjectKind kind, int dataKeyVersion, byte[] wrapped, int masterVersion) {}

    /** The subject's newest data key. */
    Optional<StoredKey> latest(UUID subjectId) {
        return db.select(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.SUBJECT_KIND, SUBJECT_KEY.DATA_KEY_VERSION,
                        SUBJECT_KEY.WRAPPED, SUBJECT_KEY.MASTER_VERSION)
                .from(SUBJECT_KEY)
                .where(SUBJECT_KEY.SUBJECT_ID.eq(subjectId))
                .orderBy(SUBJECT_KEY.DATA_KEY_VERSION.desc())
                .limit(1)
                .fetchOptional(SubjectKeyRepository::toStoredKey);
    }

    /** The newest data key of each of these subjects, in one statement whatever their number. */
    List<StoredKey> latestOf(Collection<UUID> subjectIds) {
        return db.select(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.SUBJECT_KIND, SUBJECT_KEY.DATA_KEY_VERSION,
                        SUBJECT_KEY.WRAPPED, SUBJECT_KEY.MASTER_VERSION)
                .distinctOn(SUBJECT_KEY.SUBJECT_ID)
                .from(SUBJECT_KEY)
                .where(SUBJECT_KEY.SUBJECT_ID.eq(DSL.any(subjectIds.toArray(UUID[]::new))))
                .orderBy(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.DATA_KEY_VERSION.desc())
                .fetch(SubjectKeyRepository::toStoredKey);
    }

    /** Stores the key unless the subject already has this version; says whether this call stored it. */
    boolean insertIfAbsent(UUID subjectId, SubjectKind kind, int dataKeyVersion, byte[] wrapped, int masterVersion) {
        return db.insertInto(SUBJECT_KEY)
                .set(SUBJECT_KEY.SUBJECT_ID, subjectId)
                .set(SUBJECT_KEY.SUBJECT_KIND, kind.name())
                .set(SUBJECT_KEY.DATA_KEY_VERSION, dataKeyVersion)
                .set(SUBJECT_KEY.WRAPPED, wrapped)
                .set(SUBJECT_KEY.MASTER_VERSION, masterVersion)
                .onConflictDoNothing()
                .execute() == 1;
    }

    int delete(UUID subjectId) {
        return db.deleteFrom(SUBJECT_KEY).where(SUBJECT_KEY.SUBJECT_ID.eq(subjectId)).execute();
    }

    void markErased(UUID subjectId) {
        db.insertInto(ERASED_SUBJECT).set(ERASED_SUBJECT.SUBJECT_ID, subjectId).onConflictDoNothing().execute();
    }

    boolean isErased(UUID subjectId) {
        return db.fetchExists(ERASED_SUBJECT, ERASED_SUBJECT.SUBJECT_ID.eq(subjectId));
    }

    int count() {
        return db.fetchCount(SUBJECT_KEY);
    }

    int countOn(int masterVersion) {
        return db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.MASTER_VERSION.eq(masterVersion));
    }

    int countBelow(int masterVersion) {
        return db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.MASTER_VERSION.lt(masterVersion));
    }

    int countNotOn(int masterVersion) {
        return db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.MASTER_VERSION.ne(masterVersion));
    }

    /** Any one stored key, to check at start that the keyring opens the database's keys. */
    Optional<StoredKey> any() {
        return db.select(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.SUBJECT_KIND, SUBJECT_KEY.DATA_KEY_VERSION,
                        SUBJECT_KEY.WRAPPED, SUBJECT_KEY.MASTER_VERSION)
                .from(SUBJECT_KEY)
                .orderBy(SUBJECT_KEY.MASTER_VERSION.desc())
                .limit(1)
                .fetchOptional(SubjectKeyRepository::toStoredKey);
    }

    /**
     * Up to {@code limit} keys not yet on {@code masterVersion}, locked for this transaction. Rows
     * another transaction holds are skipped, not waited for, so rotation never stalls the server.
     */
    List<StoredKey> lockBatchNotOn(int masterVersion, int limit) {
        return db.select(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.SUBJECT_KIND, SUBJECT_KEY.DATA_KEY_VERSION,
                        SUBJECT_KEY.WRAPPED, SUBJECT_KEY.MASTER_VERSION)
                .from(SUBJECT_KEY)
                .where(SUBJECT_KEY.MASTER_VERSION.ne(masterVersion))
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(SubjectKeyRepository::toStoredKey);
    }

    void updateWrapped(List<StoredKey> rewrapped) {
        List<Query> updates = rewrapped.stream().<Query>map(key -> db.update(SUBJECT_KEY)
                        .set(SUBJECT_KEY.WRAPPED, key.wrapped())
                        .set(SUBJECT_KEY.MASTER_VERSION, key.masterVersion())
                        .where(SUBJECT_KEY.SUBJECT_ID.eq(key.subjectId())
                                .and(SUBJECT_KEY.DATA_KEY_VERSION.eq(key.dataKeyVersion()))))
                .toList();
        if (!updates.isEmpty()) {
            db.batch(updates).execute();
        }
    }

    /**
     * Takes the rotation lock, a PostgreSQL advisory lock held by a connection of its own until
     * closed; empty when another rotation holds it.
     */
    Optional<RotationLock> tryRotationLock() {
        try {
            Connection connection = dataSource.getConnection();
            try {
                boolean taken = DSL.using(connection, SQLDialect.POSTGRES).select(DSL.field("pg_try_advisory_lock({0})", Boolean.class,
                        DSL.val(ROTATION_LOCK))).fetchSingle().value1();
                if (taken) {
                    return Optional.of(new RotationLock(connection));
                }
                connection.close();
                return Optional.empty();
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the rotation lock in the database", e);
        }
    }

    /** The held rotation lock; closing releases it. */
    static final class RotationLock implements AutoCloseable {
        private final Connection connection;

        private RotationLock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection) {
                DSL.using(connection, SQLDialect.POSTGRES).select(DSL.field("pg_advisory_unlock({0})", Boolean.class, DSL.val(ROTATION_LOCK)))
                        .fetch();
            } catch (SQLException e) {
                // Closing the connection ends the session, which releases the lock anyway.
            }
        }
    }

    private static StoredKey toStoredKey(Record5<UUID, String, Integer, byte[], Integer> row) {
        return new StoredKey(row.value1(), SubjectKind.valueOf(row.value2()), row.value3(), row.value4(), row.value5());
    }
}
