package org.prisonerregistry.audit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.prisonerregistry.audit.AuditLogRepository.ChainHead;

/**
 * Rebuilds the audit tree from the events and checks it against every signed checkpoint, in log
 * order, naming the first place that fails.
 *
 * <p>An event is checked on its own first: its sequence number must be the next one (no gap, no
 * repeat), its content must still hash to the leaf hash sealed with it and, given the
 * {@link LeafMac}, that leaf hash must carry the MAC only the sealer's key makes. Someone who
 * rewrites or forges an event and recomputes its leaf hash is caught there by the MAC, and again
 * at the first signed checkpoint after it, whose root no longer matches; without the signing key
 * neither can be remade. The sealer signs every head it commits, so events past the last signed
 * checkpoint, or a chain head that disagrees with the events, mean the log was cut or rewound;
 * a tail cut together with its checkpoints is caught by the checkpoints kept outside the database.
 *
 * <p>Given the {@link StagingMac}, every event must also carry the tag it was staged with (events
 * sealed before staging was authenticated excepted, up to the boundary V12 recorded), so an event
 * that reached the log without the sealer's check (audit_seal called directly) is named too. A
 * record the sealer wrote in place of a staged row it refused ({@link AuditOutcome#FORGED_EVENT_REFUSED})
 * is genuine, so the check goes on past it; but someone wrote to the staging table what the registry
 * did not, so unless a worse problem comes up it is the verdict: the first such record, as a
 * {@link AuditProblem.Place#REFUSED_EVENT}.
 */
public final class AuditVerifier {

    private final CheckpointVerifier checkpointVerifier;
    private final LeafMac leafMac; // null: leaf MACs are not checked (a witness without the key)
    private final StagingMac stagingMac; // null: staging tags are not checked
    private final long stagingTagsRequiredFrom;

    public AuditVerifier(CheckpointVerifier checkpointVerifier) {
        this(checkpointVerifier, null);
    }

    public AuditVerifier(CheckpointVerifier checkpointVerifier, LeafMac leafMac) {
        this(checkpointVerifier, leafMac, null);
    }

    public AuditVerifier(CheckpointVerifier checkpointVerifier, LeafMac leafMac, StagingMac stagingMac) {
        this(checkpointVerifier, leafMac, stagingMac, 1);
    }

    private AuditVerifier(CheckpointVerifier checkpointVerifier, LeafMac leafMac, StagingMac stagingMac,
                          long stagingTagsRequiredFrom) {
        this.checkpointVerifier = checkpointVerifier;
        this.leafMac = leafMac;
        this.stagingMac = stagingMac;
        this.stagingTagsRequiredFrom = stagingTagsRequiredFrom;
    }

    /** This verifier, accepting events without a staging tag below {@code firstSeq} (sealed before V12); from 1 unless told. */
    public AuditVerifier stagingTagsRequiredFrom(long firstSeq) {
        return new AuditVerifier(checkpointVerifier, leafMac, stagingMac, firstSeq);
    }

    /**
     * @param events      every event, ordered by sequence number
     * @param checkpoints every stored checkpoint, in the order they were written
     * @param external    the latest checkpoint note from outside the database, if there is one
     */
    public AuditVerdict verify(List<LoggedEvent> events, List<StoredCheckpoint> checkpoints, Optional<String> external) {
        return verify(events, checkpoints, external.map(List::of).orElse(List.of()));
    }

    /**
     * @param events      every event, ordered by sequence number
     * @param checkpoints every stored checkpoint, in the order they were written
     * @param external    checkpoint notes kept outside the database (the checkpoint file), in any order
     */
    public AuditVerdict verify(Iterable<LoggedEvent> events, List<StoredCheckpoint> checkpoints, List<String> external) {
        return verify(events, checkpoints, external, walk -> Optional.empty());
    }

    /**
     * As {@link #verify(Iterable, List, List)}, and checks the stored chain head against the events.
     *
     * @param head the chain head as stored, read in the events' snapshot; empty if the row is missing
     */
    AuditVerdict verify(Iterable<LoggedEvent> events, List<StoredCheckpoint> checkpoints, List<String> external,
                        Optional<ChainHead> head) {
        return verify(events, checkpoints, external, walk -> walk.head(head));
    }

    private AuditVerdict verify(Iterable<LoggedEvent> events, List<StoredCheckpoint> checkpoints, List<String> external,
                                Function<Walk, Optional<AuditProblem>> headCheck) {
        List<StoredCheckpoint> bySize = checkpoints.stream().sorted(Comparator.comparingLong(StoredCheckpoint::size)).toList();
        Walk walk = new Walk();
        int next = 0;
        for (LoggedEvent event : events) {
            // checkpoints of the tree before this event come before it in log order
            while (next < bySize.size() && bySize.get(next).size() <= walk.tree.size()) {
                Optional<AuditProblem> problem = walk.checkpoint(bySize.get(next++));
                if (problem.isPresent()) {
                    return walk.verdict(next, problem);
                }
            }
            Optional<AuditProblem> problem = walk.event(event);
            if (problem.isPresent()) {
                return walk.verdict(next, problem);
            }
        }
        while (next < bySize.size()) {
            Optional<AuditProblem> problem = walk.checkpoint(bySize.get(next++));
            if (problem.isPresent()) {
                return walk.verdict(next, problem);
            }
        }
        // a note per sealing round in the file too: look sizes up, not through every stored checkpoint per note
        Map<Long, List<TreeHash>> storedRoots = bySize.stream().collect(Collectors.groupingBy(StoredCheckpoint::size,
                Collectors.mapping(StoredCheckpoint::root, Collectors.toList())));
        for (String note : external) {
            Optional<AuditProblem> problem = walk.external(note, storedRoots);
            if (problem.isPresent()) {
                return walk.verdict(next, problem);
            }
        }
        Optional<AuditProblem> problem = headCheck.apply(walk).or(walk::unsignedTail);
        return walk.verdict(next, problem);
    }

    /** The state of one pass over the log. */
    private final class Walk {
        private final MerkleTree tree = new MerkleTree();
        private final TreeFrontier frontier = TreeFrontier.empty();
        private Checkpoint lastGood;
        private AuditProblem firstRefusal;

        Optional<AuditProblem> event(LoggedEvent event) {
            long expected = tree.size() + 1; // sequence numbers start at 1; leaf index = seq - 1
            if (event.seq() > expected) {
                return eventProblem(expected, "missing: the log jumps from " + (expected - 1) + " to " + event.seq());
            }
            if (event.seq() < expected) {
                return eventProblem(expected, "out of order: found event " + event.seq() + " where " + expected + " belongs");
            }
            if (!event.matchesLeafHash()) {
                return eventProblem(event.seq(), "its content no longer matches the leaf hash sealed with it");
            }
            if (leafMac != null && !leafMac.matches(event.seq(), event.leafHash(), event.leafMac())) {
                return eventProblem(event.seq(), "it was not sealed by this registry's key (forged, or rewritten with "
                        + "a recomputed leaf hash)");
            }
            Optional<AuditProblem> staging = stagingProblem(event);
            if (staging.isPresent()) {
                return staging;
            }
            tree.append(event.leafHash());
            frontier.append(event.leafHash());
            noteRefusal(event);
            return Optional.empty();
        }

        private Optional<AuditProblem> stagingProblem(LoggedEvent event) {
            if (stagingMac == null) {
                return Optional.empty();
            }
            if (event.staging() == null) {
                return event.seq() < stagingTagsRequiredFrom ? Optional.empty()
                        : eventProblem(event.seq(), "it carries no staging tag, so the sealer never checked that this "
                                + "registry staged it");
            }
            if (!stagingMac.matches(event.event(), event.staging())) {
                return eventProblem(event.seq(), "its staging tag does not match: this registry did not stage this content "
                        + "(forged or edited before sealing)");
            }
            return Optional.empty();
        }

        private void noteRefusal(LoggedEvent event) {
            if (firstRefusal == null && event.event().outcome() == AuditOutcome.FORGED_EVENT_REFUSED) {
                firstRefusal = new AuditProblem(AuditProblem.Place.REFUSED_EVENT, event.seq(), "the sealer refused a staged "
                        + "row this registry did not write and sealed this record in its place (" + event.event().purpose() + ")");
            }
        }

        Optional<AuditProblem> checkpoint(StoredCheckpoint stored) {
            Checkpoint signed;
            try {
                signed = checkpointVerifier.verify(stored.note());
            } catch (CheckpointRejectedException e) {
                return checkpointProblem(stored.size(), "its signature is not valid: " + e.getMessage());
            }
            if (signed.size() != stored.size() || !signed.root().equals(stored.root())) {
                return checkpointProblem(stored.size(), "its size or root columns differ from the signed note");
            }
            if (lastGood != null && lastGood.size() == signed.size() && !lastGood.root().equals(signed.root())) {
                return checkpointProblem(signed.size(), "a second, different checkpoint was signed for this size (a forked log)");
            }
            if (signed.size() > tree.size()) {
                return checkpointProblem(signed.size(), "it covers " + signed.size() + " events but the log holds only "
                        + tree.size() + ": events after " + tree.size() + " were removed");
            }
            if (!tree.root(signed.size()).equals(signed.root())) {
                long from = lastGood == null ? 1 : lastGood.size() + 1;
                return checkpointProblem(signed.size(), "the events do not hash to its root: an event between "
                        + from + " and " + signed.size() + " was changed, removed, inserted or reordered");
            }
            if (lastGood != null && !consistent(lastGood, signed)) {
                return checkpointProblem(signed.size(), "it is not consistent with the checkpoint at size " + lastGood.size());
            }
            lastGood = signed;
            return Optional.empty();
        }

        Optional<AuditProblem> external(String note, Map<Long, List<TreeHash>> storedRoots) {
            Checkpoint signed;
            try {
                signed = checkpointVerifier.verify(note);
            } catch (CheckpointRejectedException e) {
                return Optional.of(new AuditProblem(AuditProblem.Place.EXTERNAL_CHECKPOINT, -1, "its signature is not valid: " + e.getMessage()));
            }
            if (storedRoots.getOrDefault(signed.size(), List.of()).stream().anyMatch(root -> !root.equals(signed.root()))) {
                return externalProblem(signed, "a second, different checkpoint was signed for this size (a forked "
                        + "log): the database holds another root for it");
            }
            if (signed.size() > tree.size()) {
                return externalProblem(signed, "it covers " + signed.size() + " events but the log holds only "
                        + tree.size() + ": the tail after " + tree.size() + " was cut");
            }
            Checkpoint current = new Checkpoint(signed.origin(), tree.size(), tree.root());
            if (!consistent(signed, current)) {
                return externalProblem(signed, "the log is not an extension of it: events up to " + signed.size() + " differ");
            }
            return Optional.empty();
        }

        /** The head must count the events there are, with their frontier (none: a head from before V9, rebuilt by the sealer). */
        Optional<AuditProblem> head(Optional<ChainHead> stored) {
            if (stored.isEmpty()) {
                return Optional.of(new AuditProblem(AuditProblem.Place.CHAIN_HEAD, -1, "the chain head row is missing"));
            }
            ChainHead head = stored.get();
            if (head.size() != tree.size()) {
                return Optional.of(new AuditProblem(AuditProblem.Place.CHAIN_HEAD, head.size(), "it counts " + head.size()
                        + " events but the log holds " + tree.size() + ": the head was " + (head.size() < tree.size()
                        ? "rewound" : "advanced over events that are not there")));
            }
            if (head.frontier().length > 0 && !Arrays.equals(head.frontier(), frontier.pack())) {
                return Optional.of(new AuditProblem(AuditProblem.Place.CHAIN_HEAD, head.size(),
                        "its tree frontier is not the one of the events stored"));
            }
            return Optional.empty();
        }

        /** Every round that seals signs its head, so sealed events past the last checkpoint lost theirs. */
        Optional<AuditProblem> unsignedTail() {
            long signed = lastGood == null ? 0 : lastGood.size();
            if (tree.size() <= signed) {
                return Optional.empty();
            }
            return eventProblem(signed + 1, "no signed checkpoint covers events " + (signed + 1) + " to " + tree.size()
                    + ": the checkpoints over them were removed from the database (or the log was sealed by a version "
                    + "that signed only now and then, and no round has signed it since)");
        }

        /** RFC 6962 consistency, proved from the rebuilt tree and checked as a witness holding only the two checkpoints would. */
        private boolean consistent(Checkpoint older, Checkpoint newer) {
            List<TreeHash> proof = tree.consistencyProof(older.size(), newer.size());
            return MerkleProofs.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(), proof);
        }

        /** The problem found, else the first refusal recorded in the log, if any. */
        AuditVerdict verdict(int checkpointsSeen, Optional<AuditProblem> problem) {
            return new AuditVerdict(tree.size(), checkpointsSeen, lastGood == null ? 0 : lastGood.size(),
                    problem.or(() -> Optional.ofNullable(firstRefusal)));
        }

        private Optional<AuditProblem> eventProblem(long seq, String reason) {
            return Optional.of(new AuditProblem(AuditProblem.Place.EVENT, seq, reason));
        }

        private Optional<AuditProblem> checkpointProblem(long size, String reason) {
            return Optional.of(new AuditProblem(AuditProblem.Place.CHECKPOINT, size, reason));
        }

        private Optional<AuditProblem> externalProblem(Checkpoint checkpoint, String reason) {
            return Optional.of(new AuditProblem(AuditProblem.Place.EXTERNAL_CHECKPOINT, checkpoint.size(), reason));
        }
    }
}
