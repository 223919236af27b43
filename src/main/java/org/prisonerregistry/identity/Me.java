package org.prisonerregistry.identity;

import java.util.List;

/**
 * What {@code me} answers: the caller's subject, roles and organisation from the token, and the rows
 * each role reaches, in the order of the roles.
 */
public record Me(String subject, List<Role> roles, String organisation, List<RowScope> scope) {

    static Me of(Caller caller) {
        List<Role> roles = List.copyOf(caller.roles()); // declaration order, as Caller keeps them
        return new Me(caller.subject(), roles, caller.organisation(), roles.stream().map(RowScope::of).toList());
    }
}
