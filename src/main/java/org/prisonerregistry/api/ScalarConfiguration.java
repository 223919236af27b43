package org.prisonerregistry.api;

import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** ISO dates, timestamps and exact decimals for the schema's Date, DateTime and Decimal scalars. */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer registryScalars() {
        return wiring -> wiring
                .scalar(ExtendedScalars.Date)
                .scalar(ExtendedScalars.DateTime)
                .scalar(ExtendedScalars.GraphQLBigDecimal);
    }
}
