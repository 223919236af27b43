package org.prisonerregistry.reference;

import java.util.List;
import java.util.UUID;
import org.prisonerregistry.reference.ReferenceInputs.AddLegalProvisionInput;
import org.prisonerregistry.reference.ReferenceInputs.CreateFacilityInput;
import org.prisonerregistry.reference.ReferenceInputs.CreateOrganisationInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Reference data queries and mutations. Also registers the batch loaders through which any field
 * pointing at a facility, organisation or provision resolves, one query per request level.
 */
@Controller
class ReferenceDataController {

    private final ReferenceDataService service;

    ReferenceDataController(ReferenceDataService service, BatchLoaderRegistry loaders) {
        this.service = service;
        loaders.<UUID, Facility>forName(ReferenceLoaders.FACILITY_BY_ID)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> service.facilitiesByIds(ids)));
        loaders.<UUID, Organisation>forName(ReferenceLoaders.ORGANISATION_BY_ID)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> service.organisationsByIds(ids)));
        loaders.<UUID, LegalProvision>forName(ReferenceLoaders.LEGAL_PROVISION_BY_ID)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> service.legalProvisionsByIds(ids)));
    }

    @QueryMapping
    List<Facility> facilities(@Argument String country) {
        return service.facilities(country);
    }

    @QueryMapping
    List<Organisation> organisations() {
        return service.organisations();
    }

    @QueryMapping
    List<LegalProvision> legalProvisions(@Argument String country) {
        return service.legalProvisions(country);
    }

    @MutationMapping
    Facility createFacility(@Argument CreateFacilityInput input) {
        return service.createFacility(input);
    }

    @MutationMapping
    Organisation createOrganisation(@Argument CreateOrganisationInput input) {
        return service.createOrganisation(input);
    }

    @MutationMapping
    LegalProvision addLegalProvision(@Argument AddLegalProvisionInput input) {
        return service.addLegalProvision(input);
    }
}
