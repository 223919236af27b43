package org.prisonerregistry.legal;

import static org.prisonerregistry.common.Batches.valueOfEach;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.prisonerregistry.detainee.Detainee;
import org.prisonerregistry.legal.LegalInputs.AddChargeInput;
import org.prisonerregistry.legal.LegalInputs.OpenCaseInput;
import org.prisonerregistry.legal.LegalInputs.RecordChargeOutcomeInput;
import org.prisonerregistry.legal.LegalInputs.RecordHearingInput;
import org.prisonerregistry.legal.LegalInputs.RecordSentenceInput;
import org.prisonerregistry.legal.LegalInputs.UpdateCaseInput;
import org.prisonerregistry.reference.LegalProvision;
import org.prisonerregistry.reference.ReferenceLoaders;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Case queries and mutations, and the case fields of a detainee. Every list and reference resolves
 * through a per-request loader, so a page of detainees with their cases, charges, hearings and
 * sentences costs one query per level, however many rows it has.
 */
@Controller
class CaseController {

    static final String CASES_BY_DETAINEE = "legal.casesByDetainee";
    static final String HEARINGS_BY_CASE = "legal.hearingsByCase";
    static final String DETAINEE_BY_ID = "legal.detaineeById";

    private final CaseService service;

    CaseController(CaseService service, BatchLoaderRegistry loaders) {
        this.service = service;
        loaders.<UUID, List<CourtCase>>forName(CASES_BY_DETAINEE).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> everyKey(ids, service.byDetainees(ids))));
        // Case.hearings and Case.nextHearing share this loader, so asking for both costs one query.
        loaders.<UUID, List<Hearing>>forName(HEARINGS_BY_CASE).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> everyKey(ids, service.hearings(ids))));
        // Cases read under a detainee prime this loader with that detainee (see cases below), so it
        // only reaches the database for cases read on their own: one query for a root field's case.
        loaders.<UUID, Detainee>forName(DETAINEE_BY_ID).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> {
                    Map<UUID, Detainee> found = new HashMap<>();
                    ids.forEach(id -> found.put(id, service.detaineeOf(id)));
                    return found;
                }));
    }

    @QueryMapping("case")
    CourtCase courtCase(@Argument UUID id) {
        return service.get(id);
    }

    @MutationMapping
    CourtCase openCase(@Argument OpenCaseInput input) {
        return service.open(input);
    }

    @MutationMapping
    CourtCase updateCase(@Argument UpdateCaseInput input) {
        return service.update(input);
    }

    @MutationMapping
    Charge addCharge(@Argument AddChargeInput input) {
        return service.addCharge(input);
    }

    @MutationMapping
    Charge recordChargeOutcome(@Argument RecordChargeOutcomeInput input) {
        return service.recordChargeOutcome(input);
    }

    @MutationMapping
    Hearing recordHearing(@Argument RecordHearingInput input) {
        return service.recordHearing(input);
    }

    @MutationMapping
    Sentence recordSentence(@Argument RecordSentenceInput input) {
        return service.recordSentence(input);
    }

    @SchemaMapping(typeName = "Detainee")
    CompletableFuture<List<CourtCase>> cases(Detainee detainee, DataFetchingEnvironment env) {
        DataLoader<UUID, Detainee> detainees = env.getDataLoader(DETAINEE_BY_ID);
        detainees.prime(detainee.id(), detainee);
        DataLoader<UUID, List<CourtCase>> loader = env.getDataLoader(CASES_BY_DETAINEE);
        return loader.load(detainee.id());
    }

    @SchemaMapping(typeName = "Case")
    CompletableFuture<Detainee> detainee(CourtCase courtCase, DataFetchingEnvironment env) {
        DataLoader<UUID, Detainee> loader = env.getDataLoader(DETAINEE_BY_ID);
        return loader.load(courtCase.detaineeId());
    }

    @BatchMapping(typeName = "Case")
    Map<CourtCase, List<Charge>> charges(List<CourtCase> courtCases) {
        Map<UUID, List<Charge>> all = service.charges(ids(courtCases));
        return valueOfEach(courtCases, c -> all.getOrDefault(c.id(), List.of()));
    }

    @BatchMapping(typeName = "Case")
    Map<CourtCase, List<Sentence>> sentences(List<CourtCase> courtCases) {
        Map<UUID, List<Sentence>> all = service.sentences(ids(courtCases));
        return valueOfEach(courtCases, c -> all.getOrDefault(c.id(), List.of()));
    }

    @SchemaMapping(typeName = "Case")
    CompletableFuture<List<Hearing>> hearings(CourtCase courtCase, DataFetchingEnvironment env) {
        return hearingsOf(courtCase, env);
    }

    /** The earliest hearing dated today or later; hearings come earliest first. */
    @SchemaMapping(typeName = "Case")
    CompletableFuture<Hearing> nextHearing(CourtCase courtCase, DataFetchingEnvironment env) {
        LocalDate today = LocalDate.now();
        return hearingsOf(courtCase, env).thenApply(hearings -> hearings.stream()
                .filter(h -> h.isOnOrAfter(today)).findFirst().orElse(null));
    }

    @SchemaMapping(typeName = "Charge")
    CompletableFuture<LegalProvision> provision(Charge charge, DataFetchingEnvironment env) {
        return ReferenceLoaders.legalProvision(env, charge.provisionId());
    }

    private static CompletableFuture<List<Hearing>> hearingsOf(CourtCase courtCase, DataFetchingEnvironment env) {
        DataLoader<UUID, List<Hearing>> loader = env.getDataLoader(HEARINGS_BY_CASE);
        return loader.load(courtCase.id());
    }

    /** A mapped batch loader must answer for every key: owners without rows get an empty list. */
    private static <T> Map<UUID, List<T>> everyKey(Collection<UUID> ids, Map<UUID, List<T>> found) {
        Map<UUID, List<T>> all = new HashMap<>();
        ids.forEach(id -> all.put(id, found.getOrDefault(id, List.of())));
        return all;
    }

    private static List<UUID> ids(Collection<CourtCase> courtCases) {
        return courtCases.stream().map(CourtCase::id).toList();
    }
}
