package org.prisonerregistry.access;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import org.prisonerregistry.identity.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * The schema's {@code @policy} for services that must decide by it outside field resolution: a
 * search over an encrypted field, for example, is for the roles that may read the field, or its
 * answers would reveal what the field refuses. Reads the one policy the schema declares, so the two
 * cannot drift apart.
 */
@Component
public class FieldReadPolicy {

    // The schema is built from the controllers, which need the services that need this: look it up late.
    private final ObjectProvider<GraphQlSource> graphQlSource;

    FieldReadPolicy(ObjectProvider<GraphQlSource> graphQlSource) {
        this.graphQlSource = graphQlSource;
    }

    /** Whether the caller's acting role may read {@code typeName.fieldName}; false without exactly one role. */
    public boolean admits(Caller caller, String typeName, String fieldName) {
        if (caller.roles().size() != 1) {
            return false;
        }
        GraphQLObjectType type = graphQlSource.getObject().schema().getObjectType(typeName);
        GraphQLFieldDefinition field = type == null ? null : type.getFieldDefinition(fieldName);
        if (field == null) {
            throw new IllegalArgumentException("The schema has no field " + typeName + "." + fieldName);
        }
        return FieldPolicy.of(type, field).map(policy -> policy.admits(caller.roles().iterator().next().name()))
                .orElse(false);
    }
}
