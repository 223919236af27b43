package org.prisonerregistry.detainee;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.prisonerregistry.audit.DataSubject;
import org.prisonerregistry.audit.PersonalRecord;
import org.prisonerregistry.keys.Sealed;

/**
 * A person deprived of liberty for political reasons. {@code birthYear} is kept beside the date of
 * birth because age bands and statistics need only the year, which is far less identifying. Once
 * erased ({@code erasedAt} set) the personal fields (aliases too) are null and only what statistics need is left.
 * The personal fields are {@link Sealed}: read from the database they stay encrypted until a field the
 * query selected and the policy admitted opens them.
 */
public record Detainee(
        UUID id,
        String publicCode,
        String country,
        Sealed<String> fullName,
        Sealed<List<String>> aliases,
        Sealed<NationalId> nationalId,
        Sealed<LocalDate> dateOfBirth,
        Integer birthYear,
        Gender gender,
        String nationality,
        String region,
        String commune,
        Affiliation affiliation,
        Sealed<String> familyContact,
        boolean consentToBeNamed,
        Sealed<String> notes,
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
