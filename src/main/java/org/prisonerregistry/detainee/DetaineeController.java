package org.prisonerregistry.detainee;

import static org.prisonerregistry.common.Batches.valueOfEach;

import graphql.schema.DataFetchingEnvironment;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.prisonerregistry.common.Connection;
import org.prisonerregistry.common.PageRequest;
import org.prisonerregistry.detainee.DetaineeInputs.CaseloadInput;
import org.prisonerregistry.detainee.DetaineeInputs.CreateDetaineeInput;
import org.prisonerregistry.detainee.DetaineeInputs.EraseDetaineeInput;
import org.prisonerregistry.detainee.DetaineeInputs.RecognitionInput;
import org.prisonerregistry.detainee.DetaineeInputs.UpdateDetaineeInput;
import org.prisonerregistry.reference.Organisation;
import org.prisonerregistry.reference.ReferenceDataService;
import org.prisonerregistry.reference.ReferenceLoaders;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class DetaineeController {

    private final DetaineeService service;
    private final ReferenceDataService reference;

    DetaineeController(DetaineeService service, ReferenceDataService reference) {
        this.service = service;
        this.reference = reference;
    }

    @QueryMapping
    Detainee detainee(@Argument UUID id) {
        return service.get(id);
    }

    /** Who may search by a national ID, and how the search is audited, the schema's {@code @reveals} says. */
    @QueryMapping
    Detainee detaineeByNationalId(@Argument String nationalId) {
        return service.byNationalId(nationalId);
    }

    /** Who may filter by what, and how a search by name is audited, the schema's {@code @reveals} says. */
    @QueryMapping
    Connection<Detainee> detainees(@Argument DetaineeFilter filter, @Argument Integer first, @Argument String after) {
        return service.page(filter, PageRequest.of(first, after, DetaineeService.CURSOR_KIND));
    }

    /** Counted only when a client asks for it, with the page's own filter. */
    @SchemaMapping(typeName = "DetaineeConnection")
    int totalCount(Connection<Detainee> connection) {
        return service.count((DetaineeFilter) connection.query());
    }

    @MutationMapping
    Detainee createDetainee(@Argument CreateDetaineeInput input) {
        return service.create(input);
    }

    @MutationMapping
    Detainee updateDetainee(@Argument UpdateDetaineeInput input) {
        return service.update(input);
    }

    @MutationMapping
    Erasure eraseDetainee(@Argument EraseDetaineeInput input) {
        return service.erase(input);
    }

    @MutationMapping
    Detainee addToCaseload(@Argument CaseloadInput input) {
        return service.addToCaseload(input);
    }

    @MutationMapping
    Recognition recognisePoliticalPrisoner(@Argument RecognitionInput input) {
        return service.recognise(input);
    }

    @BatchMapping
    Map<Detainee, List<Organisation>> caseload(List<Detainee> detainees) {
        Map<UUID, List<UUID>> orgIds = service.caseloadOrganisations(ids(detainees));
        Map<UUID, Organisation> orgs = reference.organisationsByIds(
                orgIds.values().stream().flatMap(List::stream).distinct().toList());
        return valueOfEach(detainees, d -> orgIds.getOrDefault(d.id(), List.of()).stream().map(orgs::get).toList());
    }

    @BatchMapping
    Map<Detainee, List<Recognition>> recognitions(List<Detainee> detainees) {
        Map<UUID, List<Recognition>> all = service.recognitions(ids(detainees));
        return valueOfEach(detainees, d -> all.getOrDefault(d.id(), List.of()));
    }

    @BatchMapping
    Map<Detainee, SupportStatus> supportStatus(List<Detainee> detainees) {
        Map<UUID, SupportStatus> all = service.supportStatus(ids(detainees));
        return valueOfEach(detainees, d -> all.getOrDefault(d.id(), SupportStatus.NO_OPEN_NEEDS));
    }

    @SchemaMapping
    CompletableFuture<Organisation> organisation(Recognition recognition, DataFetchingEnvironment env) {
        return ReferenceLoaders.organisation(env, recognition.organisationId());
    }

    private static List<UUID> ids(Collection<Detainee> detainees) {
        return detainees.stream().map(Detainee::id).toList();
    }
}
