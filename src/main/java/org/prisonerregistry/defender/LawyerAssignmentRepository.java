package org.prisonerregistry.defender;

import static org.prisonerregistry.db.Tables.CASE_LAWYER;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.prisonerregistry.db.tables.records.CaseLawyerRecord;
import org.springframework.stereotype.Repository;

@Repository
class LawyerAssignmentRepository {

    private final DSLContext db;

    LawyerAssignmentRepository(DSLContext db) {
        this.db = db;
    }

    /** The active assignment of this lawyer to this case, locked for the rest of the transaction. */
    Optional<LawyerAssignment> lockActive(UUID caseId, UUID defenderId) {
        return db.selectFrom(CASE_LAWYER)
                .where(CASE_LAWYER.CASE_ID.eq(caseId).and(CASE_LAWYER.DEFENDER_ID.eq(defenderId))
                        .and(CASE_LAWYER.UNASSIGNED_ON.isNull()))
                .forUpdate()
                .fetchOptional(LawyerAssignmentRepository::toAssignment);
    }

    Map<UUID, List<LawyerAssignment>> byCases(Collection<UUID> caseIds) {
        return db.selectFrom(CASE_LAWYER).where(CASE_LAWYER.CASE_ID.in(caseIds))
                .orderBy(CASE_LAWYER.ASSIGNED_ON, CASE_LAWYER.RECORDED_AT)
                .fetchGroups(CASE_LAWYER.CASE_ID, LawyerAssignmentRepository::toAssignment);
    }

    void insert(LawyerAssignment a) {
        db.insertInto(CASE_LAWYER)
                .set(CASE_LAWYER.ID, a.id())
                .set(CASE_LAWYER.CASE_ID, a.caseId())
                .set(CASE_LAWYER.DEFENDER_ID, a.defenderId())
                .set(CASE_LAWYER.ASSIGNED_ON, a.assignedOn())
                .set(CASE_LAWYER.RECORDED_AT, a.recordedAt())
                .execute();
    }

    void end(UUID id, LocalDate unassignedOn) {
        db.update(CASE_LAWYER).set(CASE_LAWYER.UNASSIGNED_ON, unassignedOn).where(CASE_LAWYER.ID.eq(id)).execute();
    }

    private static LawyerAssignment toAssignment(CaseLawyerRecord r) {
        return new LawyerAssignment(r.getId(), r.getCaseId(), r.getDefenderId(), r.getAssignedOn(),
                r.getUnassignedOn(), r.getRecordedAt());
    }
}
