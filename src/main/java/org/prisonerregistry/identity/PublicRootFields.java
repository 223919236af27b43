package org.prisonerregistry.identity;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a GraphQL document asks only for the root fields a caller without a role may
 * have: {@code publicStats}, {@code __typename} and, when allowed, introspection. Fragments at the
 * root are followed, and aliases do not matter, only the fields they name.
 */
final class PublicRootFields {

    private static final Set<String> PUBLIC_QUERY_FIELDS = Set.of("publicStats", "__typename");
    private static final Set<String> INTROSPECTION_FIELDS = Set.of("__schema", "__type");
    private static final Set<String> PUBLIC_MUTATION_FIELDS = Set.of("__typename");

    private final Set<String> queryFields;

    PublicRootFields(boolean introspectionAllowed) {
        Set<String> fields = new HashSet<>(PUBLIC_QUERY_FIELDS);
        if (introspectionAllowed) {
            fields.addAll(INTROSPECTION_FIELDS);
        }
        this.queryFields = Set.copyOf(fields);
    }

    /**
     * True when the operation that {@code operationName} selects asks only for public root fields.
     * When the name selects no single operation, every operation in the document must be public, so
     * a mistake here can refuse a request but never let one through.
     */
    boolean onlyPublic(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        List<OperationDefinition> selected = operations.stream()
                .filter(operation -> operationName == null || Objects.equals(operationName, operation.getName()))
                .toList();
        List<OperationDefinition> toCheck = selected.size() == 1 ? selected : operations;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }
        return toCheck.stream().allMatch(operation -> onlyPublic(operation, fragments));
    }

    private boolean onlyPublic(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        Set<String> allowed = operation.getOperation() == OperationDefinition.Operation.QUERY
                ? queryFields : PUBLIC_MUTATION_FIELDS;
        Set<String> requested = new HashSet<>();
        if (!collectRootFields(operation.getSelectionSet(), fragments, new HashSet<>(), requested)) {
            return false;
        }
        return allowed.containsAll(requested);
    }

    /** Adds the names of the root fields to {@code requested}; false when a fragment cannot be resolved. */
    private static boolean collectRootFields(SelectionSet selectionSet, Map<String, FragmentDefinition> fragments,
                                             Set<String> visiting, Set<String> requested) {
        if (selectionSet == null) {
            return true;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            switch (selection) {
                case Field field -> requested.add(field.getName());
                case InlineFragment inline -> {
                    if (!collectRootFields(inline.getSelectionSet(), fragments, visiting, requested)) {
                        return false;
                    }
                }
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment == null || !visiting.add(spread.getName())) {
                        return false; // unknown or cyclic: GraphQL refuses it anyway, and so do we
                    }
                    boolean resolved = collectRootFields(fragment.getSelectionSet(), fragments, visiting, requested);
                    visiting.remove(spread.getName());
                    if (!resolved) {
                        return false;
                    }
                }
                default -> {
                    return false; // a selection kind this check does not know: refuse
                }
            }
        }
        return true;
    }
}
