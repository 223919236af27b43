package org.prisonerregistry.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.prisonerregistry.common.Connection;
import org.prisonerregistry.common.ForbiddenException;
import org.prisonerregistry.common.InvalidInputException;
import org.prisonerregistry.common.NotFoundException;
import org.prisonerregistry.common.PageRequest;
import org.prisonerregistry.defender.DefenderLogins;
import org.prisonerregistry.identity.Caller;
import org.prisonerregistry.identity.CurrentCaller;
import org.prisonerregistry.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit log and handling alerts: an auditor reads every event, a protection officer
 * those about defenders, a defender who accessed their own record; a protection officer clears alerts.
 */
@Service
@Transactional(readOnly = true)
class AuditLogService {

    static final String EVENT_CURSOR = "audit-event";
    static final String ACCESS_LOG_CURSOR = "access-log";

    private final AuditEventSearch search;
    private final AccessAlertRepository alerts;
    private final AccessAuditor auditor;
    private final DefenderLogins defenderLogins;
    private final CurrentCaller currentCaller;

    AuditLogService(AuditEventSearch search, AccessAlertRepository alerts, AccessAuditor auditor,
                    DefenderLogins defenderLogins, CurrentCaller currentCaller) {
        this.search = search;
        this.alerts = alerts;
        this.auditor = auditor;
        this.defenderLogins = defenderLogins;
        this.currentCaller = currentCaller;
    }

    Connection<AuditEventEntry> events(AuditEventFilter filter, PageRequest page) {
        AuditEventFilter f = filter == null ? AuditEventFilter.NONE : filter;
        Caller caller = currentCaller.get();
        List<String> touched = new ArrayList<>();
        if (f.detaineeId() != null) {
            touched.add(auditor.touchedSubject(DataSubject.detainee(f.detaineeId())));
        }
        if (f.defenderId() != null) {
            touched.add(auditor.touchedSubject(DataSubject.defender(f.defenderId())));
        }
        Condition matching = AuditEventSearch.matching(f, touched);
        if (!caller.hasRole(Role.AUDITOR)) {
            if (!caller.hasRole(Role.PROTECTION_OFFICER)) {
                throw new ForbiddenException("The audit log is for auditors and protection officers");
            }
            matching = matching.and(AuditEventSearch.aboutDefenders());
        }
        return page(matching, page, EVENT_CURSOR);
    }

    /** The events that touched the caller's own defender record; none for a caller who is no defender. */
    Connection<AuditEventEntry.AccessLogEntry> myAccessLog(PageRequest page) {
        Optional<UUID> ownRecord = defenderLogins.defenderIdOf(currentCaller.get().subject());
        if (ownRecord.isEmpty()) {
            return Connection.fromRows(List.of(), page.size(), page.afterKey() != null, e -> "", null);
        }
        Condition touched = AuditEventSearch.touched(auditor.touchedSubject(DataSubject.defender(ownRecord.get())));
        Connection<AuditEventEntry> events = page(touched, page, ACCESS_LOG_CURSOR);
        return new Connection<>(events.edges().stream()
                .map(e -> new Connection.Edge<>(e.cursor(), e.node().forDefender())).toList(), events.pageInfo(), null);
    }

    List<AccessAlert> openAlerts() {
        return alerts.open();
    }

    @Transactional
    AccessAlert clearAlert(String account) {
        if (account == null || account.isBlank() || account.length() > 255) {
            throw new InvalidInputException("account", "must be the subject of an account, 1 to 255 characters");
        }
        return alerts.clear(account, currentCaller.get().subject(), OffsetDateTime.now())
                .orElseThrow(() -> new NotFoundException("open access alert for the account", account));
    }

    private Connection<AuditEventEntry> page(Condition matching, PageRequest page, String cursorKind) {
        Long before = page.afterKey() == null ? null : sequence(page.afterKey());
        List<AuditEventEntry> rows = search.newestFirst(matching, before, page.size() + 1);
        return Connection.fromRows(rows, page.size(), before != null, e -> PageRequest.cursor(cursorKind, e.sequence()), null);
    }

    private static Long sequence(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "is not a cursor of this list");
        }
    }
}
