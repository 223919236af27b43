package org.prisonerregistry.audit;

import static org.jooq.impl.DSL.noCondition;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.prisonerregistry.db.tables.records.AuditEventRecord;
import org.prisonerregistry.keys.SubjectKind;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Searches the audit log for the people who read it: newest first, by keyset on the sequence number.
 * Reads only; appending is {@link AuditLogRepository}'s job alone.
 */
@Repository
class AuditEventSearch {

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /**
     * Root fields about defenders that carry no {@code Defender.}/{@code Threat.} coordinates of their
     * own; {@code AuditEventSearchTests} checks that every root field returning a defender type is here.
     */
    static final List<String> DEFENDER_ROOT_FIELDS = List.of("Query.defender", "Query.defenders",
            "Mutation.createDefender", "Mutation.updateDefender", "Mutation.recordThreat", "Mutation.updateThreatFollowUp",
            "Query.accessAlerts", "Mutation.clearAccessAlert");

    private final DSLContext db;

    AuditEventSearch(DSLContext db) {
        this.db = db;
    }

    /** Up to {@code limit} events matching, with a sequence number below {@code beforeSeq} (null: from the newest). */
    List<AuditEventEntry> newestFirst(Condition matching, Long beforeSeq, int limit) {
        Condition before = beforeSeq == null ? noCondition() : AUDIT_EVENT.SEQ.lt(beforeSeq);
        return db.selectFrom(AUDIT_EVENT).where(matching).and(before).orderBy(AUDIT_EVENT.SEQ.desc()).limit(limit)
                .fetch(AuditEventSearch::toEntry);
    }

    static Condition matching(AuditEventFilter f, List<String> touchedSubjects) {
        Condition c = noCondition();
        if (f.subject() != null) {
            c = c.and(AUDIT_EVENT.SUBJECT.eq(f.subject()));
        }
        if (f.outcome() != null) {
            c = c.and(AUDIT_EVENT.OUTCOME.eq(f.outcome().name()));
        }
        if (f.from() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.lt(f.to()));
        }
        if (f.field() != null) {
            c = c.and(DSL.condition("{0} @> cast({1} as jsonb)", AUDIT_EVENT.FIELDS, json(List.of(f.field()))));
        }
        for (String touched : touchedSubjects) {
            c = c.and(touched(touched));
        }
        return c;
    }

    /** Events that touched this person (the keyed hash as the log holds it); the GIN index of V8 answers it. */
    static Condition touched(String touchedSubject) {
        return DSL.condition("{0} @> cast({1} as jsonb)", AUDIT_EVENT.TOUCHED_SUBJECTS, json(List.of(touchedSubject)));
    }

    /** What a protection officer may see: events that touched a defender, were about defender fields, or raised an alert. */
    static Condition aboutDefenders() {
        return DSL.condition("exists (select 1 from jsonb_array_elements_text({0}) t where t like {1})",
                        AUDIT_EVENT.TOUCHED_SUBJECTS, DSL.inline(AccessAuditor.prefix(SubjectKind.DEFENDER) + "%"))
                .or(AUDIT_EVENT.OUTCOME.eq(AuditOutcome.ALERT.name()))
                .or(DSL.condition("exists (select 1 from jsonb_array_elements_text({0}) f where f like 'Defender.%' "
                        + "or f like 'Threat.%' or f = any({1}))", AUDIT_EVENT.FIELDS,
                        DSL.val(DEFENDER_ROOT_FIELDS.toArray(String[]::new))));
    }

    private static String json(List<String> values) {
        return JSON_MAPPER.writeValueAsString(values);
    }

    private static AuditEventEntry toEntry(AuditEventRecord r) {
        AuditEvent event = new AuditEvent(r.getOccurredAt().toInstant(), r.getSubject(), strings(r.getRoles().data()),
                r.getOrganisation(), r.getClientAddress(), r.getOperationName(), r.getDocumentHash(),
                strings(r.getTouchedSubjects().data()), strings(r.getFields().data()), r.getPurpose(),
                AuditOutcome.valueOf(r.getOutcome()));
        return AuditEventEntry.of(r.getSeq(), event);
    }

    private static List<String> strings(String json) {
        return JSON_MAPPER.readValue(json, STRINGS);
    }
}
