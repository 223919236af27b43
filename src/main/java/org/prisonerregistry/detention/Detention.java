package org.prisonerregistry.detention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.prisonerregistry.audit.DataSubject;
import org.prisonerregistry.audit.PersonalRecord;
import org.prisonerregistry.keys.Sealed;

/**
 * An episode of deprivation of liberty with its custody periods, oldest first. Current regime,
 * facility and days in pre-trial detention are derived from the periods, never stored. The account
 * of ill-treatment stays sealed until a field that selected it is admitted.
 */
public record Detention(UUID id, UUID detaineeId, LocalDate arrestedOn, String arrestPlace, String event,
                        boolean illTreatmentAlleged, Sealed<String> illTreatmentAccount, LocalDate releasedOn, String source,
                        OffsetDateTime recordedAt, int version, List<CustodyPeriod> custodyPeriods) implements PersonalRecord {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.detainee(detaineeId);
    }

    public CustodyPeriod openPeriod() {
        return custodyPeriods.stream().filter(CustodyPeriod::isOpen).findFirst()
                .orElseThrow(() -> new IllegalStateException("detention " + id + " has no open custody period"));
    }

    public Regime currentRegime() {
        return openPeriod().regime();
    }

    public UUID currentFacilityId() {
        return openPeriod().facilityId();
    }

    public int daysInPretrialDetention() {
        LocalDate today = LocalDate.now();
        return custodyPeriods.stream()
                .filter(p -> p.regime() == Regime.PRETRIAL_DETENTION)
                .mapToInt(p -> p.daysUpTo(today))
                .sum();
    }
}
