package org.prisonerregistry.detainee;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What {@code eraseDetainee} did: the person's data keys destroyed, their personal fields cleared,
 * and either an anonymous row kept for statistics or every row of the person deleted.
 */
public record Erasure(UUID detaineeId, String publicCode, OffsetDateTime erasedAt, ErasureReason reason,
                      boolean recordDropped, int dataKeysDestroyed) {}
