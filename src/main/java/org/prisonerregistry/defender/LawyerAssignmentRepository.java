package org.prisonerregistry.defender;

import static org.prisonerregistry.db.Tables.LAWYER_ASSIGNMENT;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.prisonerregistry.db.tables.records.LawyerAssignmentRecord;
import org.springframework.stereotype.Repository;

@Repository
class LawyerAssignmentRepository {

    private final DSLContext db;

    LawyerAssignmentRepository(DSLContext db) {
        this.db = db;
    }

    /** The active assignment of this lawyer to this detainee, locked for the rest of the transaction. */
    Optional<LawyerAssignment> lockActive(UUID detaineeId, UUID defenderId) {
        return db.selectFrom(LAWYER_ASSIGNMENT)
                .where(LAWYER_ASSIGNMENT.DETAINEE_ID.eq(detaineeId).and(LAWYER_ASSIGNMENT.DEFENDER_ID.eq(defenderId))
                        .and(LAWYER_ASSIGNMENT.UNASSIGNED_ON.isNull()))
                .forUpdate()
                .fetchOptional(LawyerAssignmentRepository::toAssignment);
    }

    Map<UUID, List<LawyerAssignment>> byDetainees(Collection<UUID> detaineeIds) {
        return db.selectFrom(LAWYER_ASSIGNMENT).where(LAWYER_ASSIGNMENT.DETAINEE_ID.in(detaineeIds))
                .orderBy(LAWYER_ASSIGNMENT.ASSIGNED_ON, LAWYER_ASSIGNMENT.RECORDED_AT)
                .fetchGroups(LAWYER_ASSIGNMENT.DETAINEE_ID, LawyerAssignmentRepository::toAssignment);
    }

    void insert(LawyerAssignment a) {
        db.insertInto(LAWYER_ASSIGNMENT)
                .set(LAWYER_ASSIGNMENT.ID, a.id())
                .set(LAWYER_ASSIGNMENT.DETAINEE_ID, a.detaineeId())
                .set(LAWYER_ASSIGNMENT.DEFENDER_ID, a.defenderId())
                .set(LAWYER_ASSIGNMENT.ASSIGNED_ON, a.assignedOn())
                .set(LAWYER_ASSIGNMENT.RECORDED_AT, a.recordedAt())
                .execute();
    }

    void end(UUID id, LocalDate unassignedOn) {
        db.update(LAWYER_ASSIGNMENT).set(LAWYER_ASSIGNMENT.UNASSIGNED_ON, unassignedOn).where(LAWYER_ASSIGNMENT.ID.eq(id)).execute();
    }

    /** Deletes every assignment, past and active, to the detainee: part of dropping an erased person's record. */
    void deleteOfDetainee(UUID detaineeId) {
        db.deleteFrom(LAWYER_ASSIGNMENT).where(LAWYER_ASSIGNMENT.DETAINEE_ID.eq(detaineeId)).execute();
    }

    private static LawyerAssignment toAssignment(LawyerAssignmentRecord r) {
        return new LawyerAssignment(r.getId(), r.getDetaineeId(), r.getDefenderId(), r.getAssignedOn(),
                r.getUnassignedOn(), r.getRecordedAt());
    }
}
