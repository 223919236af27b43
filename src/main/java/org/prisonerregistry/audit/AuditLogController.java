package org.prisonerregistry.audit;

import java.util.List;
import org.prisonerregistry.common.Connection;
import org.prisonerregistry.common.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The audit log's queries and the alert mutation. */
@Controller
class AuditLogController {

    private final AuditLogService service;

    AuditLogController(AuditLogService service) {
        this.service = service;
    }

    @QueryMapping
    Connection<AuditEventEntry> auditEvents(@Argument AuditEventFilter filter, @Argument Integer first, @Argument String after) {
        return service.events(filter, PageRequest.of(first, after, AuditLogService.EVENT_CURSOR));
    }

    @QueryMapping
    Connection<AuditEventEntry.AccessLogEntry> myAccessLog(@Argument Integer first, @Argument String after) {
        return service.myAccessLog(PageRequest.of(first, after, AuditLogService.ACCESS_LOG_CURSOR));
    }

    @QueryMapping
    List<AccessAlert> accessAlerts() {
        return service.openAlerts();
    }

    @MutationMapping
    AccessAlert clearAccessAlert(@Argument String account) {
        return service.clearAlert(account);
    }
}
