package org.prisonerregistry.legal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.prisonerregistry.audit.DataSubject;
import org.prisonerregistry.audit.PersonalRecord;

/**
 * A criminal proceeding against one detainee ({@code Case} in the API). Co-defendants each have their
 * own case with the same numbers, since charges, outcomes and sentences are per person.
 */
public record CourtCase(UUID id, UUID detaineeId, String country, String court, String ruc, String rit,
                        String caseNumber, String prosecutor, CaseStage stage, String legalNotes, String source,
                        OffsetDateTime recordedAt, int version) implements PersonalRecord {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.detainee(detaineeId);
    }
}
