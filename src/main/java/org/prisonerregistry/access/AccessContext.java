package org.prisonerregistry.access;

import org.prisonerregistry.audit.AccessTrail;
import org.prisonerregistry.identity.Caller;
import org.prisonerregistry.keys.OpenedPages;

/**
 * What the field policy needs to know about a request: who calls, in which role, and the purpose
 * they stated for reading SPECIAL data (null when none), and the trail of sensitive fields it reads
 * for the audit log, and the pages whose sealed values it opened, closed when it ends. Fixed once
 * per request, in the request's own thread, so that fields resolved later on other threads see the
 * same caller.
 */
record AccessContext(Caller caller, String purpose, AccessTrail trail, OpenedPages openedPages) {

    static final String KEY = AccessContext.class.getName();

    /** The one role the request acts in, or null: none, or several without X-Acting-Role. */
    String actingRole() {
        return caller.roles().size() == 1 ? caller.roles().iterator().next().name() : null;
    }
}
