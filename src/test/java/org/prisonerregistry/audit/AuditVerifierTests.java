package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tampering with an in-memory copy of the log, in each way an attacker with database access could,
 * and expecting the verifier to name the exact place.
 */
class AuditVerifierTests {

    private static final int EVENTS = 20;
    private static final int CHECKPOINT_EVERY = 5;

    private final AuditSigningKey key = CheckpointSignatureTests.newKey();
    private final CheckpointSigner signer = new CheckpointSigner(key);
    private final AuditVerifier verifier = new AuditVerifier(new CheckpointVerifier(key.noteKey()));

    private final List<LoggedEvent> events = new ArrayList<>();
    private final List<StoredCheckpoint> checkpoints = new ArrayList<>();
    private String external;

    AuditVerifierTests() {
        MerkleTree tree = new MerkleTree();
        for (long seq = 1; seq <= EVENTS; seq++) {
            LoggedEvent event = LoggedEvent.seal(seq, event(seq, "lawyer-" + seq));
            events.add(event);
            tree.append(event.leafHash());
            if (seq % CHECKPOINT_EVERY == 0) {
                checkpoints.add(stored(signer.checkpoint(seq, tree.root())));
            }
        }
        external = checkpoints.getLast().note();
    }

    @Test
    void shouldFindAnUntouchedLogIntact() {
        AuditVerdict verdict = verify();
        assertThat(verdict.firstProblem()).isEmpty();
        assertThat(verdict.events()).isEqualTo(EVENTS);
        assertThat(verdict.checkpoints()).isEqualTo(4);
        assertThat(verdict.sealedSize()).isEqualTo(EVENTS);
    }

    @Test
    void shouldNameAnEditedEvent() {
        LoggedEvent original = events.get(6);
        events.set(6, new LoggedEvent(7, event(7, "someone-else"), original.leafHash()));
        assertProblem(AuditProblem.Place.EVENT, 7, "no longer matches");
    }

    @Test
    void shouldCatchAnEditedEventWhoseLeafHashWasRecomputedAtTheNextCheckpoint() {
        events.set(6, LoggedEvent.seal(7, event(7, "someone-else")));
        assertProblem(AuditProblem.Place.CHECKPOINT, 10, "between 6 and 10");
    }

    @Test
    void shouldNameADeletedEvent() {
        events.remove(6);
        assertProblem(AuditProblem.Place.EVENT, 7, "missing");
    }

    @Test
    void shouldNameTheFirstOfTwoSwappedEvents() {
        // the rows keep their sequence numbers and leaf hashes; their contents change places
        LoggedEvent seventh = events.get(6);
        LoggedEvent eighth = events.get(7);
        events.set(6, new LoggedEvent(7, eighth.event(), seventh.leafHash()));
        events.set(7, new LoggedEvent(8, seventh.event(), eighth.leafHash()));
        assertProblem(AuditProblem.Place.EVENT, 7, "no longer matches");
    }

    @Test
    void shouldNameTheFirstOfTwoSwappedEventsEvenWithTheirLeafHashes() {
        LoggedEvent seventh = events.get(6);
        LoggedEvent eighth = events.get(7);
        events.set(6, new LoggedEvent(7, eighth.event(), eighth.leafHash()));
        events.set(7, new LoggedEvent(8, seventh.event(), seventh.leafHash()));
        assertProblem(AuditProblem.Place.EVENT, 7, "no longer matches");
    }

    @Test
    void shouldNameTheForgedEventInsertedAsItsRenumberedSuccessorsNoLongerMatch() {
        // insert at 8 and renumber the rest, leaving their sealed leaf hashes as they were
        List<LoggedEvent> forged = new ArrayList<>(events.subList(0, 7));
        forged.add(LoggedEvent.seal(8, event(8, "forger")));
        for (LoggedEvent later : events.subList(7, events.size())) {
            forged.add(new LoggedEvent(later.seq() + 1, later.event(), later.leafHash()));
        }
        events.clear();
        events.addAll(forged);
        assertProblem(AuditProblem.Place.EVENT, 9, "no longer matches");
    }

    @Test
    void shouldCatchAForgedEventWithEveryLeafHashRecomputedAtTheNextCheckpoint() {
        List<LoggedEvent> forged = new ArrayList<>(events.subList(0, 7));
        forged.add(LoggedEvent.seal(8, event(8, "forger")));
        for (LoggedEvent later : events.subList(7, events.size())) {
            forged.add(LoggedEvent.seal(later.seq() + 1, later.event()));
        }
        events.clear();
        events.addAll(forged);
        assertProblem(AuditProblem.Place.CHECKPOINT, 10, "between 6 and 10");
    }

    @Test
    void shouldCatchATailCutWithItsCheckpointsOnlyThroughTheExternalCheckpoint() {
        events.subList(15, EVENTS).clear();
        checkpoints.removeLast(); // the checkpoint at 20 goes with the tail
        assertThat(verifier.verify(events, checkpoints, Optional.empty()).intact()).isTrue();
        assertProblem(AuditProblem.Place.EXTERNAL_CHECKPOINT, 20, "tail after 15 was cut");
    }

    @Test
    void shouldNameTheFirstEventThatNoCheckpointCovers() {
        // events 18 to 20 cut with the checkpoint at 20: 16 and 17 are left without a signature
        events.subList(17, EVENTS).clear();
        checkpoints.removeLast();
        assertThat(verifier.verify(events, checkpoints, Optional.empty()).firstProblem()).hasValueSatisfying(problem -> {
            assertThat(problem.place()).isEqualTo(AuditProblem.Place.EVENT);
            assertThat(problem.position()).isEqualTo(16);
            assertThat(problem.reason()).contains("no signed checkpoint covers events 16 to 17");
        });
    }

    @Test
    void shouldCatchEventsRemovedUnderAStoredCheckpoint() {
        events.subList(17, EVENTS).clear();
        assertProblem(AuditProblem.Place.CHECKPOINT, 20, "holds only 17");
    }

    @Test
    void shouldNameACheckpointWithAForgedSignature() {
        StoredCheckpoint genuine = checkpoints.get(2);
        String note = genuine.note();
        int start = note.lastIndexOf(' ') + 1;
        byte[] line = Base64.getDecoder().decode(note.substring(start).strip());
        line[10] ^= 1;
        String forged = note.substring(0, start) + Base64.getEncoder().encodeToString(line) + "\n";
        checkpoints.set(2, new StoredCheckpoint(genuine.size(), genuine.root(), forged));
        assertProblem(AuditProblem.Place.CHECKPOINT, 15, "signature is not valid");
    }

    @Test
    void shouldNameACheckpointSignedByAnotherKey() {
        StoredCheckpoint genuine = checkpoints.get(2);
        String impostor = new CheckpointSigner(CheckpointSignatureTests.newKey())
                .sign(new Checkpoint(key.name(), genuine.size(), genuine.root()));
        checkpoints.set(2, new StoredCheckpoint(genuine.size(), genuine.root(), impostor));
        assertProblem(AuditProblem.Place.CHECKPOINT, 15, "signature is not valid");
    }

    @Test
    void shouldNameTwoDifferentCheckpointsForOneTreeSize() {
        // a fork: the genuine key signed another root for size 10, as a second instance with a diverged log would
        checkpoints.add(2, stored(signer.checkpoint(10, MerkleTree.leafHash(new byte[] {42}))));
        assertProblem(AuditProblem.Place.CHECKPOINT, 10, "second, different checkpoint");
    }

    @Test
    void shouldNameAnExternalCheckpointFromAForkedLog() {
        external = signer.sign(signer.checkpoint(12, MerkleTree.leafHash(new byte[] {42})));
        assertProblem(AuditProblem.Place.EXTERNAL_CHECKPOINT, 12, "not an extension");
    }

    @Test
    void shouldNameEventsAfterTheLastCheckpointSinceEveryRoundSignsItsHead() {
        checkpoints.removeLast();
        AuditVerdict verdict = verifier.verify(events, checkpoints, Optional.empty());
        assertThat(verdict.sealedSize()).isEqualTo(15);
        assertThat(verdict.firstProblem()).hasValueSatisfying(problem -> {
            assertThat(problem.place()).isEqualTo(AuditProblem.Place.EVENT);
            assertThat(problem.position()).isEqualTo(16);
        });
    }

    @Test
    void shouldNameAChainHeadThatDisagreesWithTheEvents() {
        TreeFrontier all = TreeFrontier.empty();
        events.forEach(e -> all.append(e.leafHash()));
        AuditLogRepository.ChainHead genuine = new AuditLogRepository.ChainHead(EVENTS, all.pack());
        assertThat(verifier.verify(events, checkpoints, List.of(external), Optional.of(genuine)).firstProblem()).isEmpty();

        TreeFrontier ten = TreeFrontier.empty();
        events.subList(0, 10).forEach(e -> ten.append(e.leafHash()));
        assertThat(verifier.verify(events, checkpoints, List.of(external),
                Optional.of(new AuditLogRepository.ChainHead(10, ten.pack()))).firstProblem())
                .hasValueSatisfying(problem -> {
                    assertThat(problem.place()).isEqualTo(AuditProblem.Place.CHAIN_HEAD);
                    assertThat(problem.position()).isEqualTo(10);
                    assertThat(problem.reason()).contains("log holds " + EVENTS);
                });
        assertThat(verifier.verify(events, checkpoints, List.of(external),
                Optional.of(new AuditLogRepository.ChainHead(EVENTS, ten.pack()))).firstProblem())
                .hasValueSatisfying(problem -> assertThat(problem.reason()).contains("frontier"));
        assertThat(verifier.verify(events, checkpoints, List.of(external), Optional.empty()).firstProblem())
                .hasValueSatisfying(problem -> assertThat(problem.place()).isEqualTo(AuditProblem.Place.CHAIN_HEAD));
    }

    private void assertProblem(AuditProblem.Place place, long position, String reason) {
        AuditVerdict verdict = verify();
        assertThat(verdict.firstProblem()).as("verdict").isPresent();
        AuditProblem problem = verdict.firstProblem().get();
        assertThat(problem.place()).as(problem.toString()).isEqualTo(place);
        assertThat(problem.position()).as(problem.toString()).isEqualTo(position);
        assertThat(problem.reason()).contains(reason);
    }

    private AuditVerdict verify() {
        return verifier.verify(events, checkpoints, Optional.ofNullable(external));
    }

    private StoredCheckpoint stored(Checkpoint checkpoint) {
        return new StoredCheckpoint(checkpoint.size(), checkpoint.root(), signer.sign(checkpoint));
    }

    static AuditEvent event(long n, String subject) {
        return new AuditEvent(Instant.parse("2026-03-01T10:00:00Z").plusMillis(n), subject, List.of("LAWYER"),
                "org-" + (n % 3), "192.0.2." + n, "detaineePage", "ab".repeat(32),
                List.of("hmac-" + n), List.of("Detainee.healthDescription"), "legal defence", AuditOutcome.ALLOWED);
    }
}
