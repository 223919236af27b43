package org.prisonerregistry.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling: the subject and organisation an access token names and the known roles it grants,
 * or an anonymous caller, who presented no token.
 *
 * @param subject      the token's {@code sub}; null for an anonymous caller
 * @param roles        the known roles the token grants; unknown role strings are not kept
 * @param organisation the organisation code from the token; null when it names none
 * @param anonymous    true when no token was presented
 */
public record Caller(String subject, Set<Role> roles, String organisation, boolean anonymous) {

    private static final Caller ANONYMOUS = new Caller(null, Set.of(), null, true);

    public Caller {
        // An unmodifiable EnumSet keeps the roles in declaration order, so answers list them stably.
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        if (anonymous && (subject != null || !roles.isEmpty() || organisation != null)) {
            throw new IllegalArgumentException("An anonymous caller has no subject, roles or organisation");
        }
        if (!anonymous && (subject == null || subject.isBlank())) {
            throw new IllegalArgumentException("An authenticated caller needs a subject");
        }
    }

    /** The caller of a request that carried no token (a record cannot also name this {@code anonymous()}). */
    public static Caller anonymousCaller() {
        return ANONYMOUS;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** False for anonymous callers and for valid tokens that grant no known role: both get only public data. */
    public boolean hasAnyRole() {
        return !roles.isEmpty();
    }
}
