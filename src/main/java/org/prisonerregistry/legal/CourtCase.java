package org.prisonerregistry.legal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.prisonerregistry.audit.DataSubject;
import org.prisonerregistry.audit.PersonalRecord;
import org.prisonerregistry.keys.Sealed;

/**
 * A criminal proceeding against one detainee ({@code Case} in the API). Co-defendants each have their
 * own case with the same numbers, since charges, outcomes and sentences are per person. The numbers
 * and notes stay sealed until a field that selected them is admitted.
 */
public record CourtCase(UUID id, UUID detaineeId, String country, String court, Sealed<String> ruc, Sealed<String> rit,
                        Sealed<String> caseNumber, String prosecutor, CaseStage stage, Sealed<String> legalNotes, String source,
                        OffsetDateTime recordedAt, int version) implements PersonalRecord {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.detainee(detaineeId);
    }
}
