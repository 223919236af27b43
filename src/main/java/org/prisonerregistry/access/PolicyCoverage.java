package org.prisonerregistry.access;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLSchemaElement;
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
 * Refuses to let the server start while any field of the schema lacks an access policy, or any input
 * a query can be given lacks a declaration of what it reveals, so a new field or filter cannot be
 * exposed by forgetting to decide who may use it. Every integration test starts the server, so such
 * a field or filter fails the build too.
 */
@Component
class PolicyCoverage {

    PolicyCoverage(GraphQlSource graphQlSource) {
        List<String> missing = fieldsWithoutPolicy(graphQlSource.schema());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("These schema fields have no @policy (on the field or its type): "
                    + String.join(", ", missing));
        }
        List<String> undeclared = undeclaredInputs(graphQlSource.schema());
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("These arguments and input fields select by a value but declare neither"
                    + " @reveals nor @revealsNothing: " + String.join(", ", undeclared));
        }
        List<String> unknown = unknownRevealedFields(graphQlSource.schema());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("These @reveals name no field with a policy: " + String.join(", ", unknown));
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
                            .map(policy -> !policy.admitsEveryone() || "Mutation".equals(object.getName())
                                    || !RevealingInputs.of(object, field).isEmpty())
                            .orElse(false);
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

    /**
     * Every argument of a field that a query reaches (any object type's but Mutation's; introspection
     * aside), and every field of an input type such an argument reaches, that carries a value of its
     * own (a scalar or enum, or a list of them) and declares neither {@code @reveals} nor
     * {@code @revealsNothing}, or both. An input object is covered by its fields. Mutation inputs
     * write values, and the mutation's own policy decides who may give them.
     */
    static List<String> undeclaredInputs(GraphQLSchema schema) {
        List<String> undeclared = new ArrayList<>();
        Deque<GraphQLInputObjectType> work = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")
                    && object != schema.getMutationType()) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    for (GraphQLArgument argument : field.getArguments()) {
                        check(object.getName() + "." + field.getName() + "(" + argument.getName() + ":)", argument,
                                argument.getType(), undeclared, work, seen);
                    }
                }
            }
        }
        while (!work.isEmpty()) {
            GraphQLInputObjectType input = work.poll();
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                check(input.getName() + "." + field.getName(), field, field.getType(), undeclared, work, seen);
            }
        }
        undeclared.sort(null);
        return undeclared;
    }

    private static void check(String coordinates, GraphQLDirectiveContainer input, GraphQLInputType type,
                              List<String> undeclared, Deque<GraphQLInputObjectType> work, Set<String> seen) {
        boolean reveals = input.hasAppliedDirective(RevealingInputs.REVEALS);
        boolean nothing = input.hasAppliedDirective(RevealingInputs.REVEALS_NOTHING);
        if (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType object) {
            if (seen.add(object.getName())) {
                work.add(object);
            }
            if (reveals && nothing) {
                undeclared.add(coordinates + " (both)");
            }
        } else if (reveals == nothing) {
            undeclared.add(coordinates + (reveals ? " (both)" : ""));
        }
    }

    /** Every {@code @reveals} anywhere in the schema that names something other than an output field with a policy. */
    static List<String> unknownRevealedFields(GraphQLSchema schema) {
        List<String> unknown = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    for (GraphQLArgument argument : field.getArguments()) {
                        unknownIn(schema, object.getName() + "." + field.getName() + "(" + argument.getName() + ":)",
                                argument, unknown);
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    unknownIn(schema, input.getName() + "." + field.getName(), field, unknown);
                }
            }
        }
        unknown.sort(null);
        return unknown;
    }

    private static void unknownIn(GraphQLSchema schema, String coordinates, GraphQLSchemaElement input, List<String> unknown) {
        RevealingInputs.revealed(input).ifPresent(fields -> {
            if (fields.isEmpty()) {
                unknown.add(coordinates + " (names no field)");
            }
            fields.stream().filter(name -> RevealingInputs.revealedPolicy(schema, name).isEmpty())
                    .forEach(name -> unknown.add(coordinates + " → " + name));
        });
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
