package org.prisonerregistry.defender;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A lawyer working for a detainee from {@code assignedOn} until {@code unassignedOn} (null while it lasts). */
public record LawyerAssignment(UUID id, UUID detaineeId, UUID defenderId, LocalDate assignedOn, LocalDate unassignedOn,
                               OffsetDateTime recordedAt) {

    public boolean active() {
        return unassignedOn == null;
    }
}
