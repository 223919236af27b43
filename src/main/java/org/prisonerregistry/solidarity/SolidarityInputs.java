package org.prisonerregistry.solidarity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.graphql.data.ArgumentValue;

/** Inputs of the support mutations, as the schema declares them. */
final class SolidarityInputs {

    private SolidarityInputs() {
    }

    record RecordNeedInput(UUID detaineeId, NeedCategory category, String description, NeedStatus status,
                           LocalDate recordedOn) {}

    /** Each field is absent (keep), null (clear, where allowed) or a new value. */
    record UpdateNeedInput(UUID id, int version, ArgumentValue<NeedStatus> status, ArgumentValue<String> description) {}

    record RecordSponsorshipInput(UUID detaineeId, UUID sponsorId, LocalDate startsOn, LocalDate endsOn,
                                  BigDecimal monthlyAmount, String currency) {}

    record EndSponsorshipInput(UUID id, int version, LocalDate endsOn) {}

    record RecordDisbursementInput(UUID detaineeId, UUID paidById, UUID sponsorshipId, LocalDate paidOn,
                                   BigDecimal amount, String currency, DisbursementCategory category) {}
}
