package org.prisonerregistry.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a failed authentication with 401: Spring Security's {@code WWW-Authenticate: Bearer …}
 * challenge (which names the error, never the token) plus a GraphQL-shaped body without data. A
 * request that presented a token is recorded in the audit log as a rejected token; one that
 * presented none reached a path that needs one, and is left to the access log of the web server.
 */
final class InvalidTokenEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final RefusalLog refusals;

    InvalidTokenEntryPoint(RefusalLog refusals) {
        this.refusals = refusals;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof InvalidBearerTokenException || request.getHeader("Authorization") != null) {
            refusals.tokenRejected(request.getRemoteAddr());
        }
        challenge.commence(request, response, failure);
        String body = failure instanceof InvalidBearerTokenException
                ? Refusals.INVALID_TOKEN : Refusals.AUTHENTICATION_REQUIRED;
        Refusals.write(response, HttpServletResponse.SC_UNAUTHORIZED, body);
    }
}
