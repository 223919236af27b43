package org.prisonerregistry.access;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The arguments and input fields of one schema field that select rows by a value, as the schema's
 * {@code @reveals} declares them, and which of them a request gives a value to. Selecting by a value
 * discloses the field it is compared with (who is charged under a provision, whose name is this),
 * so each such input is for the roles that may read the fields it names. Values come from the
 * coerced arguments, so inline values, variables and nested input objects are all seen alike.
 */
final class RevealingInputs {

    static final String REVEALS = "reveals";
    static final String REVEALS_NOTHING = "revealsNothing";

    private static final RevealingInputs NONE = new RevealingInputs("", List.of());

    /** One input that a request gave a value, with the policy that governs it. */
    record Given(String coordinates, List<String> revealed, FieldPolicy policy) {}

    private final String fieldCoordinates;
    private final List<GraphQLArgument> arguments;
    /** The combined policy of the fields an input names, resolved against the served schema on first use. */
    private final Map<String, FieldPolicy> policies = new ConcurrentHashMap<>();

    private RevealingInputs(String fieldCoordinates, List<GraphQLArgument> arguments) {
        this.fieldCoordinates = fieldCoordinates;
        this.arguments = arguments;
    }

    /** The inputs of {@code type.field}; empty when none of its arguments, however nested, declares {@code @reveals}. */
    static RevealingInputs of(GraphQLObjectType type, GraphQLFieldDefinition field) {
        boolean any = false;
        Set<String> visited = new HashSet<>();
        for (GraphQLArgument argument : field.getArguments()) {
            any |= revealed(argument).isPresent() || declaresBelow(argument.getType(), visited);
        }
        return any ? new RevealingInputs(type.getName() + "." + field.getName(), field.getArguments()) : NONE;
    }

    boolean isEmpty() {
        return arguments.isEmpty();
    }

    /** The declared inputs that {@code values} (the field's coerced arguments) give a value other than null, outermost first. */
    List<Given> given(Map<String, Object> values, GraphQLSchema schema) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (GraphQLArgument argument : arguments) {
            Object value = values.get(argument.getName());
            if (value != null) {
                revealed(argument).ifPresent(fields ->
                        found.putIfAbsent(fieldCoordinates + "(" + argument.getName() + ":)", fields));
                collect(argument.getType(), value, found);
            }
        }
        List<Given> given = new ArrayList<>(found.size());
        found.forEach((coordinates, revealed) -> given.add(new Given(coordinates, revealed,
                policies.computeIfAbsent(coordinates, c -> policyOf(schema, c, revealed)))));
        return given;
    }

    private static void collect(GraphQLInputType type, Object value, Map<String, List<String>> found) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list && value instanceof Iterable<?> elements) {
            for (Object element : elements) {
                if (element != null) {
                    collect((GraphQLInputType) list.getWrappedType(), element, found);
                }
            }
        } else if (unwrapped instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                Object fieldValue = fields.get(field.getName());
                if (fieldValue != null) {
                    revealed(field).ifPresent(names -> found.putIfAbsent(input.getName() + "." + field.getName(), names));
                    collect(field.getType(), fieldValue, found);
                }
            }
        }
    }

    /**
     * What an input must be allowed: the roles every named field admits, and the strictest data
     * class among them. SELF is left out, since the filter is decided before any row is read.
     */
    private static FieldPolicy policyOf(GraphQLSchema schema, String coordinates, List<String> revealed) {
        List<FieldPolicy> each = new ArrayList<>();
        for (String name : revealed) {
            each.add(revealedPolicy(schema, name).orElseThrow(() -> new IllegalStateException(
                    coordinates + " reveals " + name + ", which is no field with a policy")));
        }
        return FieldPolicy.strictestOf(each);
    }

    /** The policy of the output field {@code Type.field}, or empty when there is no such field. */
    static Optional<FieldPolicy> revealedPolicy(GraphQLSchema schema, String typeDotField) {
        int dot = typeDotField.indexOf('.');
        GraphQLObjectType type = dot < 0 ? null : schema.getObjectType(typeDotField.substring(0, dot));
        GraphQLFieldDefinition field = type == null ? null : type.getFieldDefinition(typeDotField.substring(dot + 1));
        return field == null ? Optional.empty() : FieldPolicy.of(type, field);
    }

    /** The fields an argument or input field declares it reveals, if it carries {@code @reveals}. */
    static Optional<List<String>> revealed(GraphQLSchemaElement input) {
        GraphQLAppliedDirective directive = input instanceof GraphQLArgument argument
                ? argument.getAppliedDirective(REVEALS)
                : ((GraphQLInputObjectField) input).getAppliedDirective(REVEALS);
        if (directive == null) {
            return Optional.empty();
        }
        List<?> fields = directive.getArgument("fields").getValue();
        return Optional.of(fields.stream().map(Object::toString).toList());
    }

    private static boolean declaresBelow(GraphQLInputType type, Set<String> visited) {
        if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType input) || !visited.add(input.getName())) {
            return false;
        }
        boolean any = false;
        for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
            any |= revealed(field).isPresent() || declaresBelow(field.getType(), visited);
        }
        return any;
    }
}
