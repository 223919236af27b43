package org.prisonerregistry.detainee;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.prisonerregistry.audit.DataSubject;
import org.prisonerregistry.audit.PersonalRecord;

/**
 * A person deprived of liberty for political reasons. {@code birthYear} is kept beside the date of
 * birth because age bands and statistics need only the year, which is far less identifying. Once
 * erased ({@code erasedAt} set) the personal fields (aliases too) are null and only what statistics need is left.
 */
public record Detainee(
        UUID id,
        String publicCode,
        String country,
        String fullName,
        List<String> aliases,
        NationalId nationalId,
        LocalDate dateOfBirth,
        Integer birthYear,
        Gender gender,
        String nationality,
        String region,
        String commune,
        Affiliation affiliation,
        String familyContact,
        boolean consentToBeNamed,
        String notes,
        LocalDate lastContactOn,
        String source,
        OffsetDateTime recordedAt,
        int version,
        OffsetDateTime erasedAt) implements PersonalRecord {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.detainee(id);
    }

    public AgeBand ageBand() {
        return AgeBand.of(birthYear, LocalDate.now());
    }
}
