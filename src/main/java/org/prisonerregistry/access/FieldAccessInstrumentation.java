package org.prisonerregistry.access;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
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
import org.prisonerregistry.audit.AccessAuditor;
import org.prisonerregistry.audit.AccessTrail;
import org.prisonerregistry.audit.AuditOutcome;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Enforces the schema's {@code @policy} on every field, in one place: before a field's data fetcher
 * runs, the caller's acting role must be admitted, and a SPECIAL field needs a stated purpose. A
 * refused field resolves to null with an UNAUTHORIZED (no role) or FORBIDDEN error; its fetcher never
 * runs, so no value is read. Row scoping is the services' job; this decides the columns.
 *
 * <p>It also keeps the operation's audit trail: every RESTRICTED or SPECIAL field admitted, with the
 * person its source record is about, every refusal with its outcome, and every root field answered
 * NOT_FOUND (out of scope) or FORBIDDEN by a service. A mutation field runs in one transaction with
 * its audit event, so a mutation whose event cannot be written does not happen. SPECIAL reads of an
 * account under an open alert are refused here.
 */
@Component
class FieldAccessInstrumentation extends SimplePerformantInstrumentation {

    /** Local context of values read by their owner (see {@link OwnedRecord}). */
    private static final Object OWNER_VERIFIED = new Object();

    private final Map<GraphQLFieldDefinition, FieldPolicy> policies = new ConcurrentHashMap<>();
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
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        GraphQLType parent = GraphQLTypeUtil.unwrapAll(parameters.getExecutionStepInfo().getParent().getType());
        if (field.getName().startsWith("__") || !(parent instanceof GraphQLObjectType type)
                || type.getName().startsWith("__")) {
            return dataFetcher; // introspection: whether it is allowed at all is decided at the door
        }
        FieldPolicy policy = policies.computeIfAbsent(field, f -> FieldPolicy.of(type, f)
                .orElseThrow(() -> new IllegalStateException("No policy for " + type.getName() + "." + f.getName())));
        boolean mutation = "Mutation".equals(type.getName());
        if (policy.admitsEveryone() && !mutation) {
            return dataFetcher;
        }
        String coordinates = type.getName() + "." + field.getName();
        boolean root = mutation || "Query".equals(type.getName());
        return env -> {
            AccessContext access = env.getGraphQlContext().get(AccessContext.KEY);
            AccessTrail trail = access == null ? null : access.trail();
            boolean self = policy.admitsSelf() && isSelf(access, env);
            Refusal refusal = policy.admitsEveryone() ? null
                    : self ? purposeRefusal(policy, access, coordinates) : refusal(policy, access, coordinates);
            if (refusal == null && policy.needsPurpose() && !self && trail != null && auditor.specialReadsSuspended(trail)) {
                refusal = new Refusal(ErrorType.FORBIDDEN, coordinates + " holds SPECIAL data, and the SPECIAL reads of your "
                        + "account are suspended by an alert on bulk reads until a protection officer clears it",
                        AuditOutcome.FORBIDDEN);
            }
            if (refusal != null) {
                if (trail != null) {
                    trail.refused(refusal.outcome(), coordinates, env.getSource());
                }
                return refusal.asResult(env);
            }
            if (trail == null) {
                // only the interceptor's requests carry a trail; without one nothing could be accounted for
                return new Refusal(ErrorType.UNAUTHORIZED, coordinates + " needs a token with a role", AuditOutcome.FORBIDDEN)
                        .asResult(env);
            }
            if (policy.isSensitive() && !mutation) { // a mutation has an event of its own, written with it
                trail.read(coordinates, env.getSource(), policy.needsPurpose(), self);
            }
            Object value = mutation ? auditor.mutation(trail, coordinates, () -> fetch(dataFetcher, env)) : dataFetcher.get(env);
            if (root) {
                value = watchedForRefusals(value, trail, coordinates);
            }
            return self ? markedAsSelf(value) : value;
        };
    }

    private static Object fetch(DataFetcher<?> dataFetcher, DataFetchingEnvironment env) {
        try {
            return dataFetcher.get(env);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("A data fetcher failed", e);
        }
    }

    /** A root field that a service refused (not in the caller's scope, or forbidden) goes into the trail with its outcome. */
    private static Object watchedForRefusals(Object value, AccessTrail trail, String coordinates) {
        if (value instanceof CompletionStage<?> stage) {
            return stage.thenApply(v -> {
                noteRefusals(v, trail, coordinates);
                return v;
            });
        }
        noteRefusals(value, trail, coordinates);
        return value;
    }

    private static void noteRefusals(Object value, AccessTrail trail, String coordinates) {
        if (value instanceof DataFetcherResult<?> result && result.hasErrors()) {
            for (GraphQLError error : result.getErrors()) {
                if (error.getErrorType() == ErrorType.NOT_FOUND) {
                    trail.refused(AuditOutcome.OUT_OF_SCOPE, coordinates, null);
                } else if (error.getErrorType() == ErrorType.FORBIDDEN) {
                    trail.refused(AuditOutcome.FORBIDDEN, coordinates, null);
                }
            }
        }
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

    private static Refusal purposeRefusal(FieldPolicy policy, AccessContext access, String coordinates) {
        if (policy.needsPurpose() && access.purpose() == null) {
            return new Refusal(ErrorType.FORBIDDEN, coordinates
                    + " holds SPECIAL data: state why you read it in the " + AccessContextInterceptor.PURPOSE_HEADER + " header",
                    AuditOutcome.MISSING_PURPOSE);
        }
        return null;
    }

    /** Why the field is refused, or null when it is not. Messages name fields and roles, never values. */
    private static Refusal refusal(FieldPolicy policy, AccessContext access, String coordinates) {
        if (access == null || !access.caller().hasAnyRole()) {
            return new Refusal(ErrorType.UNAUTHORIZED, coordinates + " needs a token with a role", AuditOutcome.FORBIDDEN);
        }
        if (policy.admitsEveryRole()) {
            return purposeRefusal(policy, access, coordinates); // the acting role makes no difference here
        }
        String role = access.actingRole();
        if (role == null) {
            return new Refusal(ErrorType.FORBIDDEN,
                    "Your token grants several roles: name the one this request acts in with the X-Acting-Role header",
                    AuditOutcome.FORBIDDEN);
        }
        if (!policy.admits(role)) {
            return new Refusal(ErrorType.FORBIDDEN, coordinates + " is not available to the role " + role, AuditOutcome.FORBIDDEN);
        }
        return purposeRefusal(policy, access, coordinates);
    }

    /** A refused field: null, with an error that says why, and the outcome the audit log records. */
    private record Refusal(ErrorType type, String message, AuditOutcome outcome) {
        DataFetcherResult<Object> asResult(DataFetchingEnvironment env) {
            return DataFetcherResult.newResult()
                    .error(GraphqlErrorBuilder.newError(env).errorType(type).message(message).build())
                    .build();
        }
    }
}
