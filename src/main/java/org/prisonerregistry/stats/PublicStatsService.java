package org.prisonerregistry.stats;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public statistics: counted in the database, then put through disclosure control before anyone sees them. */
@Service
@Transactional(readOnly = true)
public class PublicStatsService {

    private final PublicStatsRepository repository;
    private final int threshold;

    PublicStatsService(PublicStatsRepository repository, StatsProperties properties) {
        this.repository = repository;
        this.threshold = properties.publicThreshold();
    }

    public PublicStats publicStats() {
        OffsetDateTime asOf = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return new PublicStats(threshold, asOf, DisclosureControl.apply(repository.peopleByCountryAndRegime(), threshold));
    }
}
