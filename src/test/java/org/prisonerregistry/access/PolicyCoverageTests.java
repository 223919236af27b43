package org.prisonerregistry.access;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

@RegistryIntegrationTest
class PolicyCoverageTests {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void shouldHaveAPolicyForEveryFieldOfTheServedSchema() {
        assertThat(PolicyCoverage.fieldsWithoutPolicy(graphQlSource.schema())).isEmpty();
    }

    @Test
    void shouldDeclareTheDataClassesOfDesignSectionThree() {
        GraphQLSchema schema = graphQlSource.schema();
        assertThat(policy(schema, "Detainee", "fullName")).isEqualTo(new FieldPolicy(
                java.util.Set.of("COORDINATOR", "LAWYER"), "RESTRICTED"));
        assertThat(policy(schema, "Detainee", "region").allow()).containsExactlyInAnyOrder("COORDINATOR", "LAWYER", "ADMIN");
        assertThat(policy(schema, "Threat", "description").dataClass()).isEqualTo("SPECIAL");
        assertThat(policy(schema, "Query", "publicStats").admitsEveryone()).isTrue();
        assertThat(policy(schema, "Query", "detainees").admits("ANALYST")).isFalse();
    }

    @Test
    void shouldNameEveryFieldThatHasNoPolicyOfItsOwnOrOfItsType() throws IOException {
        String directive = Files.readString(Path.of("schema/policy.graphqls"));
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(directive + """
                type Query {
                  covered: Covered @policy(allow: [LAWYER])
                  forgotten: String
                }
                type Covered @policy(allow: [COORDINATOR]) {
                  byItsType: String
                  byItself: String @policy(allow: [ADMIN], class: RESTRICTED)
                }
                """), RuntimeWiring.MOCKED_WIRING);

        assertThat(PolicyCoverage.fieldsWithoutPolicy(schema)).containsExactly("Query.forgotten");
        assertThat(policy(schema, "Covered", "byItsType").allow()).containsExactly("COORDINATOR");
        assertThat(policy(schema, "Covered", "byItself")).isEqualTo(new FieldPolicy(java.util.Set.of("ADMIN"), "RESTRICTED"));
    }

    @Test
    void shouldGuardEveryGuardedPropertyOfTheServedSchema() {
        assertThat(PolicyCoverage.unguardedProperties(graphQlSource.schema())).isEmpty();
        DataFetcher<?> fullName = graphQlSource.schema().getCodeRegistry().getDataFetcher(
                graphQlSource.schema().getObjectType("Detainee"), graphQlSource.schema().getObjectType("Detainee").getFieldDefinition("fullName"));
        assertThat(fullName).isInstanceOf(PolicedProperty.class);
    }

    @Test
    void shouldNameTheGuardedPropertiesOfASchemaBuiltWithoutThePolicyWiring() throws IOException {
        // the field policy lets plain property fetchers pass, trusting the wiring to have guarded them
        String directive = Files.readString(Path.of("schema/policy.graphqls"));
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(directive + """
                type Query {
                  person: Person @policy(allow: [PUBLIC])
                }
                type Person @policy(allow: [PUBLIC]) {
                  publicCode: String
                  fullName: String @policy(allow: [COORDINATOR], class: RESTRICTED)
                }
                """), RuntimeWiring.newRuntimeWiring().build());

        assertThat(PolicyCoverage.unguardedProperties(schema)).containsExactly("Person.fullName");
    }

    private static FieldPolicy policy(GraphQLSchema schema, String type, String field) {
        GraphQLObjectType object = schema.getObjectType(type);
        return FieldPolicy.of(object, object.getFieldDefinition(field)).orElseThrow();
    }
}
