package org.prisonerregistry.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * An audit event as the API shows it ({@code AuditEvent}): the stored event with its sequence
 * number, as a string because the log may outgrow GraphQL's 32-bit Int.
 */
record AuditEventEntry(String sequence, OffsetDateTime occurredAt, String subject, List<String> roles, String organisation,
                       String clientAddress, String operationName, String documentHash, List<String> touchedSubjects,
                       List<String> fields, String purpose, AuditOutcome outcome) {

    static AuditEventEntry of(long seq, AuditEvent e) {
        return new AuditEventEntry(Long.toString(seq), e.occurredAt().atOffset(ZoneOffset.UTC), e.subject(), e.roles(),
                e.organisation(), e.clientAddress(), e.operationName(), e.documentHash(), e.touchedSubjects(), e.fields(),
                e.purpose(), e.outcome());
    }

    /** The same event as a defender sees it in their own access log: who, when, which fields, why, how it ended. */
    AccessLogEntry forDefender() {
        return new AccessLogEntry(occurredAt, subject, roles, organisation, fields, purpose, outcome);
    }

    record AccessLogEntry(OffsetDateTime occurredAt, String accessor, List<String> roles, String organisation,
                          List<String> fields, String purpose, AuditOutcome outcome) {}
}
