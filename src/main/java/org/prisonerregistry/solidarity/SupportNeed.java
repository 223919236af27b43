package org.prisonerregistry.solidarity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A need of a detainee or the family. The description is RESTRICTED, and SPECIAL (health data)
 * when the category is HEALTH or PSYCHOLOGICAL.
 */
public record SupportNeed(UUID id, UUID detaineeId, NeedCategory category, String description, NeedStatus status,
                          LocalDate recordedOn, OffsetDateTime recordedAt, int version) {}
