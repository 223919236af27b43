package org.prisonerregistry.access;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.prisonerregistry.audit.AccessAuditor;
import org.prisonerregistry.audit.AccessTrail;
import org.prisonerregistry.audit.AuditOutcome;
import org.prisonerregistry.common.Connection;
import org.prisonerregistry.keys.Sealed;
import org.springframework.graphql.execution.ErrorType;

/**
 * One schema field behind its {@code @policy}: before the field's own fetcher runs, the caller's
 * acting role must be admitted, and a SPECIAL field needs a stated purpose. A refused field resolves
 * to null with an UNAUTHORIZED (no role) or FORBIDDEN error; its fetcher never runs, so no value is
 * read. Row scoping is the services' job; this decides the columns. An argument or input field that
 * selects by a value ({@link RevealingInputs}) is for the roles that may read the fields it reveals:
 * given a value by another role, it refuses the whole field the same way, before the fetcher runs.
 *
 * <p>It also keeps the operation's audit trail: every RESTRICTED or SPECIAL field admitted, with the
 * person its source record is about, every refusal with its outcome, and every root field answered
 * NOT_FOUND (out of scope) or FORBIDDEN by a service. A mutation field runs in one transaction with
 * its audit event, so a mutation whose event cannot be written does not happen. SPECIAL reads of an
 * account under an open alert are refused here.
 *
 * <p>One per field, its policy and coordinates settled once. Fields that read a property are policed
 * by a {@link PolicedProperty} installed in the schema; the others by {@link FieldAccessInstrumentation}.
 */
final class PolicedField {

    /** Local context of values read by their owner (see {@link OwnedRecord}). */
    private static final Object OWNER_VERIFIED = new Object();

    private final FieldPolicy policy;
    private final String coordinates;
    private final boolean mutation;
    private final boolean root;
    private final RevealingInputs inputs;
    private final AccessAuditor auditor;

    private PolicedField(FieldPolicy policy, String coordinates, boolean mutation, boolean root, RevealingInputs inputs,
                         AccessAuditor auditor) {
        this.policy = policy;
        this.coordinates = coordinates;
        this.mutation = mutation;
        this.root = root;
        this.inputs = inputs;
        this.auditor = auditor;
    }

    /**
     * The guard of {@code type.field}, or empty when the field is PUBLIC, no mutation and has no
     * input that selects by a value: nothing to check, nothing to record.
     *
     * @throws IllegalStateException when neither the field nor its type declares a policy: the
     *                               registry refuses to start with a field it cannot guard
     */
    static Optional<PolicedField> guarding(GraphQLObjectType type, GraphQLFieldDefinition field, AccessAuditor auditor) {
        FieldPolicy policy = FieldPolicy.of(type, field)
                .orElseThrow(() -> new IllegalStateException("No policy for " + type.getName() + "." + field.getName()));
        boolean mutation = "Mutation".equals(type.getName());
        RevealingInputs inputs = RevealingInputs.of(type, field);
        if (policy.admitsEveryone() && !mutation && inputs.isEmpty()) {
            return Optional.empty();
        }
        boolean root = mutation || "Query".equals(type.getName());
        return Optional.of(new PolicedField(policy, type.getName() + "." + field.getName(), mutation, root, inputs,
                auditor));
    }

    /** {@code delegate} behind this guard, for a request whose environment graphql-java builds anyway. */
    DataFetcher<Object> around(DataFetcher<?> delegate) {
        return env -> fetch(env.getGraphQlContext().get(AccessContext.KEY), env.getSource(), () -> env,
                () -> delegate.get(env));
    }

    /** The field's own fetcher, as the caller may or may not reach it. */
    interface Read {
        Object get() throws Exception;
    }

    /**
     * Decides on one fetch of the field and, when admitted, reads it through {@code read}. The
     * environment is asked for only to refuse, to see the values of inputs that select by one, or to
     * learn who reads a record below its owner's.
     */
    Object fetch(AccessContext access, Object source, Supplier<DataFetchingEnvironment> env, Read read)
            throws Exception {
        AccessTrail trail = access == null ? null : access.trail();
        boolean self = policy.admitsSelf() && isSelf(access, source, env);
        Refusal refusal = policy.admitsEveryone() ? null : self ? purposeRefusal(access) : refusal(access);
        if (refusal == null && policy.needsPurpose() && !self && trail != null && auditor.specialReadsSuspended(trail)) {
            refusal = suspended(coordinates, null);
        }
        List<RevealingInputs.Given> given = List.of();
        if (refusal == null && !inputs.isEmpty()) {
            // before the field's own fetcher runs, so a refused filter reads nothing at all
            DataFetchingEnvironment environment = env.get();
            given = inputs.given(environment.getArguments(), environment.getGraphQLSchema());
            for (int i = 0; i < given.size() && refusal == null; i++) {
                refusal = inputRefusal(access, trail, given.get(i));
            }
        }
        if (refusal != null) {
            if (trail != null) {
                trail.refused(refusal.outcome(), coordinates, source);
                if (refusal.refused() != null) { // the field is refused for its input: the log names both
                    trail.refused(refusal.outcome(), refusal.refused(), source);
                }
            }
            return refusal.asResult(env.get());
        }
        if (trail == null) {
            // only the interceptor's requests carry a trail; without one nothing could be accounted for
            return new Refusal(ErrorType.UNAUTHORIZED, coordinates + " needs a token with a role", AuditOutcome.FORBIDDEN,
                    null).asResult(env.get());
        }
        if (policy.isSensitive() && !mutation) { // a mutation has an event of its own, written with it
            trail.read(coordinates, source, policy.needsPurpose(), self);
        }
        Object value = mutation ? auditor.mutation(trail, coordinates, () -> unchecked(read)) : opened(read.get(), access);
        List<RevealingInputs.Given> sensitive = given.stream().filter(g -> g.policy().isSensitive()).toList();
        if (!sensitive.isEmpty()) {
            value = searchAudited(value, trail, sensitive);
        }
        if (root) {
            value = watchedForRefusals(value, trail);
        }
        return self ? markedAsSelf(value) : value;
    }

    /**
     * Why an input that selects by a value is refused, or null. Like a field's refusal, except that
     * SELF never admits: the filter is decided before any row, and so any owner, is known.
     */
    private Refusal inputRefusal(AccessContext access, AccessTrail trail, RevealingInputs.Given input) {
        FieldPolicy revealed = input.policy();
        if (revealed.admitsEveryone()) {
            return null;
        }
        String name = input.coordinates();
        if (access == null || !access.caller().hasAnyRole()) {
            return new Refusal(ErrorType.UNAUTHORIZED, name + " needs a token with a role", AuditOutcome.FORBIDDEN, name);
        }
        if (!revealed.admitsEveryRole()) {
            String role = access.actingRole();
            if (role == null) {
                return new Refusal(ErrorType.FORBIDDEN,
                        "Your token grants several roles: name the one this request acts in with the X-Acting-Role header",
                        AuditOutcome.FORBIDDEN, name);
            }
            if (!revealed.admits(role)) {
                return new Refusal(ErrorType.FORBIDDEN, name + " is not available to the role " + role + ": it selects by "
                        + String.join(" and ", input.revealed()), AuditOutcome.FORBIDDEN, name);
            }
        }
        if (revealed.needsPurpose() && access.purpose() == null) {
            return new Refusal(ErrorType.FORBIDDEN, name + " selects by SPECIAL data: state why you use it in the "
                    + AccessContextInterceptor.PURPOSE_HEADER + " header", AuditOutcome.MISSING_PURPOSE, name);
        }
        if (revealed.needsPurpose() && !policy.needsPurpose() && trail != null && auditor.specialReadsSuspended(trail)) {
            return suspended(name, name);
        }
        return null;
    }

    private static Refusal suspended(String coordinates, String input) {
        return new Refusal(ErrorType.FORBIDDEN, coordinates + " holds SPECIAL data, and the SPECIAL reads of your "
                + "account are suspended by an alert on bulk reads until a protection officer clears it",
                AuditOutcome.FORBIDDEN, input);
    }

    /**
     * A selection by a RESTRICTED or SPECIAL value discloses it even when the answer holds clear
     * fields only (whether a name is in a caseload is itself personal data): it is recorded as a read
     * of the input, with every person it found.
     */
    private static Object searchAudited(Object value, AccessTrail trail, List<RevealingInputs.Given> inputs) {
        if (value instanceof CompletionStage<?> stage) {
            return stage.thenApply(v -> searchAudited(v, trail, inputs));
        }
        Object data = value instanceof DataFetcherResult<?> result ? result.getData() : value;
        List<Object> found = new ArrayList<>();
        if (data instanceof Connection<?> page) {
            page.edges().forEach(edge -> found.add(edge.node()));
        } else if (data instanceof Iterable<?> records) {
            records.forEach(found::add);
        } else if (data != null) {
            found.add(data);
        }
        for (RevealingInputs.Given input : inputs) {
            trail.read(input.coordinates(), null, false, false);
            for (Object record : found) {
                trail.read(input.coordinates(), record, input.policy().needsPurpose(), false);
            }
        }
        return value;
    }

    /**
     * An encrypted property is handed up sealed and opened here, once this field is admitted, so that
     * nothing a query did not select, or the policy refuses, is ever decrypted.
     */
    private static Object opened(Object value, AccessContext access) {
        if (value instanceof CompletionStage<?> stage) {
            return stage.thenApply(v -> opened(v, access));
        }
        return value instanceof Sealed<?> sealed ? sealed.openFor(access.openedPages()) : value;
    }

    private static Object unchecked(Read read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("A data fetcher failed", e);
        }
    }

    /** A root field that a service refused (not in the caller's scope, or forbidden) goes into the trail with its outcome. */
    private Object watchedForRefusals(Object value, AccessTrail trail) {
        if (value instanceof CompletionStage<?> stage) {
            return stage.thenApply(v -> {
                noteRefusals(v, trail);
                return v;
            });
        }
        noteRefusals(value, trail);
        return value;
    }

    private void noteRefusals(Object value, AccessTrail trail) {
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
    private static boolean isSelf(AccessContext access, Object source, Supplier<DataFetchingEnvironment> env) {
        if (access == null || access.caller().anonymous()) {
            return false;
        }
        if (source instanceof OwnedRecord owned) {
            return owned.ownerSubject() != null && owned.ownerSubject().equals(access.caller().subject());
        }
        return env.get().getLocalContext() == OWNER_VERIFIED;
    }

    /** Passes "read by its owner" down to the fields below, which have no owner of their own to compare. */
    private static Object markedAsSelf(Object value) {
        if (value instanceof CompletionStage<?> stage) {
            return stage.thenApply(PolicedField::markedAsSelf);
        }
        if (value instanceof DataFetcherResult<?> result) {
            return result.transform(b -> b.localContext(OWNER_VERIFIED));
        }
        return DataFetcherResult.newResult().data(value).localContext(OWNER_VERIFIED).build();
    }

    private Refusal purposeRefusal(AccessContext access) {
        if (policy.needsPurpose() && access.purpose() == null) {
            return new Refusal(ErrorType.FORBIDDEN, coordinates
                    + " holds SPECIAL data: state why you read it in the " + AccessContextInterceptor.PURPOSE_HEADER + " header",
                    AuditOutcome.MISSING_PURPOSE, null);
        }
        return null;
    }

    /** Why the field is refused, or null when it is not. Messages name fields and roles, never values. */
    private Refusal refusal(AccessContext access) {
        if (access == null || !access.caller().hasAnyRole()) {
            return new Refusal(ErrorType.UNAUTHORIZED, coordinates + " needs a token with a role", AuditOutcome.FORBIDDEN,
                    null);
        }
        if (policy.admitsEveryRole()) {
            return purposeRefusal(access); // the acting role makes no difference here
        }
        String role = access.actingRole();
        if (role == null) {
            return new Refusal(ErrorType.FORBIDDEN,
                    "Your token grants several roles: name the one this request acts in with the X-Acting-Role header",
                    AuditOutcome.FORBIDDEN, null);
        }
        if (!policy.admits(role)) {
            return new Refusal(ErrorType.FORBIDDEN, coordinates + " is not available to the role " + role,
                    AuditOutcome.FORBIDDEN, null);
        }
        return purposeRefusal(access);
    }

    /**
     * A refused field: null, with an error that says why, and the outcome the audit log records for
     * the field, or for the input named in {@code refused}.
     */
    private record Refusal(ErrorType type, String message, AuditOutcome outcome, String refused) {
        DataFetcherResult<Object> asResult(DataFetchingEnvironment env) {
            return DataFetcherResult.newResult()
                    .error(GraphqlErrorBuilder.newError(env).errorType(type).message(message).build())
                    .build();
        }
    }

}
