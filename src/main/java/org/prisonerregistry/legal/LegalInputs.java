package org.prisonerregistry.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.graphql.data.ArgumentValue;

/** Inputs of the case, charge, hearing and sentence mutations, as the schema declares them. */
final class LegalInputs {

    private LegalInputs() {
    }

    record OpenCaseInput(UUID detaineeId, String country, String court, String ruc, String rit, String caseNumber,
                         String prosecutor, CaseStage stage, String legalNotes, String source) {}

    /** Each field is absent (keep), null (clear, where allowed) or a new value. */
    record UpdateCaseInput(UUID id, int version, ArgumentValue<CaseStage> stage, ArgumentValue<String> court,
                           ArgumentValue<String> ruc, ArgumentValue<String> rit, ArgumentValue<String> caseNumber,
                           ArgumentValue<String> prosecutor, ArgumentValue<String> legalNotes,
                           ArgumentValue<String> source) {}

    record AddChargeInput(UUID caseId, String legalProvisionCode, ChargeOutcome outcome, String source) {}

    record RecordChargeOutcomeInput(UUID chargeId, int version, ChargeOutcome outcome, String source) {}

    record RecordHearingInput(UUID caseId, LocalDate heldOn, HearingKind kind, String outcome, String source) {}

    record RecordSentenceInput(UUID caseId, LocalDate imposedOn, String court, Integer termYears, Integer termMonths,
                               Integer termDays, SentenceRegime regime, LocalDate startsOn, BigDecimal fineAmount,
                               String fineCurrency, AppealStatus appealStatus, String source) {}
}
