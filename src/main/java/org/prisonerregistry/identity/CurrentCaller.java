package org.prisonerregistry.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller of the request being served, for services and controllers. Spring for GraphQL carries
 * the security context to data fetchers, so this works inside a {@code @QueryMapping} too.
 */
@Component
public class CurrentCaller {

    /** The authenticated caller, or the anonymous caller for anything else (fail closed). */
    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication callerAuthentication && callerAuthentication.isAuthenticated()) {
            return callerAuthentication.caller();
        }
        return Caller.anonymousCaller();
    }
}
