package org.prisonerregistry.defender;

import static org.prisonerregistry.common.Batches.valueOfEach;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.prisonerregistry.common.Connection;
import org.prisonerregistry.common.PageRequest;
import org.prisonerregistry.defender.DefenderInputs.CreateDefenderInput;
import org.prisonerregistry.defender.DefenderInputs.RecordThreatInput;
import org.prisonerregistry.defender.DefenderInputs.UpdateDefenderInput;
import org.prisonerregistry.defender.DefenderInputs.UpdateThreatFollowUpInput;
import org.prisonerregistry.reference.Organisation;
import org.prisonerregistry.reference.ReferenceLoaders;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Defender and threat queries and mutations. A defender's organisation, threats and last threat
 * date are batched, so a page of defenders costs one query per field however long it is.
 */
@Controller
class DefenderController {

    private final DefenderService service;

    DefenderController(DefenderService service) {
        this.service = service;
    }

    @QueryMapping
    Defender defender(@Argument UUID id) {
        return service.get(id);
    }

    @QueryMapping
    Connection<Defender> defenders(@Argument DefenderFilter filter, @Argument Integer first, @Argument String after) {
        return service.page(filter, PageRequest.of(first, after, DefenderService.CURSOR_KIND));
    }

    /** Counted only when a client asks for it, with the page's own filter. */
    @SchemaMapping(typeName = "DefenderConnection")
    int totalCount(Connection<Defender> connection) {
        return service.count((DefenderFilter) connection.query());
    }

    @MutationMapping
    Defender createDefender(@Argument CreateDefenderInput input) {
        return service.create(input);
    }

    @MutationMapping
    Defender updateDefender(@Argument UpdateDefenderInput input) {
        return service.update(input);
    }

    @MutationMapping
    Threat recordThreat(@Argument RecordThreatInput input) {
        return service.recordThreat(input);
    }

    @MutationMapping
    Threat updateThreatFollowUp(@Argument UpdateThreatFollowUpInput input) {
        return service.updateFollowUp(input);
    }

    @SchemaMapping
    CompletableFuture<Organisation> organisation(Defender defender, DataFetchingEnvironment env) {
        return ReferenceLoaders.organisation(env, defender.organisationId());
    }

    @BatchMapping
    Map<Defender, List<Threat>> threats(List<Defender> defenders) {
        Map<UUID, List<Threat>> all = service.threats(ids(defenders));
        return valueOfEach(defenders, d -> all.getOrDefault(d.id(), List.of()));
    }

    /** Batched on its own rather than derived from {@code threats}, so asking for the date reads no threat's text. */
    @BatchMapping
    Map<Defender, LocalDate> lastThreatOn(List<Defender> defenders) {
        Map<UUID, LocalDate> all = service.lastThreatOn(ids(defenders));
        return valueOfEach(defenders, d -> all.get(d.id()));
    }

    private static List<UUID> ids(List<Defender> defenders) {
        return defenders.stream().map(Defender::id).distinct().toList();
    }
}
