package org.prisonerregistry.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shapes the answers of batched GraphQL fields: one value for every parent asked about, in order. */
public final class Batches {

    private Batches() {
    }

    /** A map from each parent to its value; a parent with nothing gets what {@code value} says, never a gap. */
    public static <K, V> Map<K, V> valueOfEach(List<K> parents, Function<K, V> value) {
        Map<K, V> result = new LinkedHashMap<>();
        parents.forEach(parent -> result.put(parent, value.apply(parent)));
        return result;
    }
}
