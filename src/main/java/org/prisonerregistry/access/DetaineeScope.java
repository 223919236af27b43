package org.prisonerregistry.access;

import org.prisonerregistry.identity.Caller;
import org.prisonerregistry.identity.Role;

/**
 * The detainees whose rows a caller reaches: an ADMIN every row (and, by the
 * field policy, only INTERNAL fields of them); a COORDINATOR the caseload of their organisation; a
 * LAWYER the people they are actively assigned to; anyone else no row at all.
 *
 * @param everyone                 every row
 * @param caseloadOrganisationCode the organisation whose caseload is reached, or null
 * @param assignedLawyerSubject    the login subject of the lawyer whose assigned people are reached, or null
 */
public record DetaineeScope(boolean everyone, String caseloadOrganisationCode, String assignedLawyerSubject) {

    private static final DetaineeScope NONE = new DetaineeScope(false, null, null);

    public static DetaineeScope of(Caller caller) {
        if (caller.anonymous()) {
            return NONE;
        }
        if (caller.hasRole(Role.ADMIN)) {
            return new DetaineeScope(true, null, null);
        }
        String organisation = caller.hasRole(Role.COORDINATOR) ? caller.organisation() : null;
        String lawyer = caller.hasRole(Role.LAWYER) ? caller.subject() : null;
        return new DetaineeScope(false, organisation, lawyer);
    }

    public boolean reachesNothing() {
        return !everyone && caseloadOrganisationCode == null && assignedLawyerSubject == null;
    }
}
