package org.prisonerregistry.legal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A legal provision invoked against the person in a case, with its outcome. */
public record Charge(UUID id, UUID caseId, UUID provisionId, ChargeOutcome outcome, String source,
                     OffsetDateTime recordedAt, int version) {}
