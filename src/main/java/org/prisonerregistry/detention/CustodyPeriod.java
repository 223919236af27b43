package org.prisonerregistry.detention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A stretch of a detention under one regime in one place; {@code endsOn} is null while it lasts. */
public record CustodyPeriod(UUID id, UUID detentionId, Regime regime, UUID facilityId, LocalDate startsOn,
                            LocalDate endsOn, String source, OffsetDateTime recordedAt) {

    public boolean isOpen() {
        return endsOn == null;
    }

    /**
     * Days from the start to the end, or to {@code today} while open. The end day is the day of the
     * change (transfer, new regime, release), which the next period starts on, so it counts once.
     */
    int daysUpTo(LocalDate today) {
        LocalDate end = endsOn == null ? today : endsOn;
        return end.isBefore(startsOn) ? 0 : (int) ChronoUnit.DAYS.between(startsOn, end);
    }
}
