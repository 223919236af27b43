package org.prisonerregistry.audit;

import graphql.execution.DataFetcherResult;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.prisonerregistry.crypto.AuditSubjectHash;
import org.prisonerregistry.identity.Caller;
import org.prisonerregistry.identity.RefusalLog;
import org.prisonerregistry.keys.SubjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit events of accesses before the access takes effect, and decides on alerts for
 * bulk SPECIAL reads.
 *
 * <ul>
 *   <li>A mutation's events are appended in the mutation's own transaction: no event, no change.</li>
 *   <li>An operation's reads and refusals are staged after it ran and before its answer leaves, in
 *       one statement ({@link AuditLogRepository#stageReadEvents}): if they cannot be written, the
 *       caller withholds the answer.</li>
 *   <li>Refusals before GraphQL (rejected tokens, the anonymous door) are written in their own
 *       transaction; the refusal stands either way.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(AccessAlertProperties.class)
public class AccessAuditor implements RefusalLog {

    /** The subject recorded for a request whose token was rejected: nothing in it can be trusted. */
    public static final String REJECTED_TOKEN_SUBJECT = "(rejected token)";
    /** The subject recorded for a caller without a token. */
    public static final String ANONYMOUS_SUBJECT = "(anonymous)";

    private static final Logger log = LoggerFactory.getLogger(AccessAuditor.class);
    /** How many persons' keyed hashes are kept at most. */
    private static final int NAMES_KEPT = 20_000;

    private final AuditLogRepository auditLog;
    private final AccessAlertRepository alerts;
    private final AccessAlertProperties alertSettings;
    private final AuditSubjectHash subjectHash;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /**
     * Persons named lately: a caseload's pages name the same fifty persons again and again, and each
     * event names all of them. Holds what the log itself holds, keyed hashes.
     */
    private final Map<DataSubject, String> recentlyNamed = new ConcurrentHashMap<>();

    AccessAuditor(AuditLogRepository auditLog, AccessAlertRepository alerts, AccessAlertProperties alertSettings,
                  AuditSubjectHash subjectHash, PlatformTransactionManager transactionManager) {
        this.auditLog = auditLog;
        this.alerts = alerts;
        this.alertSettings = alertSettings;
        this.subjectHash = subjectHash;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = Clock.systemUTC();
    }

    /** How the audit log names a person: their kind and a keyed hash, e.g. {@code defender:3f…}. */
    public String touchedSubject(DataSubject person) {
        String named = recentlyNamed.get(person);
        if (named == null) {
            if (recentlyNamed.size() >= NAMES_KEPT) {
                recentlyNamed.clear(); // a bound rather than an LRU: refilling costs one hash per person
            }
            named = prefix(person.kind()) + subjectHash.of(person.kind().name(), person.id());
            recentlyNamed.put(person, named);
        }
        return named;
    }

    static String prefix(SubjectKind kind) {
        return kind.name().toLowerCase(Locale.ROOT) + ":";
    }

    /**
     * Whether the account's SPECIAL reads are suspended by an open alert. Asked once per operation:
     * the answer is kept in the trail.
     */
    public boolean specialReadsSuspended(AccessTrail trail) {
        Boolean known = trail.specialReadsSuspended();
        if (known == null) {
            known = alerts.hasOpenAlert(trail.accessor().subject());
            trail.specialReadsSuspended(known);
        }
        return known;
    }

    /**
     * Runs a mutation in one transaction together with its event: the mutation field, and the person
     * the returned record is about. A result with errors is rolled back and gets no event here (the
     * refusal, if it was one, is recorded with the operation); a failed append rolls the change back.
     */
    public Object mutation(AccessTrail trail, String coordinates, Supplier<Object> mutation) {
        return transactions.execute(status -> {
            Object value = completed(mutation.get());
            if (value instanceof DataFetcherResult<?> result && result.hasErrors()) {
                status.setRollbackOnly();
                return value;
            }
            Object data = value instanceof DataFetcherResult<?> result ? result.getData() : value;
            List<DataSubject> touched = data instanceof PersonalRecord record ? List.of(record.dataSubject()) : List.of();
            auditLog.append(event(trail, AuditOutcome.ALLOWED, List.of(coordinates), touched));
            return value;
        });
    }

    /**
     * Writes what the operation read and what it was refused, in one statement, and counts its
     * SPECIAL reads of others toward the alert (in one transaction with the events). Throws when the
     * events cannot be written: the caller must then withhold the answer.
     *
     * @return whether the answer must be withheld because this operation raised (or met) an alert
     */
    public boolean recordOperation(AccessTrail trail) {
        if (trail.isEmpty()) {
            return false;
        }
        if (trail.othersSpecialData().isEmpty()) {
            // nothing to count toward an alert: the events are the only write, one round trip in all
            auditLog.stageReadEvents(operationEvents(trail, AuditOutcome.ALLOWED));
            return false;
        }
        Boolean withheld = transactions.execute(status -> {
            boolean overThreshold = overAlertThreshold(trail);
            // an answer withheld for an alert returned nothing: the event says so instead of ALLOWED
            auditLog.stageReadEvents(operationEvents(trail, overThreshold ? AuditOutcome.ALERT : AuditOutcome.ALLOWED));
            return overThreshold;
        });
        return Boolean.TRUE.equals(withheld);
    }

    /** One event per kind of refusal, then the reads' event with this outcome. */
    private List<AuditEvent> operationEvents(AccessTrail trail, AuditOutcome readOutcome) {
        List<AuditEvent> events = new ArrayList<>(trail.refusedAttempts().size() + 1);
        for (Map.Entry<AuditOutcome, AccessTrail.Attempts> refused : trail.refusedAttempts().entrySet()) {
            events.add(event(trail, refused.getKey(), refused.getValue().fields(), refused.getValue().subjects()));
        }
        if (!trail.fieldsRead().isEmpty()) {
            events.add(event(trail, readOutcome, trail.fieldsRead(), trail.subjectsRead()));
        }
        return events;
    }

    private boolean overAlertThreshold(AccessTrail trail) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> persons = trail.othersSpecialData().stream().map(this::touchedSubject).toList();
        int count = alerts.recordReadsAndCount(trail.accessor().subject(), persons, now, now.minus(alertSettings.window()));
        if (count <= alertSettings.distinctPersons()) {
            return false;
        }
        if (alerts.raise(trail.accessor().subject(), now, count, (int) alertSettings.window().toSeconds())) {
            log.warn("Audit: an account read SPECIAL data of {} persons within {}; its SPECIAL reads are suspended until a "
                    + "protection officer clears the alert", count, alertSettings.window());
        }
        return true;
    }

    @Override
    public void tokenRejected(String clientAddress) {
        recordRefusal(new AccessTrail.Accessor(REJECTED_TOKEN_SUBJECT, List.of(), null, clientAddress, null, null, null),
                AuditOutcome.TOKEN_REJECTED);
    }

    @Override
    public void requestRefused(Caller caller, String clientAddress) {
        AccessTrail.Accessor accessor = caller.anonymous()
                ? new AccessTrail.Accessor(ANONYMOUS_SUBJECT, List.of(), null, clientAddress, null, null, null)
                : new AccessTrail.Accessor(caller.subject(), caller.roles().stream().map(Enum::name).toList(),
                        caller.organisation(), clientAddress, null, null, null);
        recordRefusal(accessor, AuditOutcome.FORBIDDEN);
    }

    private void recordRefusal(AccessTrail.Accessor accessor, AuditOutcome outcome) {
        try {
            transactions.executeWithoutResult(status -> auditLog.append(event(new AccessTrail(accessor), outcome, List.of(), List.of())));
        } catch (RuntimeException e) {
            // the request is refused all the same; the failure itself is what the operator must see
            log.error("Audit: a refused request could not be recorded ({})", e.getClass().getSimpleName());
        }
    }

    private AuditEvent event(AccessTrail trail, AuditOutcome outcome, Collection<String> fields, Collection<DataSubject> persons) {
        AccessTrail.Accessor a = trail.accessor();
        List<String> touched = persons.stream().map(this::touchedSubject).sorted().toList();
        return new AuditEvent(Instant.now(clock), a.subject(), a.roles(), a.organisation(), a.clientAddress(),
                trail.operationName(), a.documentHash(), touched, fields.stream().sorted().toList(), a.purpose(), outcome);
    }

    /** The value of a fetcher that may answer with a stage: the mutation must be complete inside its transaction. */
    private static Object completed(Object value) {
        if (!(value instanceof CompletionStage<?> stage)) {
            return value;
        }
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

}
