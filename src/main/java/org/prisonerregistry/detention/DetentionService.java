package org.prisonerregistry.detention;

import static org.prisonerregistry.common.Inputs.blankToNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.prisonerregistry.common.InvalidInputException;
import org.prisonerregistry.common.NotFoundException;
import org.prisonerregistry.common.StaleVersionException;
import org.prisonerregistry.common.Violations;
import org.prisonerregistry.detainee.DetaineeService;
import org.prisonerregistry.detention.DetentionInputs.ChangeRegimeInput;
import org.prisonerregistry.detention.DetentionInputs.RecordDetentionInput;
import org.prisonerregistry.detention.DetentionInputs.RecordReleaseInput;
import org.prisonerregistry.detention.DetentionInputs.TransferDetaineeInput;
import org.prisonerregistry.keys.Sealed;
import org.prisonerregistry.reference.ReferenceDataService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Arrests, transfers, changes of regime and releases. */
@Service
@Transactional(readOnly = true)
public class DetentionService {

    private final DetentionRepository detentions;
    private final DetaineeService detainees;
    private final ReferenceDataService reference;

    DetentionService(DetentionRepository detentions, DetaineeService detainees, ReferenceDataService reference) {
        this.detentions = detentions;
        this.detainees = detainees;
        this.reference = reference;
    }

    public Map<UUID, List<Detention>> byDetainees(Collection<UUID> detaineeIds) {
        return detentions.byDetainees(detaineeIds);
    }

    @Transactional
    public Detention record(RecordDetentionInput in) {
        detainees.requireExists(in.detaineeId());
        LocalDate today = LocalDate.now();
        Regime regime = in.regime() == null ? Regime.POLICE_CUSTODY : in.regime();
        Violations v = new Violations()
                .required("input.arrestedOn", in.arrestedOn())
                .notInFuture("input.arrestedOn", in.arrestedOn(), today)
                .maxLength("input.arrestPlace", in.arrestPlace(), 300)
                .maxLength("input.event", in.event(), 300)
                .maxLength("input.illTreatmentAccount", in.illTreatmentAccount(), 20_000)
                .maxLength("input.source", in.source(), 500);
        if (regime.isReleased()) {
            v.add("input.regime", "cannot be a released regime at arrest");
        }
        reference.checkFacility(v, "input.facilityId", in.facilityId());
        v.throwIfAny();
        if (detentions.hasOpenDetention(in.detaineeId())) {
            throw new InvalidInputException("input.detaineeId", "is still held in an open detention; record its release first");
        }
        OffsetDateTime now = OffsetDateTime.now();
        UUID id = UUID.randomUUID();
        CustodyPeriod first = new CustodyPeriod(UUID.randomUUID(), id, regime, in.facilityId(), in.arrestedOn(), null,
                blankToNull(in.source()), now);
        Detention d = new Detention(id, in.detaineeId(), in.arrestedOn(), blankToNull(in.arrestPlace()),
                blankToNull(in.event()), Boolean.TRUE.equals(in.illTreatmentAlleged()),
                Sealed.inHand(blankToNull(in.illTreatmentAccount())), null, blankToNull(in.source()), now, 1, List.of(first));
        detentions.insert(d);
        return d;
    }

    @Transactional
    public Detention transfer(TransferDetaineeInput in) {
        Detention d = lockCurrent(in.detentionId(), in.version());
        CustodyPeriod open = d.openPeriod();
        Violations v = new Violations().required("input.facilityId", in.facilityId());
        checkChangeDate(v, "input.transferredOn", in.transferredOn(), open);
        reference.checkFacility(v, "input.facilityId", in.facilityId());
        if (in.facilityId() != null && in.facilityId().equals(open.facilityId())) {
            v.add("input.facilityId", "is where the person is held already");
        }
        v.maxLength("input.source", in.source(), 500).throwIfAny();
        return startPeriod(d, open.regime(), in.facilityId(), in.transferredOn(), in.source(), null);
    }

    @Transactional
    public Detention changeRegime(ChangeRegimeInput in) {
        Detention d = lockCurrent(in.detentionId(), in.version());
        CustodyPeriod open = d.openPeriod();
        Violations v = new Violations().required("input.regime", in.regime());
        checkChangeDate(v, "input.startsOn", in.startsOn(), open);
        if (in.regime() != null && in.regime().isReleased()) {
            v.add("input.regime", "is a released regime: use recordRelease");
        }
        if (in.regime() == open.regime() && java.util.Objects.equals(in.facilityId(), open.facilityId())) {
            v.add("input.regime", "is the current regime already");
        }
        reference.checkFacility(v, "input.facilityId", in.facilityId());
        v.maxLength("input.source", in.source(), 500).throwIfAny();
        return startPeriod(d, in.regime(), in.facilityId(), in.startsOn(), in.source(), null);
    }

    @Transactional
    public Detention release(RecordReleaseInput in) {
        Detention d = lockCurrent(in.detentionId(), in.version());
        Violations v = new Violations()
                .required("input.releasedOn", in.releasedOn())
                .notBefore("input.releasedOn", in.releasedOn(), "the arrest", d.arrestedOn());
        checkChangeDate(v, "input.releasedOn", in.releasedOn(), d.openPeriod());
        v.maxLength("input.source", in.source(), 500).throwIfAny();
        Regime after = in.awaitingTrial() ? Regime.RELEASED_AWAITING_TRIAL : Regime.RELEASED;
        return startPeriod(d, after, null, in.releasedOn(), in.source(), in.releasedOn());
    }

    /** Locks the detention, checks the caller's version and that the person is still held. */
    private Detention lockCurrent(UUID id, int version) {
        Detention d = detentions.lockById(id).filter(found -> detainees.isReachable(found.detaineeId()))
                .orElseThrow(() -> new NotFoundException("detention", id));
        if (d.version() != version) {
            throw new StaleVersionException("detention", id, version);
        }
        if (d.releasedOn() != null) {
            throw new InvalidInputException("input.detentionId", "names a detention that ended with a release");
        }
        return d;
    }

    private static void checkChangeDate(Violations v, String field, LocalDate date, CustodyPeriod open) {
        v.required(field, date)
                .notInFuture(field, date, LocalDate.now())
                .notBefore(field, date, "the start of the current custody period", open.startsOn());
    }

    private Detention startPeriod(Detention d, Regime regime, UUID facilityId, LocalDate from, String source,
                                  LocalDate releasedOn) {
        CustodyPeriod open = d.openPeriod();
        detentions.closePeriod(open.id(), from);
        CustodyPeriod next = new CustodyPeriod(UUID.randomUUID(), d.id(), regime, facilityId, from, null,
                blankToNull(source), OffsetDateTime.now());
        detentions.insert(next);
        if (!detentions.bumpVersion(d.id(), d.version(), releasedOn)) {
            throw new StaleVersionException("detention", d.id(), d.version());
        }
        List<CustodyPeriod> periods = new java.util.ArrayList<>(d.custodyPeriods().stream()
                .map(p -> p.id().equals(open.id()) ? new CustodyPeriod(p.id(), p.detentionId(), p.regime(),
                        p.facilityId(), p.startsOn(), from, p.source(), p.recordedAt()) : p)
                .toList());
        periods.add(next);
        return new Detention(d.id(), d.detaineeId(), d.arrestedOn(), d.arrestPlace(), d.event(), d.illTreatmentAlleged(),
                d.illTreatmentAccount(), releasedOn == null ? d.releasedOn() : releasedOn, d.source(), d.recordedAt(),
                d.version() + 1, List.copyOf(periods));
    }
}
