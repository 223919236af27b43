package org.prisonerregistry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** ADMIN manages but does not read: no RESTRICTED or SPECIAL value, no support, no torture allegation. */
    @Test
    void shouldGiveAdminNoSensitiveFieldNoSupportAndNoTortureAllegation() {
        GraphQLSchema schema = graphQlSource.schema();
        java.util.List<String> readByAdmin = new java.util.ArrayList<>();
        for (var named : schema.getAllTypesAsList()) {
            if (named instanceof GraphQLObjectType type && !type.getName().startsWith("__") && type != schema.getMutationType()) {
                type.getFieldDefinitions().stream()
                        .filter(field -> FieldPolicy.of(type, field).orElseThrow().admits("ADMIN"))
                        .filter(field -> FieldPolicy.of(type, field).orElseThrow().isSensitive())
                        .forEach(field -> readByAdmin.add(type.getName() + "." + field.getName()));
            }
        }
        assertThat(readByAdmin).as("RESTRICTED or SPECIAL fields that ADMIN reads").isEmpty();
        assertThat(policy(schema, "Detainee", "supportStatus").admits("ADMIN")).isFalse();
        assertThat(policy(schema, "Detainee", "supportNeeds").admits("ADMIN")).isFalse();
        assertThat(policy(schema, "Detention", "illTreatmentAlleged").admits("ADMIN")).isFalse();
        assertThat(policy(schema, "Detention", "illTreatmentAccount").admits("ADMIN")).isFalse();
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

    @Test
    void shouldDeclareWhatEveryInputOfTheServedSchemaReveals() {
        assertThat(PolicyCoverage.undeclaredInputs(graphQlSource.schema())).isEmpty();
        assertThat(PolicyCoverage.unknownRevealedFields(graphQlSource.schema())).isEmpty();
    }

    @Test
    void shouldRefuseToStartWhileAnInputAQueryCanBeGivenDeclaresNothing() throws IOException {
        GraphQLSchema schema = schemaWithInputs("""
                type Query {
                  people(filter: PersonFilter, first: Int, code: String @reveals(fields: ["Person.code"])): [Person!] @policy(allow: [LAWYER])
                }
                type Mutation {
                  rename(input: RenameInput!, note: String): Person @policy(allow: [LAWYER])
                }
                type Person @policy(allow: [LAWYER]) {
                  code: String
                  name: String
                  friends(since: String, max: Int @revealsNothing): [Person!]
                }
                input PersonFilter {
                  name: String @reveals(fields: ["Person.name"])
                  forgotten: String
                  both: String @reveals(fields: ["Person.name"]) @revealsNothing
                  nested: NestedFilter
                }
                input NestedFilter {
                  deep: [String!]
                  again: PersonFilter
                }
                input RenameInput {
                  name: String
                }
                """);

        // a mutation's input writes values, and the mutation's own policy governs it
        assertThat(PolicyCoverage.undeclaredInputs(schema)).containsExactly("NestedFilter.deep", "Person.friends(since:)",
                "PersonFilter.both (both)", "PersonFilter.forgotten", "Query.people(first:)");
        assertThatThrownBy(() -> new PolicyCoverage(GraphQlSource.builder(schema).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PersonFilter.forgotten").hasMessageContaining("Query.people(first:)");
    }

    @Test
    void shouldRefuseToStartWhenAnInputRevealsAFieldThatDoesNotExist() throws IOException {
        GraphQLSchema schema = schemaWithInputs("""
                type Query {
                  people(code: String @reveals(fields: ["Person.code", "Person.nickname"]),
                         name: String @reveals(fields: ["Nobody.name"])): [Person!] @policy(allow: [LAWYER])
                }
                type Person @policy(allow: [LAWYER]) {
                  code: String
                }
                """);

        assertThat(PolicyCoverage.unknownRevealedFields(schema))
                .containsExactly("Query.people(code:) → Person.nickname", "Query.people(name:) → Nobody.name");
        assertThatThrownBy(() -> new PolicyCoverage(GraphQlSource.builder(schema).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Person.nickname");
    }

    @Test
    void shouldGiveAnInputTheStrictestPolicyOfTheFieldsItReveals() {
        FieldPolicy combined = FieldPolicy.strictestOf(java.util.List.of(
                new FieldPolicy(java.util.Set.of("COORDINATOR", "LAWYER", "ADMIN"), "INTERNAL"),
                new FieldPolicy(java.util.Set.of("LAWYER", "SELF"), "SPECIAL"),
                new FieldPolicy(java.util.Set.of("PUBLIC"), "PUBLIC")));

        assertThat(combined).isEqualTo(new FieldPolicy(java.util.Set.of("LAWYER"), "SPECIAL"));
    }

    private static GraphQLSchema schemaWithInputs(String types) throws IOException {
        String directive = Files.readString(Path.of("schema/policy.graphqls"));
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(directive + types),
                RuntimeWiring.MOCKED_WIRING);
    }

    private static FieldPolicy policy(GraphQLSchema schema, String type, String field) {
        GraphQLObjectType object = schema.getObjectType(type);
        return FieldPolicy.of(object, object.getFieldDefinition(field)).orElseThrow();
    }
}
