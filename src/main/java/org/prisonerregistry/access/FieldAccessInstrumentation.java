package org.prisonerregistry.access;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.prisonerregistry.audit.AccessAuditor;
import org.springframework.stereotype.Component;

/**
 * Enforces the schema's {@code @policy} on every field, in one place ({@link PolicedField}), at the
 * moment graphql-java fetches it:
 *
 * <ul>
 *   <li>a field that reads a property is already a {@link PolicedProperty} in the schema, and gets the
 *       request's access context here, so that graphql-java need not build it an environment;</li>
 *   <li>any other trivial fetcher is a PUBLIC property or introspection, which the schema wiring left
 *       unguarded on purpose;</li>
 *   <li>every other field (controllers, mutations) is wrapped here, outside Spring's own decoration,
 *       so that the guard sees its value as a future, as a mutation's transaction must.</li>
 * </ul>
 *
 * <p>It also names the operation in the request's audit trail.
 */
@Component
class FieldAccessInstrumentation extends SimplePerformantInstrumentation {

    private final Map<GraphQLFieldDefinition, Optional<PolicedField>> guards = new ConcurrentHashMap<>();
    private final AccessAuditor auditor;

    FieldAccessInstrumentation(AccessAuditor auditor) {
        this.auditor = auditor;
    }

    /** The operation's name as the document gives it, for the audit trail (the request need not repeat it). */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        AccessContext access = parameters.getExecutionContext().getGraphQLContext().get(AccessContext.KEY);
        if (access != null) {
            String name = parameters.getExecutionContext().getOperationDefinition().getName();
            access.trail().executedOperation(name == null || name.length() <= 255 ? name : name.substring(0, 255));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (dataFetcher instanceof PolicedProperty property) {
            return property.boundTo(parameters.getExecutionContext().getGraphQLContext().get(AccessContext.KEY));
        }
        if (parameters.isTrivialDataFetcher()) {
            // asking for the field would make graphql-java build the environment a property read does without
            return dataFetcher;
        }
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        if (!(GraphQLTypeUtil.unwrapAll(parameters.getExecutionStepInfo().getParent().getType()) instanceof GraphQLObjectType type)
                || type.getName().startsWith("__") || field.getName().startsWith("__")) {
            return dataFetcher; // introspection: whether it is allowed at all is decided at the door
        }
        return guards.computeIfAbsent(field, f -> PolicedField.guarding(type, f, auditor))
                .<DataFetcher<?>>map(guard -> guard.around(dataFetcher))
                .orElse(dataFetcher);
    }
}
