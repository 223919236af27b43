package org.prisonerregistry.defender;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.prisonerregistry.common.Batches;
import org.prisonerregistry.detainee.Detainee;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Lawyer assignments: the mutations, a detainee's lawyers, and an assignment's lawyer (batched). */
@Controller
class LawyerAssignmentController {

    static final String DEFENDER_BY_ID = "defenderById";

    private final LawyerAssignmentService service;

    LawyerAssignmentController(LawyerAssignmentService service, BatchLoaderRegistry loaders) {
        this.service = service;
        loaders.<UUID, Defender>forName(DEFENDER_BY_ID)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> service.defendersByIds(ids)));
    }

    record AssignLawyerInput(UUID detaineeId, UUID defenderId, LocalDate assignedOn) {}

    record UnassignLawyerInput(UUID detaineeId, UUID defenderId, LocalDate unassignedOn) {}

    @MutationMapping
    LawyerAssignment assignLawyer(@Argument AssignLawyerInput input) {
        return service.assign(input.detaineeId(), input.defenderId(), input.assignedOn());
    }

    @MutationMapping
    LawyerAssignment unassignLawyer(@Argument UnassignLawyerInput input) {
        return service.unassign(input.detaineeId(), input.defenderId(), input.unassignedOn());
    }

    @BatchMapping(typeName = "Detainee")
    Map<Detainee, List<LawyerAssignment>> lawyers(List<Detainee> detainees) {
        Map<UUID, List<LawyerAssignment>> all = service.byDetainees(detainees.stream().map(Detainee::id).toList());
        return Batches.valueOfEach(detainees, d -> all.getOrDefault(d.id(), List.of()));
    }

    @SchemaMapping
    CompletableFuture<Defender> lawyer(LawyerAssignment assignment, DataFetchingEnvironment env) {
        DataLoader<UUID, Defender> loader = env.getDataLoader(DEFENDER_BY_ID);
        return loader.load(assignment.defenderId());
    }
}
