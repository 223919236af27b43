package org.prisonerregistry.common;

import java.util.List;

/**
 * A Relay connection page. {@code totalCount} is resolved separately, only when asked for, from the
 * {@code query} that produced the page.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Object query) {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    /** Builds a page from up to {@code size + 1} rows read in key order: the extra row proves a next page. */
    public static <T> Connection<T> fromRows(List<T> rows, int size, boolean hasPrevious,
                                             java.util.function.Function<T, String> cursorOf, Object query) {
        boolean hasNext = rows.size() > size;
        List<T> page = hasNext ? rows.subList(0, size) : rows;
        List<Edge<T>> edges = page.stream().map(row -> new Edge<>(cursorOf.apply(row), row)).toList();
        PageInfo info = new PageInfo(hasNext, hasPrevious,
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, info, query);
    }
}
