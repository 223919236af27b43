package org.prisonerregistry.detainee;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An organisation's designation of a person as a political prisoner. */
public record Recognition(UUID id, UUID detaineeId, UUID organisationId, LocalDate recognisedOn, String source,
                          OffsetDateTime recordedAt) {}
