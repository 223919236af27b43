package org.prisonerregistry.solidarity;

import static org.prisonerregistry.common.Batches.valueOfEach;

import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.prisonerregistry.detainee.Detainee;
import org.prisonerregistry.keys.Sealed;
import org.prisonerregistry.reference.Organisation;
import org.prisonerregistry.reference.ReferenceLoaders;
import org.prisonerregistry.solidarity.SolidarityInputs.EndSponsorshipInput;
import org.prisonerregistry.solidarity.SolidarityInputs.RecordDisbursementInput;
import org.prisonerregistry.solidarity.SolidarityInputs.RecordNeedInput;
import org.prisonerregistry.solidarity.SolidarityInputs.RecordSponsorshipInput;
import org.prisonerregistry.solidarity.SolidarityInputs.UpdateNeedInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Support mutations and the support fields of a detainee. Every list field is loaded for a whole
 * page of detainees in one query; organisations resolve through the shared reference loader.
 */
@Controller
class SolidarityController {

    private final SolidarityService service;

    SolidarityController(SolidarityService service) {
        this.service = service;
    }

    @MutationMapping
    SupportNeed recordNeed(@Argument RecordNeedInput input) {
        return service.recordNeed(input);
    }

    @MutationMapping
    SupportNeed updateNeed(@Argument UpdateNeedInput input) {
        return service.updateNeed(input);
    }

    @MutationMapping
    Sponsorship recordSponsorship(@Argument RecordSponsorshipInput input) {
        return service.recordSponsorship(input);
    }

    @MutationMapping
    Sponsorship endSponsorship(@Argument EndSponsorshipInput input) {
        return service.endSponsorship(input);
    }

    @MutationMapping
    Disbursement recordDisbursement(@Argument RecordDisbursementInput input) {
        return service.recordDisbursement(input);
    }

    /** A health need's description goes out only as healthDescription, under its SPECIAL policy. */
    @SchemaMapping(typeName = "SupportNeed", field = "description")
    Sealed<String> description(SupportNeed need) {
        return need.generalDescription();
    }

    @BatchMapping
    Map<Detainee, List<SupportNeed>> supportNeeds(List<Detainee> detainees) {
        Map<UUID, List<SupportNeed>> all = service.needsByDetainees(ids(detainees));
        return valueOfEach(detainees, d -> all.getOrDefault(d.id(), List.of()));
    }

    @BatchMapping
    Map<Detainee, List<Sponsorship>> sponsorships(List<Detainee> detainees) {
        Map<UUID, List<Sponsorship>> all = service.sponsorshipsByDetainees(ids(detainees));
        return valueOfEach(detainees, d -> all.getOrDefault(d.id(), List.of()));
    }

    @BatchMapping
    Map<Detainee, List<Disbursement>> disbursements(List<Detainee> detainees) {
        Map<UUID, List<Disbursement>> all = service.disbursementsByDetainees(ids(detainees));
        return valueOfEach(detainees, d -> all.getOrDefault(d.id(), List.of()));
    }

    @BatchMapping
    Map<Detainee, List<MoneyTotal>> disbursementTotals(List<Detainee> detainees) {
        Map<UUID, List<MoneyTotal>> all = service.disbursementTotalsByDetainees(ids(detainees));
        return valueOfEach(detainees, d -> all.getOrDefault(d.id(), List.of()));
    }

    /** A disbursement made outside any sponsorship is left out of the map and so resolves to null. */
    @BatchMapping
    Map<Disbursement, Sponsorship> sponsorship(List<Disbursement> disbursements) {
        Map<UUID, Sponsorship> found = service.sponsorshipsByIds(disbursements.stream()
                .map(Disbursement::sponsorshipId).filter(Objects::nonNull).distinct().toList());
        Map<Disbursement, Sponsorship> result = new LinkedHashMap<>();
        disbursements.forEach(d -> {
            if (d.sponsorshipId() != null && found.containsKey(d.sponsorshipId())) {
                result.put(d, found.get(d.sponsorshipId()));
            }
        });
        return result;
    }

    @SchemaMapping
    CompletableFuture<Organisation> sponsor(Sponsorship sponsorship, DataFetchingEnvironment env) {
        return ReferenceLoaders.organisation(env, sponsorship.sponsorId());
    }

    @SchemaMapping
    CompletableFuture<Organisation> paidBy(Disbursement disbursement, DataFetchingEnvironment env) {
        return ReferenceLoaders.organisation(env, disbursement.paidById());
    }

    private static List<UUID> ids(List<Detainee> detainees) {
        return detainees.stream().map(Detainee::id).toList();
    }
}
