package org.prisonerregistry.detention;

import graphql.schema.DataFetchingEnvironment;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.prisonerregistry.detainee.Detainee;
import org.prisonerregistry.detention.DetentionInputs.ChangeRegimeInput;
import org.prisonerregistry.detention.DetentionInputs.RecordDetentionInput;
import org.prisonerregistry.detention.DetentionInputs.RecordReleaseInput;
import org.prisonerregistry.detention.DetentionInputs.TransferDetaineeInput;
import org.prisonerregistry.reference.Facility;
import org.prisonerregistry.reference.ReferenceLoaders;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Detention mutations and the detention fields of a detainee. All of a detainee's derived custody
 * fields read through one per-request loader, so asking for several of them costs no extra query.
 */
@Controller
class DetentionController {

    static final String DETENTIONS_BY_DETAINEE = "detentionsByDetainee";

    private final DetentionService service;

    DetentionController(DetentionService service, BatchLoaderRegistry loaders) {
        this.service = service;
        loaders.<UUID, List<Detention>>forName(DETENTIONS_BY_DETAINEE).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> {
                    Map<UUID, List<Detention>> found = service.byDetainees(ids);
                    Map<UUID, List<Detention>> all = new java.util.HashMap<>();
                    ids.forEach(id -> all.put(id, found.getOrDefault(id, List.of())));
                    return all;
                }));
    }

    @MutationMapping
    Detention recordDetention(@Argument RecordDetentionInput input) {
        return service.record(input);
    }

    @MutationMapping
    Detention transferDetainee(@Argument TransferDetaineeInput input) {
        return service.transfer(input);
    }

    @MutationMapping
    Detention changeRegime(@Argument ChangeRegimeInput input) {
        return service.changeRegime(input);
    }

    @MutationMapping
    Detention recordRelease(@Argument RecordReleaseInput input) {
        return service.release(input);
    }

    @SchemaMapping(typeName = "Detainee")
    CompletableFuture<List<Detention>> detentions(Detainee detainee, DataFetchingEnvironment env) {
        return detentionsOf(detainee, env);
    }

    @SchemaMapping(typeName = "Detainee")
    CompletableFuture<Regime> currentRegime(Detainee detainee, DataFetchingEnvironment env) {
        return detentionsOf(detainee, env).thenApply(ds -> ds.isEmpty() ? null : ds.getFirst().currentRegime());
    }

    @SchemaMapping(typeName = "Detainee")
    CompletableFuture<Facility> currentFacility(Detainee detainee, DataFetchingEnvironment env) {
        return detentionsOf(detainee, env).thenCompose(ds -> ds.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : ReferenceLoaders.facility(env, ds.getFirst().currentFacilityId()));
    }

    @SchemaMapping(typeName = "Detainee")
    CompletableFuture<Integer> daysInPretrialDetention(Detainee detainee, DataFetchingEnvironment env) {
        return detentionsOf(detainee, env).thenApply(ds -> ds.stream().mapToInt(Detention::daysInPretrialDetention).sum());
    }

    @SchemaMapping
    CompletableFuture<Facility> currentFacility(Detention detention, DataFetchingEnvironment env) {
        return ReferenceLoaders.facility(env, detention.currentFacilityId());
    }

    @SchemaMapping
    CompletableFuture<Facility> facility(CustodyPeriod period, DataFetchingEnvironment env) {
        return ReferenceLoaders.facility(env, period.facilityId());
    }

    private static CompletableFuture<List<Detention>> detentionsOf(Detainee detainee, DataFetchingEnvironment env) {
        DataLoader<UUID, List<Detention>> loader = env.getDataLoader(DETENTIONS_BY_DETAINEE);
        return loader.load(detainee.id());
    }
}
