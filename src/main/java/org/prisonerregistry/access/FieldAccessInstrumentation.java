package org.prisonerregistry.access;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Enforces the schema's {@code @policy} on every field, in one place: before a field's data fetcher
 * runs, the caller's acting role must be admitted, and a SPECIAL field needs a stated purpose. A
 * refused field resolves to null with an UNAUTHORIZED (no role) or FORBIDDEN error; its fetcher never
 * runs, so no value is read. Row scoping is the services' job; this decides the columns.
 */
@Component
class FieldAccessInstrumentation extends SimplePerformantInstrumentation {

    /** Local context of values read by their owner (see {@link OwnedRecord}). */
    private static final Object OWNER_VERIFIED = new Object();

    private final Map<GraphQLFieldDefinition, FieldPolicy> policies = new ConcurrentHashMap<>();

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        GraphQLType parent = GraphQLTypeUtil.unwrapAll(parameters.getExecutionStepInfo().getParent().getType());
        if (field.getName().startsWith("__") || !(parent instanceof GraphQLObjectType type)
                || type.getName().startsWith("__")) {
            return dataFetcher; // introspection: whether it is allowed at all is decided at the door
        }
        FieldPolicy policy = policies.computeIfAbsent(field, f -> FieldPolicy.of(type, f)
                .orElseThrow(() -> new IllegalStateException("No policy for " + type.getName() + "." + f.getName())));
        if (policy.admitsEveryone()) {
            return dataFetcher;
        }
        return env -> {
            AccessContext access = env.getGraphQlContext().get(AccessContext.KEY);
            boolean self = policy.admitsSelf() && isSelf(access, env);
            Refusal refusal = self ? purposeRefusal(policy, access, type, field) : refusal(policy, access, type, field);
            if (refusal != null) {
                return refusal.asResult(env);
            }
            Object value = dataFetcher.get(env);
            return self ? markedAsSelf(value) : value;
        };
    }

    /**
     * Whether the caller is the person the source record is about: the record names them as its
     * owner, or it hangs below one that did (a defender's threats).
     */
    private static boolean isSelf(AccessContext access, DataFetchingEnvironment env) {
        if (access == null || access.caller().anonymous()) {
            return false;
        }
        if (env.getSource() instanceof OwnedRecord owned) {
            return owned.ownerSubject() != null && owned.ownerSubject().equals(access.caller().subject());
        }
        return env.getLocalContext() == OWNER_VERIFIED;
    }

    /** Passes "read by its owner" down to the fields below, which have no owner of their own to compare. */
    private static Object markedAsSelf(Object value) {
        if (value instanceof CompletionStage<?> stage) {
            return stage.thenApply(FieldAccessInstrumentation::markedAsSelf);
        }
        if (value instanceof DataFetcherResult<?> result) {
            return result.transform(b -> b.localContext(OWNER_VERIFIED));
        }
        return DataFetcherResult.newResult().data(value).localContext(OWNER_VERIFIED).build();
    }

    private static Refusal purposeRefusal(FieldPolicy policy, AccessContext access, GraphQLObjectType type,
                                          GraphQLFieldDefinition field) {
        if (policy.needsPurpose() && access.purpose() == null) {
            return new Refusal(ErrorType.FORBIDDEN, type.getName() + "." + field.getName()
                    + " holds SPECIAL data: state why you read it in the " + AccessContextInterceptor.PURPOSE_HEADER + " header");
        }
        return null;
    }

    /** Why the field is refused, or null when it is not. Messages name fields and roles, never values. */
    private static Refusal refusal(FieldPolicy policy, AccessContext access, GraphQLObjectType type,
                                   GraphQLFieldDefinition field) {
        String coordinates = type.getName() + "." + field.getName();
        if (access == null || !access.caller().hasAnyRole()) {
            return new Refusal(ErrorType.UNAUTHORIZED, coordinates + " needs a token with a role");
        }
        if (policy.admitsEveryRole()) {
            return purposeRefusal(policy, access, type, field); // the acting role makes no difference here
        }
        String role = access.actingRole();
        if (role == null) {
            return new Refusal(ErrorType.FORBIDDEN,
                    "Your token grants several roles: name the one this request acts in with the X-Acting-Role header");
        }
        if (!policy.admits(role)) {
            return new Refusal(ErrorType.FORBIDDEN, coordinates + " is not available to the role " + role);
        }
        return purposeRefusal(policy, access, type, field);
    }

    /** A refused field: null, with an error that says why. */
    private record Refusal(ErrorType type, String message) {
        DataFetcherResult<Object> asResult(DataFetchingEnvironment env) {
            return DataFetcherResult.newResult()
                    .error(GraphqlErrorBuilder.newError(env).errorType(type).message(message).build())
                    .build();
        }
    }
}
