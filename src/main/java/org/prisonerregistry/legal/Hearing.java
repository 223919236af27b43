package org.prisonerregistry.legal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A court hearing of a case, held or scheduled. */
public record Hearing(UUID id, UUID caseId, LocalDate heldOn, HearingKind kind, String outcome, String source,
                      OffsetDateTime recordedAt) {

    boolean isOnOrAfter(LocalDate day) {
        return !heldOn.isBefore(day);
    }
}
