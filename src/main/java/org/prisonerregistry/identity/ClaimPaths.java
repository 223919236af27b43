package org.prisonerregistry.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a token keeps the caller's roles and organisation. A name is first looked up as it stands,
 * so namespaced claims such as {@code https://example.org/roles} work; failing that a dotted name is
 * a path into nested objects, as Keycloak's {@code realm_access.roles}.
 */
record ClaimPaths(String roles, String organisation) {

    /** The known roles among the role strings; a single string may list several, split by spaces or commas. */
    Set<Role> rolesIn(Map<String, Object> claims) {
        Set<Role> found = EnumSet.noneOf(Role.class);
        Object value = find(claims, roles);
        Collection<?> values = value instanceof Collection<?> list ? list
                : value instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        for (Object each : values) {
            if (each instanceof String name) {
                Role.named(name).ifPresent(found::add);
            }
        }
        return found;
    }

    /** The organisation code: a string, or a list holding exactly one string; anything else names none. */
    Optional<String> organisationIn(Map<String, Object> claims) {
        Object value = find(claims, organisation);
        if (value instanceof Collection<?> list && list.size() == 1) {
            value = list.iterator().next();
        }
        return value instanceof String code && !code.isBlank() ? Optional.of(code.strip()) : Optional.empty();
    }

    static Object find(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String step : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(step);
        }
        return current;
    }

    /** Puts {@code value} at the dotted path {@code name}, creating the objects on the way. */
    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> claims, String name, Object value) {
        String[] steps = name.split("\\.");
        Map<String, Object> current = claims;
        for (int i = 0; i < steps.length - 1; i++) {
            current = (Map<String, Object>) current.computeIfAbsent(steps[i], key -> new LinkedHashMap<String, Object>());
        }
        current.put(steps[steps.length - 1], value);
    }
}
