package org.prisonerregistry.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When bulk reads of SPECIAL data raise an alert ({@code registry.audit.alert.*}): one account reading
 * SPECIAL data of more than {@code distinctPersons} different persons within {@code window}.
 */
@ConfigurationProperties("registry.audit.alert")
public record AccessAlertProperties(@DefaultValue("50") int distinctPersons, @DefaultValue("10m") Duration window) {

    public AccessAlertProperties {
        if (distinctPersons < 1) {
            throw new IllegalArgumentException("registry.audit.alert.distinct-persons must be at least 1");
        }
        if (window.isNegative() || window.isZero() || window.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("registry.audit.alert.window must be a positive duration");
        }
    }
}
