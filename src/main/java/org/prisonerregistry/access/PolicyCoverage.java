package org.prisonerregistry.access;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
        List<String> nonNull = refusableNonNullFields(graphQlSource.schema());
        if (!nonNull.isEmpty()) {
            throw new IllegalStateException("These fields can be refused to a role that reaches their parent, so they"
                    + " must be nullable (a refused non-null field would blank its parent): " + String.join(", ", nonNull));
        }
        List<String> unguarded = unguardedProperties(graphQlSource.schema());
        if (!unguarded.isEmpty()) {
            // the field policy lets trivial fetchers pass, trusting the schema wiring to have guarded them
            throw new IllegalStateException("These guarded fields are read as plain properties, without their guard: "
                    + String.join(", ", unguarded));
        }
    }

    /**
     * Fields with something to guard whose fetcher reads a property but is no {@link PolicedProperty}:
     * the schema was built without {@link PolicedFieldWiring}, and they would be read unchecked.
     */
    static List<String> unguardedProperties(GraphQLSchema schema) {
        List<String> unguarded = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    boolean guarded = FieldPolicy.of(object, field)
                            .map(policy -> !policy.admitsEveryone() || "Mutation".equals(object.getName())).orElse(false);
                    DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(object, field);
                    if (guarded && fetcher instanceof TrivialDataFetcher<?> && !(fetcher instanceof PolicedProperty)) {
                        unguarded.add(object.getName() + "." + field.getName());
                    }
                }
            }
        }
        return unguarded;
    }

    /**
     * Fields declared non-null although some role that reaches their object may not read them. A
     * refused field resolves to null; were it non-null, GraphQL would null the whole parent object and
     * hide the fields that role may read. Which roles reach which type is worked out from the root.
     */
    static List<String> refusableNonNullFields(GraphQLSchema schema) {
        Map<String, Set<String>> reachedBy = new HashMap<>();
        Set<String> everyone = new HashSet<>(List.of("PUBLIC", "ANALYST", "COORDINATOR", "LAWYER",
                "PROTECTION_OFFICER", "AUDITOR", "ADMIN"));
        Deque<GraphQLObjectType> work = new ArrayDeque<>();
        for (GraphQLObjectType root : new GraphQLObjectType[] {schema.getQueryType(), schema.getMutationType()}) {
            if (root != null) {
                reachedBy.put(root.getName(), everyone);
                work.add(root);
            }
        }
        while (!work.isEmpty()) {
            GraphQLObjectType type = work.poll();
            Set<String> reaching = reachedBy.get(type.getName());
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (!(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType child)) {
                    continue;
                }
                Set<String> through = admitted(reaching, FieldPolicy.of(type, field).orElseThrow());
                Set<String> known = reachedBy.computeIfAbsent(child.getName(), name -> new HashSet<>());
                if (known.addAll(through)) {
                    work.add(child);
                }
            }
        }
        List<String> refusable = new ArrayList<>();
        reachedBy.forEach((name, reaching) -> {
            GraphQLObjectType type = schema.getObjectType(name);
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                FieldPolicy policy = FieldPolicy.of(type, field).orElseThrow();
                if (GraphQLTypeUtil.isNonNull(field.getType()) && !admitted(reaching, policy).containsAll(reaching)) {
                    refusable.add(name + "." + field.getName());
                }
            }
        });
        refusable.sort(null);
        return refusable;
    }

    /**
     * The reaching audiences that the policy admits (PUBLIC admits all of them). SELF stands for the
     * record's owner, whoever reaches it: a field admitting only SELF can still be refused to the
     * roles that reach it, so it never counts as admitting them.
     */
    private static Set<String> admitted(Set<String> reaching, FieldPolicy policy) {
        if (policy.admitsEveryone()) {
            return reaching;
        }
        Set<String> admitted = new HashSet<>(reaching);
        admitted.retainAll(policy.allow());
        if (policy.admitsSelf()) {
            admitted.add("SELF");
        }
        return admitted;
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
