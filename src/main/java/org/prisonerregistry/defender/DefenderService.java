package org.prisonerregistry.defender;

import static org.prisonerregistry.common.Inputs.blankToNull;
import static org.prisonerregistry.common.Inputs.pick;
import static org.prisonerregistry.keys.Sealed.inHand;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.prisonerregistry.access.DefenderScope;
import org.prisonerregistry.common.Connection;
import org.prisonerregistry.common.NotFoundException;
import org.prisonerregistry.common.PageRequest;
import org.prisonerregistry.common.StaleVersionException;
import org.prisonerregistry.common.Violations;
import org.prisonerregistry.defender.DefenderInputs.CreateDefenderInput;
import org.prisonerregistry.defender.DefenderInputs.RecordThreatInput;
import org.prisonerregistry.defender.DefenderInputs.UpdateDefenderInput;
import org.prisonerregistry.defender.DefenderInputs.UpdateThreatFollowUpInput;
import org.prisonerregistry.identity.CurrentCaller;
import org.prisonerregistry.reference.ReferenceDataService;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defenders and the threats against them. Every mutation validates its whole input before it writes
 * anything, and reasons never quote a value: all of it is SPECIAL data.
 */
@Service
@Transactional(readOnly = true)
class DefenderService {

    static final String CURSOR_KIND = "defender";

    private final DefenderRepository defenders;
    private final ReferenceDataService reference;
    private final CurrentCaller caller;

    DefenderService(DefenderRepository defenders, ReferenceDataService reference, CurrentCaller caller) {
        this.defenders = defenders;
        this.reference = reference;
        this.caller = caller;
    }

    /** The defender, if the caller's scope reaches it (a lawyer reaches only their own record). */
    Defender get(UUID id) {
        return defenders.byId(id, scope()).orElseThrow(() -> new NotFoundException("defender", id));
    }

    private DefenderScope scope() {
        return DefenderScope.of(caller.get());
    }

    Connection<Defender> page(DefenderFilter filter, PageRequest page) {
        DefenderFilter f = filter == null ? DefenderFilter.NONE : filter;
        DefenderPosition after = page.afterKey() == null ? null : DefenderPosition.parse(page.afterKey());
        List<Defender> rows = defenders.page(f, scope(), after, page.size() + 1);
        return Connection.fromRows(rows, page.size(), after != null,
                d -> PageRequest.cursor(CURSOR_KIND, DefenderPosition.of(d).key()), f);
    }

    int count(DefenderFilter filter) {
        return defenders.count(filter, scope());
    }

    Map<UUID, List<Threat>> threats(Collection<UUID> defenderIds) {
        return defenders.threatsOf(defenderIds);
    }

    Map<UUID, LocalDate> lastThreatOn(Collection<UUID> defenderIds) {
        return defenders.lastThreatOn(defenderIds);
    }

    @Transactional
    Defender create(CreateDefenderInput in) {
        Violations v = new Violations()
                .required("input.organisationId", in.organisationId())
                .required("input.kind", in.kind())
                .required("input.riskLevel", in.riskLevel());
        reference.checkOrganisation(v, "input.organisationId", in.organisationId());
        String loginSubject = blankToNull(in.loginSubject());
        checkDefender(v, in.fullName(), loginSubject, in.contact(), in.protectiveMeasures(), null);
        v.throwIfAny();

        Defender d = new Defender(UUID.randomUUID(), in.organisationId(), inHand(in.fullName().strip()), in.kind(),
                loginSubject, inHand(blankToNull(in.contact())), in.riskLevel(), inHand(blankToNull(in.protectiveMeasures())),
                now(), 1);
        defenders.insert(d);
        return d;
    }

    @Transactional
    Defender update(UpdateDefenderInput in) {
        // the merge needs every SPECIAL column in plaintext, and writes them all sealed anew
        Defender old = defenders.byIdInHand(in.id(), scope()).orElseThrow(() -> new NotFoundException("defender", in.id()));
        if (old.version() != in.version()) {
            throw new StaleVersionException("defender", in.id(), in.version());
        }
        Violations v = new Violations();
        refuseClearing(v, "input.organisationId", in.organisationId());
        refuseClearing(v, "input.kind", in.kind());
        refuseClearing(v, "input.riskLevel", in.riskLevel());
        UUID organisationId = pick(in.organisationId(), old.organisationId());
        if (organisationId != null && !organisationId.equals(old.organisationId())) {
            reference.checkOrganisation(v, "input.organisationId", organisationId);
        }
        String fullName = pick(in.fullName(), old.fullName().open());
        String loginSubject = blankToNull(pick(in.loginSubject(), old.loginSubject()));
        String contact = pick(in.contact(), old.contact().open());
        String protectiveMeasures = pick(in.protectiveMeasures(), old.protectiveMeasures().open());
        checkDefender(v, fullName, loginSubject, contact, protectiveMeasures, old.id());
        v.throwIfAny();

        Defender changed = new Defender(old.id(), organisationId, inHand(fullName.strip()), pick(in.kind(), old.kind()),
                loginSubject, inHand(blankToNull(contact)), pick(in.riskLevel(), old.riskLevel()),
                inHand(blankToNull(protectiveMeasures)), old.recordedAt(), old.version() + 1);
        if (!defenders.update(changed)) {
            throw new StaleVersionException("defender", in.id(), in.version());
        }
        return changed;
    }

    @Transactional
    Threat recordThreat(RecordThreatInput in) {
        get(in.defenderId());
        new Violations()
                .required("input.occurredOn", in.occurredOn())
                .notInFuture("input.occurredOn", in.occurredOn(), LocalDate.now())
                .required("input.kind", in.kind())
                .required("input.channel", in.channel())
                .maxLength("input.description", in.description(), 20_000)
                .maxLength("input.followUp", in.followUp(), 20_000)
                .maxLength("input.source", in.source(), 500)
                .throwIfAny();

        Threat t = new Threat(UUID.randomUUID(), in.defenderId(), in.occurredOn(), in.kind(), in.channel(),
                inHand(blankToNull(in.description())), Boolean.TRUE.equals(in.reportedToAuthorities()),
                inHand(blankToNull(in.followUp())), blankToNull(in.source()), now(), 1);
        defenders.insert(t);
        return t;
    }

    @Transactional
    Threat updateFollowUp(UpdateThreatFollowUpInput in) {
        Threat old = defenders.threatByIdInHand(in.id()).orElseThrow(() -> new NotFoundException("threat", in.id()));
        try {
            get(old.defenderId());
        } catch (NotFoundException outOfScope) {
            throw new NotFoundException("threat", in.id());
        }
        if (old.version() != in.version()) {
            throw new StaleVersionException("threat", in.id(), in.version());
        }
        Violations v = new Violations();
        refuseClearing(v, "input.reportedToAuthorities", in.reportedToAuthorities());
        String followUp = pick(in.followUp(), old.followUp().open());
        v.maxLength("input.followUp", followUp, 20_000).throwIfAny();

        Threat changed = new Threat(old.id(), old.defenderId(), old.occurredOn(), old.kind(), old.channel(),
                old.description(), pick(in.reportedToAuthorities(), old.reportedToAuthorities()),
                inHand(blankToNull(followUp)), old.source(), old.recordedAt(), old.version() + 1);
        if (!defenders.updateFollowUp(changed)) {
            throw new StaleVersionException("threat", in.id(), in.version());
        }
        return changed;
    }

    /**
     * Checks the fields shared by create and update. A login subject already linked to another
     * defender is refused here, before any write, so the caller learns it with the other violations;
     * the unique constraint still catches a concurrent insert, as a CONFLICT.
     */
    private void checkDefender(Violations v, String fullName, String loginSubject, String contact,
                               String protectiveMeasures, UUID self) {
        v.requiredText("input.fullName", fullName, 300)
                .maxLength("input.loginSubject", loginSubject, 200)
                .maxLength("input.contact", contact, 500)
                .maxLength("input.protectiveMeasures", protectiveMeasures, 10_000);
        if (loginSubject != null && loginSubject.length() <= 200 && defenders.loginSubjectTaken(loginSubject, self)) {
            v.add("input.loginSubject", "is already linked to another defender");
        }
    }

    /** Timestamps are kept to the microsecond, as PostgreSQL stores them, so cursors match the rows. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void refuseClearing(Violations v, String field, ArgumentValue<?> value) {
        if (!value.isPresent() && !value.isOmitted()) {
            v.add(field, "cannot be cleared");
        }
    }
}
