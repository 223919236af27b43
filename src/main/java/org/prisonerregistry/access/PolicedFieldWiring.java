package org.prisonerregistry.access;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import java.util.Optional;
import org.prisonerregistry.audit.AccessAuditor;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Puts the guarded fields that read a property behind a {@link PolicedProperty} when the schema is
 * built ({@link PolicyCoverage} refuses to start if one was missed). The other guarded fields (controllers, mutations) stay as Spring wires
 * them, its context propagation included, and {@link FieldAccessInstrumentation} polices them
 * around all that. Introspection is left alone; whether it is allowed at all is decided at the door.
 */
@Component
class PolicedFieldWiring implements GraphQlSourceBuilderCustomizer {

    private final AccessAuditor auditor;

    PolicedFieldWiring(AccessAuditor auditor) {
        this.auditor = auditor;
    }

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                                TraverserContext<GraphQLSchemaElement> context) {
                // a field without a policy is PolicyCoverage's to report, with all the others lacking one
                if (context.getParentNode() instanceof GraphQLObjectType type && !type.getName().startsWith("__")
                        && !field.getName().startsWith("__") && FieldPolicy.of(type, field).isPresent()) {
                    GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                    DataFetcher<?> own = registry.getDataFetcher(coordinates, field);
                    Optional<PolicedField> guard = PolicedField.guarding(type, field, auditor);
                    if (guard.isPresent() && own instanceof TrivialDataFetcher<?> && !(own instanceof PolicedProperty)) {
                        registry.dataFetcher(coordinates, new PolicedProperty(guard.get(), own));
                    }
                }
                return TraversalControl.CONTINUE;
            }
        }));
    }
}
