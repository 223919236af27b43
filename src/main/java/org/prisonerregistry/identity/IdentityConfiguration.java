package org.prisonerregistry.identity;

import org.prisonerregistry.database.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Chooses whom the registry trusts: the operator's issuer when one is configured, else the
 * development issuer, whose key lives in the data folder. The start-up log says which.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    JwtDecoder jwtDecoder(JwtProperties jwt, DatabaseProperties database) {
        if (jwt.realIssuerConfigured()) {
            log.info("Identity: trusting issuer {} for audience {}{}", jwt.expectedIssuer(), jwt.audience(),
                    jwt.jwksUri() != null ? " (keys from " + jwt.jwksUri() + ")" : " (keys by OpenID Connect discovery)");
            return TrustedIssuers.realIssuer(jwt);
        }
        DevelopmentIssuerKey key = DevelopmentIssuerKey.loadOrCreate(database.dataDir());
        log.info("Identity: development issuer, key in {} (mint tokens with 'java -jar target/prisoner-registry.jar "
                + "token --role …'); never use it for real data", key.file());
        return TrustedIssuers.developmentIssuer(key);
    }

    @Bean
    CallerAuthenticationConverter callerAuthenticationConverter(JwtProperties jwt) {
        return new CallerAuthenticationConverter(jwt);
    }
}
