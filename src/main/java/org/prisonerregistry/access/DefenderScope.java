package org.prisonerregistry.access;

import org.prisonerregistry.identity.Caller;
import org.prisonerregistry.identity.Role;

/**
 * The defenders whose records a caller reaches: a PROTECTION_OFFICER every one, a LAWYER their own
 * record (the defender whose login subject is the token's subject), anyone else none.
 *
 * @param everyone    every defender
 * @param ownSubject  the login subject of the one defender reached, or null
 */
public record DefenderScope(boolean everyone, String ownSubject) {

    public static DefenderScope of(Caller caller) {
        if (caller.anonymous()) {
            return new DefenderScope(false, null);
        }
        if (caller.hasRole(Role.PROTECTION_OFFICER)) {
            return new DefenderScope(true, null);
        }
        return new DefenderScope(false, caller.hasRole(Role.LAWYER) ? caller.subject() : null);
    }
}
