package org.prisonerregistry.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One audited access, as it is written to the log: who, from where, what, why and how it ended.
 * It never holds a value of the data accessed; subjects are keyed hashes, not ids.
 *
 * @param occurredAt      when; kept to the microsecond, the precision PostgreSQL stores, so that
 *                        the event hashes the same after a round trip through the database
 * @param subject         the caller's subject (token {@code sub}), or a placeholder for a rejected token
 * @param roles           the roles acted under
 * @param organisation    the caller's organisation, if any
 * @param clientAddress   the client's network address, if known
 * @param operationName   the GraphQL operation name, if given
 * @param documentHash    hex SHA-256 of the GraphQL document, if any
 * @param touchedSubjects keyed hashes (HMAC) of the persons whose data was touched
 * @param fields          the sensitive fields read or changed ({@code Type.field})
 * @param purpose         the stated purpose, if any
 * @param outcome         how it ended
 */
public record AuditEvent(Instant occurredAt, String subject, List<String> roles, String organisation,
                         String clientAddress, String operationName, String documentHash,
                         List<String> touchedSubjects, List<String> fields, String purpose, AuditOutcome outcome) {

    public AuditEvent {
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(subject, "subject");
        roles = List.copyOf(roles);
        touchedSubjects = List.copyOf(touchedSubjects);
        fields = List.copyOf(fields);
        Objects.requireNonNull(outcome, "outcome");
    }
}
