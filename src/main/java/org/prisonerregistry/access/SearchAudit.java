package org.prisonerregistry.access;

import graphql.schema.DataFetchingEnvironment;
import java.util.Collection;

/**
 * A search over an encrypted field (an exact name, a national ID) discloses that field even when the
 * answer holds clear fields only: whether a name is in a caseload is itself personal data. The field
 * policy sees only the fields of the answer, so the controller of such a search records it here, in
 * the request's audit trail, as a read of the searched field with the persons it found; the operation's
 * audit event then names them like any read of that field.
 */
public final class SearchAudit {

    private SearchAudit() {
    }

    /** Records a search over {@code coordinates} (e.g. {@code DetaineeFilter.name}) that found {@code found}. */
    public static void searched(DataFetchingEnvironment env, String coordinates, Collection<?> found) {
        AccessContext access = env.getGraphQlContext().get(AccessContext.KEY);
        if (access == null) {
            // every request the policy admits carries a trail; a search it cannot account for is not answered
            throw new IllegalStateException("A search over " + coordinates + " outside an audited request");
        }
        access.trail().read(coordinates, null, false, false);
        for (Object record : found) {
            access.trail().read(coordinates, record, false, false);
        }
    }
}
