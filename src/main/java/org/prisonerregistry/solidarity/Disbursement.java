package org.prisonerregistry.solidarity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A payment made for a detainee, optionally under one of the detainee's sponsorships. */
public record Disbursement(UUID id, UUID detaineeId, UUID paidById, UUID sponsorshipId, LocalDate paidOn,
                           BigDecimal amount, String currency, DisbursementCategory category,
                           OffsetDateTime recordedAt) {}
