package org.prisonerregistry.audit;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.prisonerregistry.audit.AuditLogRepository.Sealing;
import org.prisonerregistry.audit.AuditLogRepository.StagedRow;

/**
 * What the sealer checks before it seals: that each staged row is an event this registry staged,
 * tagged under the {@link StagingMac} key the database does not hold, and staged once. Anyone with
 * the application's database role can insert rows into the stage; such a row is not sealed as
 * genuine but as the record of its refusal, which copies nothing of it but its receipt and hash,
 * and the sealer raises an ALERT for it.
 */
final class StagedEventCheck {

    /** The subject of the events the sealer writes itself. */
    static final String SEALER = "(audit sealer)";

    private final StagingMac stagingMac;
    private final LeafMac leafMac;
    private final AuditLogRepository repository;
    private volatile long tagsRequiredFrom; // 0 until read: V12 writes it once, nothing changes it

    StagedEventCheck(StagingMac stagingMac, LeafMac leafMac, AuditLogRepository repository) {
        this.stagingMac = stagingMac;
        this.leafMac = leafMac;
        this.repository = repository;
    }

    /**
     * The rows of a batch that must not be sealed as genuine, by receipt, with why (fixed phrases,
     * nothing of the row), in batch order. {@code firstSeq} is the sequence number the first row will get.
     */
    Map<Long, String> refusals(List<StagedRow> batch, long firstSeq) {
        Map<Long, String> refused = new LinkedHashMap<>();
        Set<UUID> nonces = new HashSet<>();
        long seq = firstSeq;
        for (StagedRow row : batch) {
            String reason = refusal(row, seq++, nonces);
            if (reason != null) {
                refused.put(row.receipt(), reason);
            }
        }
        return refused;
    }

    private String refusal(StagedRow row, long seq, Set<UUID> noncesOfThisBatch) {
        if (row.event() == null) {
            return "its content is not an event this registry writes";
        }
        if (row.tag() == null) {
            // only rows staged before V12 have none (a constraint requires both for later ones)
            return seq < tagsRequiredFrom() ? null : "it carries no staging tag";
        }
        if (row.nonceSealedBefore() || !noncesOfThisBatch.add(row.tag().nonce())) {
            return "its nonce was sealed before: a replayed copy of a staged event";
        }
        if (!stagingMac.matches(row.event(), row.tag())) {
            return "its staging MAC does not match its content: forged, or edited after it was staged";
        }
        return null;
    }

    /** The sealed record of refusing a staged row: when, its receipt and why, the hash of the row; tagged and sealed like any event. */
    Sealing refusalRecord(long receipt, long seq, String reason, String rowHash, Instant refusedAt) {
        AuditEvent record = new AuditEvent(refusedAt, SEALER, List.of(), null, null, null, rowHash, List.of(), List.of(),
                "receipt " + receipt + ": " + reason, AuditOutcome.FORGED_EVENT_REFUSED);
        return new Sealing(receipt, LoggedEvent.seal(seq, record, leafMac, stagingMac.tag(record)), true);
    }

    /** The ALERT event of a round that refused rows: where the refusal records are, for the protection officers and auditors. */
    static AuditEvent alert(List<Sealing> refusals, Instant at) {
        return new AuditEvent(at, SEALER, List.of(), null, null, null, null, List.of(), List.of(),
                describe(refusals) + "; run audit verify", AuditOutcome.ALERT);
    }

    /** A tag for an event the sealer writes itself. */
    StagingTag tag(AuditEvent event) {
        return stagingMac.tag(event);
    }

    /** How many rows were refused and where their records lie: first and last only, so that it stays short for any batch. */
    static String describe(List<Sealing> refusals) {
        long first = refusals.getFirst().logged().seq();
        long last = refusals.getLast().logged().seq();
        return refusals.size() + " staged event(s) this registry did not write were refused and sealed as "
                + "FORGED_EVENT_REFUSED " + (first == last ? "at event " + first : "between events " + first + " and " + last);
    }

    private long tagsRequiredFrom() {
        if (tagsRequiredFrom == 0) {
            tagsRequiredFrom = repository.stagingTagsRequiredFrom();
        }
        return tagsRequiredFrom;
    }
}
