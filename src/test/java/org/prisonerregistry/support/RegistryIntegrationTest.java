package org.prisonerregistry.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole registry over HTTP on a random port, against a real embedded PostgreSQL in a fresh
 * folder under target/. Every test class with this annotation shares one context and one database,
 * so tests create their own records and never assume an empty database. The alert on bulk SPECIAL
 * reads is set out of reach here, since the suite reads many defenders as one protection officer. The server runs its
 * development issuer; {@link TestTokens} mints tokens for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.data-dir=target/test-data/${random.uuid}",
                // many test classes read defenders as one protection officer; AccessAlertTests checks alerts in a context of its own
                "registry.audit.alert.distinct-persons=1000000"})
@AutoConfigureHttpGraphQlTester
@Import({SqlStatementCounter.class, TestTokens.class, Actors.class})
public @interface RegistryIntegrationTest {
}
