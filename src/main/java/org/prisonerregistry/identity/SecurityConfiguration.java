package org.prisonerregistry.identity;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The HTTP side of identity: bearer tokens from the Authorization header only, no sessions or
 * cookies (so no CSRF to guard against), 401 for a token that fails validation, and the anonymous
 * rule for requests without a role. Paths other than the API, GraphiQL and error pages are refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // seed and token run without a web server
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain registrySecurity(HttpSecurity http, JwtDecoder jwtDecoder,
                                         CallerAuthenticationConverter callerConverter, CurrentCaller currentCaller,
                                         JwtProperties jwt, AnonymousAccessProperties anonymous,
                                         RefusalLog refusals) throws Exception {
        boolean introspection = anonymous.introspectionAllowed(jwt);
        log.info("Anonymous callers: public statistics only{}", introspection ? ", and introspection" : "");
        InvalidTokenEntryPoint entryPoint = new InvalidTokenEntryPoint(refusals);
        http
                .securityMatcher("/**")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(headerOnly())
                        .authenticationEntryPoint(entryPoint)
                        .jwt(tokens -> tokens.decoder(jwtDecoder).jwtAuthenticationConverter(callerConverter))
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> describe(resource, jwt))))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/graphql", "/graphiql", "/graphiql/**", "/error").permitAll()
                        .anyRequest().denyAll())
                .addFilterAfter(new AnonymousAccessFilter(currentCaller, new PublicRootFields(introspection), refusals),
                        AuthorizationFilter.class)
                .addFilterAfter(new ActingRoleFilter(currentCaller, refusals), AnonymousAccessFilter.class);
        return http.build();
    }

    /**
     * Spring Security publishes RFC 9728 metadata at /.well-known/oauth-protected-resource; make it
     * true to this registry: tokens are not bound to client certificates, and they come from the
     * configured issuer (the development issuer has no URL to name).
     */
    private static void describe(OAuth2ProtectedResourceMetadata.Builder resource, JwtProperties jwt) {
        resource.resourceName("prisoner-registry").tlsClientCertificateBoundAccessTokens(false);
        if (jwt.realIssuerConfigured()) {
            resource.authorizationServer(jwt.expectedIssuer());
        }
    }

    /** A token in a URL ends up in proxy and browser logs, so only the Authorization header counts. */
    private static DefaultBearerTokenResolver headerOnly() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        resolver.setAllowUriQueryParameter(false);
        resolver.setAllowFormEncodedBodyParameter(false);
        return resolver;
    }
}
