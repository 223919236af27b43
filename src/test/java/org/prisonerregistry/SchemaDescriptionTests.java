package org.prisonerregistry;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/** The schema is the API's documentation: every type, field, input field and enum value says what it is. */
@RegistryIntegrationTest
class SchemaDescriptionTests {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void shouldDescribeEveryTypeFieldInputFieldAndEnumValue() {
        GraphQLSchema schema = graphQlSource.schema();
        List<String> undescribed = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__") || isBuiltInScalar(type)) {
                continue;
            }
            if (blank(type.getDescription())) {
                undescribed.add(type.getName());
            }
            if (type instanceof GraphQLFieldsContainer container) {
                container.getFieldDefinitions().stream().filter(f -> blank(f.getDescription()))
                        .forEach(f -> undescribed.add(type.getName() + "." + f.getName()));
            }
            if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().stream().filter(f -> blank(f.getDescription()))
                        .forEach(f -> undescribed.add(type.getName() + "." + f.getName()));
            }
            if (type instanceof GraphQLEnumType enumType) {
                enumType.getValues().stream().filter(v -> blank(v.getDescription()))
                        .forEach(v -> undescribed.add(type.getName() + "." + v.getName()));
            }
        }
        assertThat(undescribed).as("schema elements without a description").isEmpty();
    }

    private static boolean isBuiltInScalar(GraphQLNamedType type) {
        return type instanceof GraphQLScalarType && List.of("String", "Int", "Float", "Boolean", "ID").contains(type.getName());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
