package org.prisonerregistry.defender;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.graphql.data.ArgumentValue;

/**
 * Inputs of the defender and threat mutations, as the schema declares them. They carry SPECIAL
 * data, so their {@code toString()} names the records they refer to and nothing else.
 */
final class DefenderInputs {

    private DefenderInputs() {
    }

    record CreateDefenderInput(UUID organisationId, String fullName, DefenderKind kind, String loginSubject,
                               String contact, RiskLevel riskLevel, String protectiveMeasures) {
        @Override
        public String toString() {
            return "CreateDefenderInput[organisationId=" + organisationId + "]";
        }
    }

    /** Each field is absent (keep), null (clear, where allowed) or a new value. */
    record UpdateDefenderInput(UUID id, int version, ArgumentValue<UUID> organisationId,
                               ArgumentValue<String> fullName, ArgumentValue<DefenderKind> kind,
                               ArgumentValue<String> loginSubject, ArgumentValue<String> contact,
                               ArgumentValue<RiskLevel> riskLevel, ArgumentValue<String> protectiveMeasures) {
        @Override
        public String toString() {
            return "UpdateDefenderInput[id=" + id + ", version=" + version + "]";
        }
    }

    record RecordThreatInput(UUID defenderId, LocalDate occurredOn, ThreatKind kind, ThreatChannel channel,
                             String description, Boolean reportedToAuthorities, String followUp, String source) {
        @Override
        public String toString() {
            return "RecordThreatInput[defenderId=" + defenderId + "]";
        }
    }

    /** Each field is absent (keep), null (clear, where allowed) or a new value. */
    record UpdateThreatFollowUpInput(UUID id, int version, ArgumentValue<String> followUp,
                                     ArgumentValue<Boolean> reportedToAuthorities) {
        @Override
        public String toString() {
            return "UpdateThreatFollowUpInput[id=" + id + ", version=" + version + "]";
        }
    }
}
