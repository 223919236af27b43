package org.prisonerregistry.identity;

import java.util.Locale;
import java.util.Optional;

/** The roles an access token can grant; the schema's {@code @policy} on each field says what each may see. */
public enum Role {
    ANALYST,
    COORDINATOR,
    LAWYER,
    PROTECTION_OFFICER,
    AUDITOR,
    ADMIN;

    /**
     * The role a token's role string names, matched without regard to case ({@code lawyer} from a
     * Keycloak realm is LAWYER). Anything else, such as Keycloak's {@code offline_access}, names no role.
     */
    public static Optional<Role> named(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.name().equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
