package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class GraphiqlDefaultTests {

    private static String graphiqlWith(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new GraphiqlDefault().postProcessEnvironment(environment, null);
        return environment.getProperty(GraphiqlDefault.PROPERTY);
    }

    @Test
    void shouldOfferGraphiqlWithTheDevelopmentIssuer() {
        assertThat(graphiqlWith(Map.of())).isEqualTo("true");
    }

    @Test
    void shouldSwitchGraphiqlOffWhenARealIssuerGuardsTheApi() {
        assertThat(graphiqlWith(Map.of("registry.jwt.issuer-uri", "https://id.example.org/realms/registry")))
                .isEqualTo("false");
        assertThat(graphiqlWith(Map.of("registry.jwt.jwks-uri", "https://id.example.org/jwks"))).isEqualTo("false");
    }

    @Test
    void shouldFollowTheOperatorsChoiceInEitherMode() {
        assertThat(graphiqlWith(Map.of("registry.graphiql", "false"))).isEqualTo("false");
        assertThat(graphiqlWith(Map.of("registry.graphiql", "true", "registry.jwt.issuer-uri", "https://id.example.org")))
                .isEqualTo("true");
    }
}
