package org.prisonerregistry.stats;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The fixed statistics anyone may read, after disclosure control.
 *
 * @param threshold                the k used: every count below it is withheld
 * @param asOf                     when the counts were taken
 * @param peopleByCountryAndRegime one cell per country and current regime with at least one person
 */
public record PublicStats(int threshold, OffsetDateTime asOf, List<StatsCell> peopleByCountryAndRegime) {

    public PublicStats {
        peopleByCountryAndRegime = List.copyOf(peopleByCountryAndRegime);
    }
}
