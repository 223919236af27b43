package org.prisonerregistry.identity;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Controller;

/** The {@code me} root field: the caller as the access token describes them. */
@Controller
class MeController {

    private final CurrentCaller currentCaller;

    MeController(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    @QueryMapping
    Me me() {
        Caller caller = currentCaller.get();
        if (!caller.hasAnyRole()) {
            // The anonymous filter answers 401 before GraphQL runs; should it ever let one through,
            // fail closed (Spring for GraphQL classifies this as UNAUTHORIZED) rather than describe nobody.
            throw new AuthenticationCredentialsNotFoundException("Authentication required");
        }
        return Me.of(caller);
    }
}
