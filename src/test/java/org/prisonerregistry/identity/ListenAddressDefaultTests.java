package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ListenAddressDefaultTests {

    /** An environment holding {@code variables} as environment variables would, and nothing else. */
    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(environment);
        new ListenAddressDefault().postProcessEnvironment(environment, null);
        return environment;
    }

    @Test
    void shouldListenOnLoopbackOnlyWithTheDevelopmentIssuer() {
        assertThat(environmentWith(Map.of()).getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldListenOnAllInterfacesWithARealIssuer() {
        StandardEnvironment environment = environmentWith(Map.of(
                "REGISTRY_JWT_ISSUER_URI", "https://id.example.org/realms/registry", "REGISTRY_JWT_AUDIENCE", "registry"));

        assertThat(environment.getProperty("server.address")).isNull();
    }

    @Test
    void shouldListenWhereTheOperatorSaysInEitherMode() {
        assertThat(environmentWith(Map.of("REGISTRY_LISTEN_ADDRESS", "0.0.0.0")).getProperty("server.address"))
                .isEqualTo("0.0.0.0");
        assertThat(environmentWith(Map.of("SERVER_ADDRESS", "10.0.0.5")).getProperty("server.address"))
                .isEqualTo("10.0.0.5");
    }

    @Test
    void shouldLeaveAnAddressFromAnyOtherSourceAlone() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("args", Map.of("server.address", "::1")));
        ConfigurationPropertySources.attach(environment);

        new ListenAddressDefault().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("server.address")).isEqualTo("::1");
    }
}
