package org.prisonerregistry.defender;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.prisonerregistry.common.InvalidInputException;
import org.prisonerregistry.common.NotFoundException;
import org.prisonerregistry.common.Violations;
import org.prisonerregistry.detainee.DetaineeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assigning lawyers to detainees and ending those assignments; the record of who worked for whom. */
@Service
@Transactional(readOnly = true)
public class LawyerAssignmentService {

    private final LawyerAssignmentRepository assignments;
    private final DefenderRepository defenders;
    private final DetaineeService detainees;

    LawyerAssignmentService(LawyerAssignmentRepository assignments, DefenderRepository defenders,
                            DetaineeService detainees) {
        this.assignments = assignments;
        this.defenders = defenders;
        this.detainees = detainees;
    }

    public Map<UUID, List<LawyerAssignment>> byDetainees(Collection<UUID> detaineeIds) {
        return assignments.byDetainees(detaineeIds);
    }

    /** The lawyers of a page of assignments: one query and one key read, however many there are. */
    Map<UUID, Defender> defendersByIds(Collection<UUID> ids) {
        return defenders.byIds(ids).stream().collect(Collectors.toMap(Defender::id, Function.identity()));
    }

    @Transactional
    public LawyerAssignment assign(UUID detaineeId, UUID defenderId, LocalDate assignedOn) {
        if (!detainees.isReachable(detaineeId)) {
            throw new NotFoundException("detainee", detaineeId);
        }
        // Only clear columns are read: ADMIN manages assignments without decrypting the person's or the lawyer's record.
        DefenderKind kind = defenders.kindOf(defenderId).orElseThrow(() -> new NotFoundException("defender", defenderId));
        LocalDate day = assignedOn == null ? LocalDate.now() : assignedOn;
        Violations v = new Violations().notInFuture("input.assignedOn", day, LocalDate.now());
        if (kind != DefenderKind.LAWYER) {
            v.add("input.defenderId", "names a defender who is not a lawyer");
        }
        v.throwIfAny();
        if (assignments.lockActive(detaineeId, defenderId).isPresent()) {
            throw new InvalidInputException("input.defenderId", "is already assigned to this detainee");
        }
        LawyerAssignment a = new LawyerAssignment(UUID.randomUUID(), detaineeId, defenderId, day, null,
                OffsetDateTime.now());
        assignments.insert(a);
        return a;
    }

    @Transactional
    public LawyerAssignment unassign(UUID detaineeId, UUID defenderId, LocalDate unassignedOn) {
        LawyerAssignment active = assignments.lockActive(detaineeId, defenderId)
                .orElseThrow(() -> new InvalidInputException("input.defenderId", "is not assigned to this detainee"));
        LocalDate day = unassignedOn == null ? LocalDate.now() : unassignedOn;
        new Violations()
                .notInFuture("input.unassignedOn", day, LocalDate.now())
                .notBefore("input.unassignedOn", day, "the assignment", active.assignedOn())
                .throwIfAny();
        assignments.end(active.id(), day);
        return new LawyerAssignment(active.id(), detaineeId, defenderId, active.assignedOn(), day, active.recordedAt());
    }
}
