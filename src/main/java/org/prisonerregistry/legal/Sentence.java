package org.prisonerregistry.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A sentence imposed in a case. {@code startsOn} is the first day counted towards it, which is
 * earlier than {@code imposedOn} when time already spent in custody is credited.
 */
public record Sentence(UUID id, UUID caseId, LocalDate imposedOn, String court, int termYears, int termMonths,
                       int termDays, SentenceRegime regime, LocalDate startsOn, BigDecimal fineAmount,
                       String fineCurrency, AppealStatus appealStatus, String source, OffsetDateTime recordedAt,
                       int version) {

    /**
     * The day the term ends, counted from {@code startsOn} by calendar years, months and days; only
     * for regimes that deprive of liberty. It ignores remissions and parole, which the registry does
     * not track, so it is the latest expected date, not a promise.
     */
    public LocalDate expectedReleaseOn() {
        if (!regime.isCustodial() || startsOn == null) {
            return null;
        }
        return startsOn.plusYears(termYears).plusMonths(termMonths).plusDays(termDays);
    }
}
