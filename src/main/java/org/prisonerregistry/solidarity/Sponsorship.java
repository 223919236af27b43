package org.prisonerregistry.solidarity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An organisation's commitment to support a detainee with a monthly amount; {@code endsOn} is null while open-ended. */
public record Sponsorship(UUID id, UUID detaineeId, UUID sponsorId, LocalDate startsOn, LocalDate endsOn,
                          BigDecimal monthlyAmount, String currency, OffsetDateTime recordedAt, int version) {

    /** Whether {@code day} falls within the period, both ends included (as the support status counts it in SQL). */
    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    /** Whether the sponsorship runs today; derived, never stored, so it cannot go stale. */
    public boolean active() {
        return covers(LocalDate.now());
    }
}
