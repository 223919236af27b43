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
 * so tests create their own records and never assume an empty database. The server runs its
 * development issuer; {@link TestTokens} mints tokens for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "registry.data-dir=target/test-data/${random.uuid}")
@AutoConfigureHttpGraphQlTester
@Import({SqlStatementCounter.class, TestTokens.class, Actors.class})
public @interface RegistryIntegrationTest {
}
