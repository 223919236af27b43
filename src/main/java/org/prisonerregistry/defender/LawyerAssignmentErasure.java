package org.prisonerregistry.defender;

import java.util.UUID;
import org.prisonerregistry.detainee.DetaineeRecordsErasure;
import org.springframework.stereotype.Component;

/**
 * Lawyer assignments of an erased detainee. They hold nothing encrypted, so an anonymous row keeps
 * them (who worked for the person stays true); dropping the record deletes them with it.
 */
@Component
class LawyerAssignmentErasure implements DetaineeRecordsErasure {

    private final LawyerAssignmentRepository assignments;

    LawyerAssignmentErasure(LawyerAssignmentRepository assignments) {
        this.assignments = assignments;
    }

    @Override
    public void clearEncryptedFields(UUID detaineeId) {
        // Nothing encrypted in lawyer_assignment.
    }

    @Override
    public void deleteRows(UUID detaineeId) {
        assignments.deleteOfDetainee(detaineeId);
    }
}
