package org.prisonerregistry.detention;

import java.time.LocalDate;
import java.util.UUID;

/** Inputs of the detention mutations, as the schema declares them. */
final class DetentionInputs {

    private DetentionInputs() {
    }

    record RecordDetentionInput(UUID detaineeId, LocalDate arrestedOn, String arrestPlace, String event, Regime regime,
                                UUID facilityId, Boolean illTreatmentAlleged, String illTreatmentAccount, String source) {}

    record TransferDetaineeInput(UUID detentionId, int version, UUID facilityId, LocalDate transferredOn, String source) {}

    record ChangeRegimeInput(UUID detentionId, int version, Regime regime, UUID facilityId, LocalDate startsOn,
                             String source) {}

    record RecordReleaseInput(UUID detentionId, int version, LocalDate releasedOn, boolean awaitingTrial, String source) {}
}
