package org.prisonerregistry.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Generated rows for every table, in the shape of the table (enumerations as their stored names),
 * ready to be written as they are. The generator fills the lists; the writer reads them.
 */
record DemoBatch(List<DefenderRow> defenders, List<ThreatRow> threats, List<DetaineeRow> detainees,
                 List<CaseloadRow> caseloads, List<RecognitionRow> recognitions, List<DetentionRow> detentions,
                 List<CustodyPeriodRow> custodyPeriods, List<CaseRow> cases, List<LawyerAssignmentRow> lawyerAssignments,
                 List<ChargeRow> charges, List<HearingRow> hearings, List<SentenceRow> sentences,
                 List<SupportNeedRow> supportNeeds, List<SponsorshipRow> sponsorships,
                 List<DisbursementRow> disbursements) {

    static DemoBatch empty() {
        return new DemoBatch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
    }

    /** Rows in all tables but {@code detainee}. */
    long relatedRowCount() {
        return (long) defenders.size() + threats.size() + caseloads.size() + recognitions.size() + detentions.size()
                + custodyPeriods.size() + cases.size() + lawyerAssignments.size() + charges.size() + hearings.size()
                + sentences.size() + supportNeeds.size() + sponsorships.size() + disbursements.size();
    }

    record DefenderRow(UUID id, UUID organisationId, String fullName, String kind, String loginSubject, String contact,
                       String riskLevel, String protectiveMeasures, OffsetDateTime recordedAt) {}

    record ThreatRow(UUID id, UUID defenderId, LocalDate occurredOn, String kind, String channel, String description,
                     boolean reportedToAuthorities, String followUp, String source, OffsetDateTime recordedAt) {}

    record DetaineeRow(UUID id, String publicCode, String country, String fullName, String aliases,
                       String nationalIdKind, String nationalId, LocalDate dateOfBirth, Integer birthYear,
                       String gender, String nationality, String region, String commune, String affiliation,
                       String familyContact, boolean consentToBeNamed, String notes, LocalDate lastContactOn,
                       String source, OffsetDateTime recordedAt, OffsetDateTime updatedAt) {}

    record CaseloadRow(UUID detaineeId, UUID organisationId, LocalDate since) {}

    record RecognitionRow(UUID id, UUID detaineeId, UUID organisationId, LocalDate recognisedOn, String source,
                          OffsetDateTime recordedAt) {}

    record DetentionRow(UUID id, UUID detaineeId, LocalDate arrestedOn, String arrestPlace, String event,
                        boolean illTreatmentAlleged, String illTreatmentAccount, LocalDate releasedOn, String source,
                        OffsetDateTime recordedAt) {}

    record CustodyPeriodRow(UUID id, UUID detentionId, String regime, UUID facilityId, LocalDate startsOn,
                            LocalDate endsOn, String source, OffsetDateTime recordedAt) {}

    record CaseRow(UUID id, UUID detaineeId, String country, String court, String ruc, String rit, String caseNumber,
                   String prosecutor, String stage, String legalNotes, String source, OffsetDateTime recordedAt) {}

    record LawyerAssignmentRow(UUID id, UUID detaineeId, UUID defenderId, LocalDate assignedOn, OffsetDateTime recordedAt) {}

    record ChargeRow(UUID id, UUID caseId, UUID provisionId, String outcome, String source,
                     OffsetDateTime recordedAt) {}

    record HearingRow(UUID id, UUID caseId, LocalDate heldOn, String kind, String outcome, String source,
                      OffsetDateTime recordedAt) {}

    record SentenceRow(UUID id, UUID caseId, LocalDate imposedOn, String court, int termYears, int termMonths,
                       int termDays, String regime, LocalDate startsOn, BigDecimal fineAmount, String fineCurrency,
                       String appealStatus, String source, OffsetDateTime recordedAt) {}

    record SupportNeedRow(UUID id, UUID detaineeId, String category, String description, String status,
                          LocalDate recordedOn, OffsetDateTime recordedAt) {}

    record SponsorshipRow(UUID id, UUID detaineeId, UUID sponsorId, LocalDate startsOn, LocalDate endsOn,
                          BigDecimal monthlyAmount, String currency, OffsetDateTime recordedAt) {}

    record DisbursementRow(UUID id, UUID detaineeId, UUID paidById, UUID sponsorshipId, LocalDate paidOn,
                           BigDecimal amount, String currency, String category, OffsetDateTime recordedAt) {}
}
