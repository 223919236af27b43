package org.prisonerregistry.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Which audit events to list ({@code AuditEventFilter} in the API); null conditions do not filter. */
record AuditEventFilter(String subject, AuditOutcome outcome, OffsetDateTime from, OffsetDateTime to, String field,
                        UUID detaineeId, UUID defenderId) {

    static final AuditEventFilter NONE = new AuditEventFilter(null, null, null, null, null, null, null);
}
