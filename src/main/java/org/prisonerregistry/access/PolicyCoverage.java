package org.prisonerregistry.access;

import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Refuses to let the server start while any field of the schema lacks an access policy, so a new
 * field cannot be exposed by forgetting to decide who may see it. Every integration test starts
 * the server, so such a field fails the build too.
 */
@Component
class PolicyCoverage {

    PolicyCoverage(GraphQlSource graphQlSource) {
        List<String> missing = fieldsWithoutPolicy(graphQlSource.schema());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("These schema fields have no @policy (on the field or its type): "
                    + String.join(", ", missing));
        }
    }

    /** Every {@code Type.field} of an object type (introspection aside) with no policy of its own or its type's. */
    static List<String> fieldsWithoutPolicy(GraphQLSchema schema) {
        List<String> missing = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                object.getFieldDefinitions().stream()
                        .filter(field -> FieldPolicy.of(object, field).isEmpty())
                        .forEach(field -> missing.add(object.getName() + "." + field.getName()));
            }
        }
        return missing;
    }
}
