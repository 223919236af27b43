package org.prisonerregistry.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The public threshold binds as the server binds it at start-up, and a threshold below 3 stops the start. */
class StatsPropertiesTests {

    @Test
    void shouldUseFiveWhenNothingIsSet() {
        assertThat(bind(Map.of()).publicThreshold()).isEqualTo(5);
    }

    @Test
    void shouldTakeTheConfiguredThreshold() {
        assertThat(bind(Map.of("registry.stats.public-threshold", "3")).publicThreshold()).isEqualTo(3);
        assertThat(bind(Map.of("registry.stats.public-threshold", "10")).publicThreshold()).isEqualTo(10);
    }

    @Test
    void shouldRefuseAThresholdBelowThree() {
        assertThatThrownBy(() -> bind(Map.of("registry.stats.public-threshold", "2")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("must be at least 3");
        assertThatThrownBy(() -> new StatsProperties(0)).hasMessageContaining("REGISTRY_STATS_PUBLIC_THRESHOLD");
    }

    private static StatsProperties bind(Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return binder.bindOrCreate("registry.stats", StatsProperties.class);
    }
}
