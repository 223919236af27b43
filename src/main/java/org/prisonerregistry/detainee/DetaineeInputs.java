package org.prisonerregistry.detainee;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.ArgumentValue;

/** Inputs of the detainee mutations, as the schema declares them. */
public final class DetaineeInputs {

    private DetaineeInputs() {
    }

    public record NationalIdInput(NationalIdKind kind, String number) {}

    public record CreateDetaineeInput(String country, String fullName, List<String> aliases, NationalIdInput nationalId,
                                      LocalDate dateOfBirth, Gender gender, String nationality, String region,
                                      String commune, Affiliation affiliation, String familyContact,
                                      Boolean consentToBeNamed, String notes, LocalDate lastContactOn, String source,
                                      List<UUID> caseloadOrganisationIds) {}

    /** Each field is absent (keep), null (clear, where allowed) or a new value. */
    public record UpdateDetaineeInput(UUID id, int version, ArgumentValue<String> fullName,
                                      ArgumentValue<List<String>> aliases, ArgumentValue<NationalIdInput> nationalId,
                                      ArgumentValue<LocalDate> dateOfBirth, ArgumentValue<Gender> gender,
                                      ArgumentValue<String> nationality, ArgumentValue<String> region,
                                      ArgumentValue<String> commune, ArgumentValue<Affiliation> affiliation,
                                      ArgumentValue<String> familyContact, ArgumentValue<Boolean> consentToBeNamed,
                                      ArgumentValue<String> notes, ArgumentValue<LocalDate> lastContactOn,
                                      ArgumentValue<String> source) {}

    public record CaseloadInput(UUID detaineeId, UUID organisationId, LocalDate since) {}

    /** {@code dropRecord} null or false keeps an anonymous row for statistics; true deletes every row of the person. */
    public record EraseDetaineeInput(UUID id, ErasureReason reason, Boolean dropRecord) {}

    public record RecognitionInput(UUID detaineeId, UUID organisationId, LocalDate recognisedOn, String source) {}
}
