package org.prisonerregistry.access;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access policy of one schema field, as the {@code @policy} directive on the field, or else on
 * its type, declares it. There is no default: a field without either has no policy at all.
 */
public record FieldPolicy(Set<String> allow, String dataClass) {

    static final String DIRECTIVE = "policy";

    /** The field's own policy, else its type's, else empty. */
    public static Optional<FieldPolicy> of(GraphQLObjectType type, GraphQLFieldDefinition field) {
        return read(field.getAppliedDirective(DIRECTIVE)).or(() -> read(type.getAppliedDirective(DIRECTIVE)));
    }

    public boolean admitsEveryone() {
        return allow.contains("PUBLIC");
    }

    public boolean admits(String role) {
        return admitsEveryone() || allow.contains(role);
    }

    private static final Set<String> EVERY_ROLE = Set.of("ANALYST", "COORDINATOR", "LAWYER", "PROTECTION_OFFICER",
            "AUDITOR", "ADMIN");

    /** Whether every role may use the field, so that a caller with several roles need not pick one. */
    public boolean admitsEveryRole() {
        return admitsEveryone() || allow.containsAll(EVERY_ROLE);
    }

    /** Whether the person a record is about may read this field of it, in any role. */
    public boolean admitsSelf() {
        return allow.contains("SELF");
    }

    /** RESTRICTED or SPECIAL: every read is audited. */
    public boolean isSensitive() {
        return "RESTRICTED".equals(dataClass) || "SPECIAL".equals(dataClass);
    }

    public boolean needsPurpose() {
        return "SPECIAL".equals(dataClass);
    }

    private static final List<String> CLASSES = List.of("PUBLIC", "INTERNAL", "RESTRICTED", "SPECIAL");

    /**
     * A policy that admits only what each of {@code policies} admits, of the strictest of their data
     * classes. SELF is dropped: it admits a record's owner, and this is for decisions taken before
     * any record is known.
     */
    static FieldPolicy strictestOf(List<FieldPolicy> policies) {
        Set<String> allow = null;
        String dataClass = "PUBLIC";
        for (FieldPolicy policy : policies) {
            Set<String> admitted = policy.admitsEveryone() ? EVERY_AUDIENCE : policy.allow();
            allow = allow == null ? new HashSet<>(admitted) : allow;
            allow.retainAll(admitted);
            if (CLASSES.indexOf(policy.dataClass()) > CLASSES.indexOf(dataClass)) {
                dataClass = policy.dataClass();
            }
        }
        if (allow == null) {
            throw new IllegalArgumentException("No policy to combine");
        }
        allow.remove("SELF");
        return new FieldPolicy(Set.copyOf(allow), dataClass);
    }

    private static final Set<String> EVERY_AUDIENCE = Set.of("PUBLIC", "ANALYST", "COORDINATOR", "LAWYER",
            "PROTECTION_OFFICER", "AUDITOR", "ADMIN");

    private static Optional<FieldPolicy> read(GraphQLAppliedDirective directive) {
        if (directive == null) {
            return Optional.empty();
        }
        List<?> allow = directive.getArgument("allow").getValue();
        Object dataClass = directive.getArgument("class").getValue();
        return Optional.of(new FieldPolicy(
                allow.stream().map(Object::toString).collect(Collectors.toUnmodifiableSet()),
                dataClass == null ? "INTERNAL" : dataClass.toString()));
    }
}
