package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The staging tag on its own, and the verifier's check of it on every sealed event, in memory. */
class StagingTagVerificationTests {

    private final AuditSigningKey key = CheckpointSignatureTests.newKey();
    private final LeafMac leafMac = LeafMac.derivedFrom(key);
    private final StagingMac stagingMac = StagingMac.derivedFrom(key);
    private final CheckpointSigner signer = new CheckpointSigner(key);
    private final AuditVerifier verifier = new AuditVerifier(new CheckpointVerifier(key.noteKey()), leafMac, stagingMac);
    private final List<LoggedEvent> events = new ArrayList<>();

    StagingTagVerificationTests() {
        for (long seq = 1; seq <= 6; seq++) {
            AuditEvent event = AuditVerifierTests.event(seq, "lawyer-" + seq);
            events.add(LoggedEvent.seal(seq, event, leafMac, stagingMac.tag(event)));
        }
    }

    @Test
    void shouldTagEachEventUniquelyAndMatchOnlyItsOwnContentUnderItsOwnKey() {
        AuditEvent event = AuditVerifierTests.event(1, "lawyer");
        StagingTag tag = stagingMac.tag(event);
        assertThat(stagingMac.matches(event, tag)).isTrue();
        assertThat(stagingMac.tag(event).nonce()).as("a fresh nonce each time").isNotEqualTo(tag.nonce());
        assertThat(stagingMac.matches(AuditVerifierTests.event(1, "someone-else"), tag)).isFalse();
        assertThat(stagingMac.matches(event, new StagingTag(UUID.randomUUID(), tag.mac()))).as("another nonce").isFalse();
        assertThat(stagingMac.matches(event, null)).isFalse();
        assertThat(StagingMac.derivedFrom(CheckpointSignatureTests.newKey()).matches(event, tag)).as("another key").isFalse();
        assertThat(tag.mac()).as("not the leaf MAC's key").isNotEqualTo(leafMac.mac(1, LoggedEvent.seal(1, event).leafHash()));
    }

    @Test
    void shouldFindTaggedEventsIntact() {
        assertThat(verify(1).firstProblem()).isEmpty();
    }

    @Test
    void shouldAcceptUntaggedEventsOnlyBelowTheBoundary() {
        untag(2);
        untag(3);
        assertThat(verify(4).firstProblem()).as("sealed before V12").isEmpty();
        assertProblem(verify(3), AuditProblem.Place.EVENT, 3, "carries no staging tag");
    }

    @Test
    void shouldNameAnEventSealedWithTheSealersKeyButNotStagedByTheRegistry() {
        // as if audit_seal had been called with a valid leaf MAC for content the registry never tagged
        AuditEvent forged = AuditVerifierTests.event(4, "nobody-was-here");
        StagingTag otherTag = events.get(3).staging();
        events.set(3, LoggedEvent.seal(4, forged, leafMac, otherTag));
        assertProblem(verify(1), AuditProblem.Place.EVENT, 4, "staging tag does not match");
    }

    @Test
    void shouldReportARefusalRecordUnlessSomethingWorseComesAfterIt() {
        AuditEvent refusal = new AuditEvent(Instant.parse("2026-03-01T10:00:00Z"), StagedEventCheck.SEALER, List.of(), null,
                null, null, "00".repeat(32), List.of(), List.of(), "receipt 9: its staging MAC does not match its content",
                AuditOutcome.FORGED_EVENT_REFUSED);
        events.set(2, LoggedEvent.seal(3, refusal, leafMac, stagingMac.tag(refusal)));
        AuditVerdict verdict = verify(1);
        assertProblem(verdict, AuditProblem.Place.REFUSED_EVENT, 3, "receipt 9: its staging MAC does not match");
        assertThat(verdict.events()).as("checked to the end").isEqualTo(6);
        assertThat(verdict.firstProblem().orElseThrow().toString()).startsWith("refused staged event, recorded at event 3: ");

        events.remove(4);
        assertProblem(verify(1), AuditProblem.Place.EVENT, 5, "missing");
    }

    private void untag(long seq) {
        LoggedEvent e = events.get((int) seq - 1);
        events.set((int) seq - 1, new LoggedEvent(e.seq(), e.event(), e.leafHash(), e.leafMac(), null));
    }

    /** Verifies the events as they stand, under a checkpoint the sealer signed over them (it signs every head it seals). */
    private AuditVerdict verify(long tagsRequiredFrom) {
        MerkleTree tree = new MerkleTree();
        events.forEach(event -> tree.append(event.leafHash()));
        Checkpoint head = signer.checkpoint(tree.size(), tree.root());
        List<StoredCheckpoint> signed = List.of(new StoredCheckpoint(head.size(), head.root(), signer.sign(head)));
        return verifier.stagingTagsRequiredFrom(tagsRequiredFrom).verify(events, signed, Optional.empty());
    }

    private static void assertProblem(AuditVerdict verdict, AuditProblem.Place place, long position, String reason) {
        assertThat(verdict.firstProblem()).as("verdict").hasValueSatisfying(problem -> {
            assertThat(problem.place()).as(problem.toString()).isEqualTo(place);
            assertThat(problem.position()).as(problem.toString()).isEqualTo(position);
            assertThat(problem.reason()).contains(reason);
        });
    }
}
