package org.prisonerregistry.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The few answers the registry gives before GraphQL runs, as GraphQL-shaped JSON with a
 * classification and never any data.
 */
final class Refusals {

    static final String AUTHENTICATION_REQUIRED = """
            {"errors":[{"message":"Authentication required","extensions":{"classification":"UNAUTHORIZED"}}]}""";
    static final String INVALID_TOKEN = """
            {"errors":[{"message":"The bearer token is not valid","extensions":{"classification":"UNAUTHORIZED"}}]}""";
    static final String TOO_LARGE = """
            {"errors":[{"message":"Request too large","extensions":{"classification":"BAD_REQUEST"}}]}""";

    private Refusals() {
    }

    /** 401 with a bare {@code Bearer} challenge: the request needs a token that grants a role. */
    static void authenticationRequired(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, AUTHENTICATION_REQUIRED);
    }

    static void tooLarge(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE);
    }

    /** Writes the body after the status and challenge header that the caller has set. */
    static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }
}
