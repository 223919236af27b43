package org.prisonerregistry.stats;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code publicStats} root field, the one that callers without a token may read. */
@Controller
class PublicStatsController {

    private final PublicStatsService service;

    PublicStatsController(PublicStatsService service) {
        this.service = service;
    }

    @QueryMapping
    PublicStats publicStats() {
        return service.publicStats();
    }
}
