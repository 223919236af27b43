package org.prisonerregistry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.crypto.DataKey;
import org.prisonerregistry.crypto.DecryptionFailedException;
import org.prisonerregistry.crypto.FieldCipher;
import org.prisonerregistry.crypto.FieldContext;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;

@RegistryIntegrationTest
class SubjectKeyServiceTests {

    private static final FieldCipher CIPHER = new FieldCipher();

    @Autowired
    SubjectKeyService subjectKeys;

    @Autowired
    SubjectKeyRepository repository;

    @Autowired
    SqlStatementCounter statements;

    static FieldContext place(DataKey key) {
        return new FieldContext("detainee", "full_name", key.subjectId(), key.subjectId(), key.version());
    }

    static boolean sameKey(DataKey a, DataKey b) {
        byte[] sealed = CIPHER.encrypt("Invented Person".getBytes(StandardCharsets.UTF_8), place(a), a);
        try {
            return "Invented Person".equals(new String(CIPHER.decrypt(sealed, place(b), b), StandardCharsets.UTF_8));
        } catch (DecryptionFailedException e) {
            return false;
        }
    }

    @Test
    void shouldCreateOneDataKeyPerSubjectEvenWhenManyAskAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                UUID subject = UUID.randomUUID();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<DataKey>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return subjectKeys.dataKeyFor(subject, SubjectKind.DETAINEE);
                    }));
                }
                start.countDown();
                List<DataKey> keys = new ArrayList<>();
                for (Future<DataKey> answer : answers) {
                    keys.add(answer.get());
                }
                for (DataKey key : keys) {
                    assertThat(sameKey(keys.getFirst(), key)).as("every caller gets the one stored key").isTrue();
                }
                assertThat(repository.latestOf(List.of(subject))).hasSize(1);
                assertThat(sameKey(keys.getFirst(), subjectKeys.dataKeyFor(subject, SubjectKind.DETAINEE))).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldUnwrapAPageOfFiftySubjectsWithOneQuery() {
        List<UUID> page = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID subject = UUID.randomUUID();
            subjectKeys.dataKeyFor(subject, i % 2 == 0 ? SubjectKind.DETAINEE : SubjectKind.DEFENDER);
            page.add(subject);
        }
        statements.reset();
        Map<UUID, DataKey> keys = subjectKeys.unwrapAll(page);
        assertThat(statements.count()).isEqualTo(1);
        assertThat(keys).hasSize(50).containsOnlyKeys(page);
        keys.forEach((subject, key) -> assertThat(key.subjectId()).isEqualTo(subject));
    }

    @Test
    void shouldLeaveSubjectsWithoutAKeyOutOfUnwrapAll() {
        UUID withKey = UUID.randomUUID();
        subjectKeys.dataKeyFor(withKey, SubjectKind.DEFENDER);
        assertThat(subjectKeys.unwrapAll(List.of(withKey, UUID.randomUUID()))).containsOnlyKeys(withKey);
        assertThat(subjectKeys.unwrapAll(List.of())).isEmpty();
    }

    @Test
    void shouldMakeWhatWasEncryptedUnderADestroyedKeyUnreadable() {
        UUID subject = UUID.randomUUID();
        DataKey before = subjectKeys.dataKeyFor(subject, SubjectKind.DETAINEE);
        byte[] sealed = CIPHER.encrypt("Invented Person".getBytes(StandardCharsets.UTF_8), place(before), before);

        assertThat(subjectKeys.destroy(subject)).isEqualTo(1);

        // Nothing in the database opens it any more, and no new key for the subject can be made.
        assertThat(subjectKeys.unwrapAll(List.of(subject))).isEmpty();
        assertThat(sealed).isNotEmpty();
        assertThatThrownBy(() -> subjectKeys.dataKeyFor(subject, SubjectKind.DETAINEE)).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void shouldNeverMakeANewKeyForAnErasedPerson() {
        UUID subject = UUID.randomUUID();
        subjectKeys.dataKeyFor(subject, SubjectKind.DETAINEE).destroy();

        subjectKeys.destroy(subject);

        assertThatThrownBy(() -> subjectKeys.dataKeyFor(subject, SubjectKind.DETAINEE))
                .isInstanceOf(SubjectErasedException.class).hasMessageContaining("erased");
        assertThat(subjectKeys.unwrapAll(List.of(subject))).isEmpty();
    }

    @Test
    void shouldRefuseTheKeyOfADefenderAsADetainee() {
        UUID subject = UUID.randomUUID();
        subjectKeys.dataKeyFor(subject, SubjectKind.DEFENDER);
        assertThatThrownBy(() -> subjectKeys.dataKeyFor(subject, SubjectKind.DETAINEE))
                .hasMessageContaining("as a DEFENDER");
    }
}
