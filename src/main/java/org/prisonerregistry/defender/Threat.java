package org.prisonerregistry.defender;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.prisonerregistry.audit.DataSubject;
import org.prisonerregistry.audit.PersonalRecord;
import org.prisonerregistry.keys.Sealed;

/**
 * An incident against a defender. {@link #toString()} leaves out the description, follow-up and
 * source, which may name people and places, so that the record is safe to log. The description and
 * the follow-up stay sealed until a field that selected them is admitted.
 */
public record Threat(
        UUID id,
        UUID defenderId,
        LocalDate occurredOn,
        ThreatKind kind,
        ThreatChannel channel,
        Sealed<String> description,
        boolean reportedToAuthorities,
        Sealed<String> followUp,
        String source,
        OffsetDateTime recordedAt,
        int version) implements PersonalRecord {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.defender(defenderId);
    }

    @Override
    public String toString() {
        return "Threat[id=" + id + ", defenderId=" + defenderId + ", kind=" + kind + ", channel=" + channel
                + ", version=" + version + "]";
    }
}
