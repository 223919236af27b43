package org.prisonerregistry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prisonerregistry.keys.SubjectKeyServiceTests.sameKey;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.cli.RegistryCommand;
import org.prisonerregistry.crypto.DataKey;
import org.prisonerregistry.crypto.KeyringException;
import org.prisonerregistry.database.DatabaseProperties;
import org.prisonerregistry.keys.SubjectKeyRepository.StoredKey;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import picocli.CommandLine;

@RegistryIntegrationTest
class KeyRotationTests {

    private static final String ROTATE = """
            mutation { rotateMasterKey(batchSize: 100) { currentMasterVersion minimumDecryptionVersion dataKeys onCurrentVersion } }""";

    @Autowired
    SubjectKeyService subjectKeys;

    @Autowired
    KeyRotationService rotation;

    @Autowired
    SubjectKeyRepository repository;

    @Autowired
    CurrentKeyring keyring;

    @Autowired
    DatabaseProperties database;

    @Autowired
    Actors actors;

    private Map<UUID, DataKey> subjects(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            subjectKeys.dataKeyFor(id, SubjectKind.DETAINEE);
            ids.add(id);
        }
        return subjectKeys.unwrapAll(ids);
    }

    @Test
    void shouldRewrapEveryDataKeyAndKeepEachKeyTheSame() {
        Map<UUID, DataKey> before = subjects(300);
        int oldVersion = rotation.status().currentMasterVersion();
        List<RotationProgress> progress = new ArrayList<>();

        KeyRotation done = rotation.rotate(64, progress::add);

        assertThat(done.currentMasterVersion()).isEqualTo(oldVersion + 1);
        assertThat(done.minimumDecryptionVersion()).isEqualTo(oldVersion + 1);
        assertThat(done.onCurrentVersion()).isEqualTo(done.dataKeys()).isGreaterThanOrEqualTo(300);
        assertThat(repository.countNotOn(done.currentMasterVersion())).isZero();
        assertThat(progress.getLast().rewrapped()).isEqualTo(progress.getLast().total()).isGreaterThanOrEqualTo(300);
        assertThat(progress.getLast().toString()).matches("rewrapped \\d+/\\d+ data keys to master version " + (oldVersion + 1));
        Map<UUID, DataKey> after = subjectKeys.unwrapAll(before.keySet());
        assertThat(after).hasSameSizeAs(before);
        before.forEach((id, key) -> assertThat(sameKey(key, after.get(id))).as("the data key of " + id).isTrue());
    }

    @Test
    void shouldLoseNothingWhileRequestsKeepUnwrappingDuringRotation() throws Exception {
        Map<UUID, DataKey> before = subjects(200);
        List<UUID> ids = new ArrayList<>(before.keySet());
        AtomicBoolean rotating = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (rotating.get() || rounds.get() == 0) {
                Map<UUID, DataKey> keys = subjectKeys.unwrapAll(ids);
                assertThat(keys).hasSize(ids.size());
                subjectKeys.dataKeyFor(ids.get(rounds.get() % ids.size()), SubjectKind.DETAINEE);
                rounds.incrementAndGet();
            }
        });
        try {
            rotation.rotate(10, progress -> { });
        } finally {
            rotating.set(false);
        }
        reader.get();
        assertThat(rounds.get()).isPositive();
        Map<UUID, DataKey> after = subjectKeys.unwrapAll(ids);
        before.forEach((id, key) -> assertThat(sameKey(key, after.get(id))).isTrue());
    }

    @Test
    void shouldServeEveryEncryptedFieldExactlyWhileRotating() throws Exception {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String name = TestData.unique("Rotating Person");
            names.put(actors.coordinator().documentName("createDetainee")
                    .variable("input", Map.of("country", "CL", "fullName", name, "gender", "MALE", "affiliation", "WORKER"))
                    .execute().path("createDetainee.id").entity(String.class).get(), name);
        }
        AtomicBoolean rotating = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        // A thread of its own, not the common pool: on a 2-core machine that pool has one thread, which
        // the HTTP client needs to complete the very responses the reader waits for.
        ExecutorService readerThread = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (rotating.get() || reads.get() < names.size()) {
                names.forEach((id, name) -> {
                    actors.coordinator().document("query($id: ID!) { detainee(id: $id) { fullName } }").variable("id", id)
                            .execute().path("detainee.fullName").entity(String.class).isEqualTo(name);
                    reads.incrementAndGet();
                });
            }
        }, readerThread);
        try {
            rotation.rotate(7, progress -> { });
        } finally {
            rotating.set(false);
        }
        try {
            reader.get();
        } finally {
            readerThread.shutdown();
        }
        assertThat(reads.get()).isGreaterThanOrEqualTo(names.size());
    }

    @Test
    void shouldRefuseAKeyWrappedUnderARetiredVersion() {
        UUID subject = UUID.randomUUID();
        subjectKeys.dataKeyFor(subject, SubjectKind.DEFENDER);
        StoredKey old = repository.latest(subject).orElseThrow();

        rotation.rotate(KeyRotationService.DEFAULT_BATCH_SIZE, progress -> { });

        assertThatThrownBy(() -> keyring.current().subjectKeys().unwrap(old.wrapped(), subject, old.dataKeyVersion()))
                .isInstanceOf(KeyringException.class).hasMessageContaining("retired");
        assertThat(subjectKeys.unwrapAll(List.of(subject))).containsKey(subject);
    }

    @Test
    void shouldRotateFromTheCommandLineShowingProgress() {
        subjects(20);
        int oldVersion = rotation.status().currentMasterVersion();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new RegistryCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("keys", "rotate", "--batch-size", "7", "--registry.data-dir=" + database.dataDir());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("rewrapped \\d+/\\d+ data keys to master version " + (oldVersion + 1))
                .contains("Done:");
        // This server reads the replaced keyring file by itself.
        KeyRotation status = rotation.status();
        assertThat(status.currentMasterVersion()).isEqualTo(oldVersion + 1);
        assertThat(status.onCurrentVersion()).isEqualTo(status.dataKeys());
    }

    @Test
    void shouldPurgeRetiredVersionsSoThatKeysWrappedUnderThemNoLongerOpen() {
        UUID subject = UUID.randomUUID();
        subjectKeys.dataKeyFor(subject, SubjectKind.DETAINEE);
        StoredKey inAnOldBackup = repository.latest(subject).orElseThrow();
        rotation.rotate(KeyRotationService.DEFAULT_BATCH_SIZE, progress -> { });
        int minimum = rotation.status().minimumDecryptionVersion();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = new CommandLine(new RegistryCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("keys", "purge-retired", "--registry.data-dir=" + database.dataDir());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Removed retired master key versions");
        // This server reads the replaced file by itself: the retired versions are gone, not just refused.
        assertThat(keyring.current().keyring().versions().first()).isEqualTo(minimum);
        assertThatThrownBy(() -> keyring.current().subjectKeys().unwrap(inAnOldBackup.wrapped(), subject,
                inAnOldBackup.dataKeyVersion()))
                .isInstanceOf(KeyringException.class).hasMessageContaining("not in the keyring");
        assertThat(subjectKeys.unwrapAll(List.of(subject))).containsKey(subject);
        assertThat(rotation.purgeRetired()).as("a second purge finds nothing").isEmpty();
    }

    @Test
    void shouldLetOnlyAnAdminRotate() {
        int oldVersion = rotation.status().currentMasterVersion();
        actors.admin().document(ROTATE).execute()
                .path("rotateMasterKey.currentMasterVersion").entity(Integer.class).isEqualTo(oldVersion + 1)
                .path("rotateMasterKey.minimumDecryptionVersion").entity(Integer.class).isEqualTo(oldVersion + 1);
        actors.admin().document("{ keyRotationStatus { currentMasterVersion } }").execute()
                .path("keyRotationStatus.currentMasterVersion").entity(Integer.class).isEqualTo(oldVersion + 1);

        actors.coordinator().document(ROTATE).execute().errors()
                .expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify()
                .path("rotateMasterKey").valueIsNull();
        actors.coordinator().document("{ keyRotationStatus { currentMasterVersion } }").execute().errors()
                .expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
        assertThat(rotation.status().currentMasterVersion()).isEqualTo(oldVersion + 1);
    }

    @Test
    void shouldRefuseABatchSizeOutOfRange() {
        actors.admin().document("mutation { rotateMasterKey(batchSize: 0) { currentMasterVersion } }").execute().errors()
                .expect(error -> error.getMessage().contains("batchSize")).verify();
    }

    @Test
    void shouldKeepTheDefaultKeyringOwnerOnly() throws Exception {
        Path file = database.dataDir().resolve(KeyringLocation.DEFAULT_FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
