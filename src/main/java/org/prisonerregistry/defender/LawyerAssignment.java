package org.prisonerregistry.defender;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A lawyer working a case from {@code assignedOn} until {@code unassignedOn} (null while it lasts). */
public record LawyerAssignment(UUID id, UUID caseId, UUID defenderId, LocalDate assignedOn, LocalDate unassignedOn,
                               OffsetDateTime recordedAt) {

    public boolean active() {
        return unassignedOn == null;
    }
}
