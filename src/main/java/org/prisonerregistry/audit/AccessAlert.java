package org.prisonerregistry.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An alert on bulk reads of SPECIAL data: while it is open, the account's SPECIAL reads are refused.
 *
 * @param account         the token subject of the account
 * @param distinctPersons how many different persons' SPECIAL data it read within the window
 * @param windowSeconds   the window the count covers
 * @param clearedAt       when a protection officer cleared it; null while open
 * @param clearedBy       the subject of that protection officer
 */
public record AccessAlert(UUID id, String account, OffsetDateTime raisedAt, int distinctPersons, int windowSeconds,
                          OffsetDateTime clearedAt, String clearedBy) {

    public boolean open() {
        return clearedAt == null;
    }
}
