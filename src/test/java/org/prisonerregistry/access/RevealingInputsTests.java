package org.prisonerregistry.access;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which declared inputs a request gives a value, however deep in its input objects, and what each must be allowed. */
class RevealingInputsTests {

    @Test
    void shouldFindEveryDeclaredInputGivenAValueInNestedObjectsAndListsButNotThoseLeftOutOrNull() throws IOException {
        GraphQLSchema schema = schema();
        GraphQLObjectType query = schema.getQueryType();
        RevealingInputs inputs = RevealingInputs.of(query, query.getFieldDefinition("people"));
        Map<String, Object> outer = new HashMap<>();
        outer.put("name", null); // given as null: no condition, nothing revealed
        outer.put("nested", Map.of("deep", List.of("x"), "any", List.of(Map.of("code", "y"))));

        List<RevealingInputs.Given> given = inputs.given(Map.of("filter", outer, "first", 5), schema);

        assertThat(given).extracting(RevealingInputs.Given::coordinates)
                .containsExactly("NestedFilter.deep", "AnyOf.code");
        assertThat(given.getFirst().policy()).isEqualTo(new FieldPolicy(Set.of("LAWYER"), "SPECIAL"));
        assertThat(given.get(1).policy()).isEqualTo(new FieldPolicy(Set.of("COORDINATOR", "LAWYER"), "INTERNAL"));
        assertThat(inputs.given(Map.of("code", "z"), schema)).extracting(RevealingInputs.Given::coordinates)
                .containsExactly("Query.people(code:)");
        assertThat(inputs.given(Map.of(), schema)).isEmpty();
    }

    @Test
    void shouldHaveNothingToCheckForAFieldWhoseInputsRevealNothing() throws IOException {
        GraphQLObjectType query = schema().getQueryType();
        assertThat(RevealingInputs.of(query, query.getFieldDefinition("page")).isEmpty()).isTrue();
    }

    private static GraphQLSchema schema() throws IOException {
        String directive = Files.readString(Path.of("schema/policy.graphqls"));
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(directive + """
                type Query {
                  people(filter: PersonFilter, first: Int @revealsNothing,
                         code: String @reveals(fields: ["Person.code"])): [Person!] @policy(allow: [COORDINATOR, LAWYER])
                  page(first: Int @revealsNothing): [Person!] @policy(allow: [COORDINATOR, LAWYER])
                }
                type Person @policy(allow: [COORDINATOR, LAWYER]) {
                  code: String
                  name: String @policy(allow: [COORDINATOR, LAWYER], class: RESTRICTED)
                  health: String @policy(allow: [LAWYER, SELF], class: SPECIAL)
                }
                input PersonFilter {
                  name: String @reveals(fields: ["Person.name"])
                  nested: NestedFilter
                }
                input NestedFilter {
                  deep: [String!] @reveals(fields: ["Person.name", "Person.health"])
                  any: [AnyOf!]
                }
                input AnyOf {
                  code: String @reveals(fields: ["Person.code"])
                }
                """), RuntimeWiring.MOCKED_WIRING);
    }
}
