package org.prisonerregistry.identity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a validated access token into the {@link Caller} it speaks for. */
final class CallerAuthenticationConverter implements Converter<Jwt, CallerAuthentication> {

    private final ClaimPaths claims;

    CallerAuthenticationConverter(JwtProperties properties) {
        this.claims = new ClaimPaths(properties.rolesClaim(), properties.orgClaim());
    }

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        Caller caller = new Caller(jwt.getSubject(), claims.rolesIn(jwt.getClaims()),
                claims.organisationIn(jwt.getClaims()).orElse(null), false);
        return new CallerAuthentication(caller);
    }
}
