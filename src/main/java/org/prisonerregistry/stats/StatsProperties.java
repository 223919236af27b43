package org.prisonerregistry.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disclosure control settings. {@code publicThreshold} (env REGISTRY_STATS_PUBLIC_THRESHOLD) is the
 * k of the public statistics: a count below it is withheld. Below 3 a published count could single
 * out a person, so such a setting stops the start instead of weakening the statistics quietly.
 *
 * @param publicThreshold the smallest count the public statistics publish; 5 unless set, never below 3
 */
@ConfigurationProperties("registry.stats")
public record StatsProperties(@DefaultValue("5") int publicThreshold) {

    /** The lowest threshold the registry accepts: below it, counts of one or two people would be published. */
    public static final int MINIMUM_THRESHOLD = 3;

    public StatsProperties {
        if (publicThreshold < MINIMUM_THRESHOLD) {
            throw new IllegalStateException("registry.stats.public-threshold (REGISTRY_STATS_PUBLIC_THRESHOLD) is "
                    + publicThreshold + " but must be at least " + MINIMUM_THRESHOLD
                    + ": smaller published counts can single out a person");
        }
    }
}
