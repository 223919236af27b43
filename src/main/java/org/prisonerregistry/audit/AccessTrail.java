package org.prisonerregistry.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one GraphQL operation did with sensitive data, gathered field by field while it runs (on
 * whichever threads resolve its fields) and written to the audit log before the answer leaves:
 * the RESTRICTED and SPECIAL fields read and whose data they held, and each refused attempt.
 * Holds coordinates ({@code Type.field}) and persons, never a value.
 */
public final class AccessTrail {

    private final Accessor accessor;
    private final Set<String> fieldsRead = ConcurrentHashMap.newKeySet();
    private final Set<DataSubject> subjectsRead = ConcurrentHashMap.newKeySet();
    private final Set<DataSubject> othersSpecialData = ConcurrentHashMap.newKeySet();
    private final Map<AuditOutcome, Attempts> refused = new ConcurrentHashMap<>();
    /** The name of the operation executed, from the document; the request may not name it. */
    private volatile String executedOperationName;
    /** Whether the account's SPECIAL reads are suspended by an alert: asked once per operation, on its first SPECIAL field. */
    private volatile Boolean specialReadsSuspended;

    /**
     * Who asks and how: the fixed part of every event of the operation.
     *
     * @param subject       the token subject, or a placeholder for a caller without one
     * @param roles         the roles the request acts in
     * @param organisation  the token's organisation, or null
     * @param clientAddress the client's address, or null
     * @param operationName the operation name the client gave, or null
     * @param documentHash  hex SHA-256 of the GraphQL document, or null
     * @param purpose       the stated purpose, or null
     */
    public record Accessor(String subject, List<String> roles, String organisation, String clientAddress,
                           String operationName, String documentHash, String purpose) {
        public Accessor {
            roles = List.copyOf(roles);
        }
    }

    /** Refused attempts of one outcome: the fields asked for and the persons they were about, where known. */
    record Attempts(Set<String> fields, Set<DataSubject> subjects) {
        Attempts() {
            this(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        }
    }

    public AccessTrail(Accessor accessor) {
        this.accessor = accessor;
    }

    public Accessor accessor() {
        return accessor;
    }

    /** Notes the name of the operation that runs (null for an anonymous operation). */
    public void executedOperation(String name) {
        executedOperationName = name;
    }

    /** The operation's name: the one executed, else the one the request gave. */
    String operationName() {
        String executed = executedOperationName;
        return executed != null ? executed : accessor.operationName();
    }

    /**
     * A sensitive field was read from {@code source} (the parent object; the person is known when it
     * is a {@link PersonalRecord}). SPECIAL data of someone else than the reader counts toward the alert.
     */
    public void read(String coordinates, Object source, boolean special, boolean ownRecord) {
        fieldsRead.add(coordinates);
        if (source instanceof PersonalRecord record) {
            DataSubject person = record.dataSubject();
            subjectsRead.add(person);
            if (special && !ownRecord) {
                othersSpecialData.add(person);
            }
        }
    }

    /** An attempt on a field was refused with this outcome. */
    public void refused(AuditOutcome outcome, String coordinates, Object source) {
        Attempts attempts = refused.computeIfAbsent(outcome, o -> new Attempts());
        attempts.fields().add(coordinates);
        if (source instanceof PersonalRecord record) {
            attempts.subjects().add(record.dataSubject());
        }
    }

    Boolean specialReadsSuspended() {
        return specialReadsSuspended;
    }

    void specialReadsSuspended(boolean suspended) {
        specialReadsSuspended = suspended;
    }

    Set<String> fieldsRead() {
        return fieldsRead;
    }

    Set<DataSubject> subjectsRead() {
        return subjectsRead;
    }

    Set<DataSubject> othersSpecialData() {
        return othersSpecialData;
    }

    Map<AuditOutcome, Attempts> refusedAttempts() {
        return refused;
    }

    /** Whether the operation did anything the log must hold. */
    public boolean isEmpty() {
        return fieldsRead.isEmpty() && refused.isEmpty();
    }
}
