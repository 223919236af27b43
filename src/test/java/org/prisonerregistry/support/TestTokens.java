package org.prisonerregistry.support;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.prisonerregistry.database.DatabaseProperties;
import org.prisonerregistry.identity.DevelopmentIssuer;
import org.prisonerregistry.identity.DevelopmentIssuerKey;
import org.prisonerregistry.identity.JwtProperties;
import org.prisonerregistry.identity.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Access tokens from the development issuer of the running test server, whose key sits in the test
 * context's data folder: what {@code java -jar … token} would print.
 */
@TestComponent
public class TestTokens {

    private final DevelopmentIssuer issuer;

    TestTokens(DatabaseProperties database, JwtProperties jwt) {
        this.issuer = new DevelopmentIssuer(DevelopmentIssuerKey.loadOrCreate(database.dataDir()), jwt);
    }

    /** A token for subject {@code dev-<role>} with that one role and no organisation. */
    public String forRole(Role role) {
        return token("dev-" + role.name().toLowerCase(Locale.ROOT), Set.of(role), null);
    }

    public String token(String subject, Set<Role> roles, String organisation) {
        return issuer.mint(subject, roles, organisation, Duration.ofHours(1));
    }

    /** {@code graphQl}, sending a token for {@code role} with every request. */
    public HttpGraphQlTester signIn(HttpGraphQlTester graphQl, Role role) {
        String token = forRole(role);
        return graphQl.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    /** {@code graphQl}, sending a token for this subject, role and organisation (may be null) with every request. */
    public HttpGraphQlTester signIn(HttpGraphQlTester graphQl, String subject, Role role, String organisation) {
        String token = token(subject, Set.of(role), organisation);
        return graphQl.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }
}
