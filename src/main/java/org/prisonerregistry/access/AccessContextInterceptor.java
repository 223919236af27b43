package org.prisonerregistry.access;

import java.util.Map;
import org.prisonerregistry.identity.CurrentCaller;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the caller and the stated purpose of each GraphQL request where the field policy reads them. */
@Component
class AccessContextInterceptor implements WebGraphQlInterceptor {

    static final String PURPOSE_HEADER = "X-Access-Purpose";
    /** A purpose is a sentence for the audit log, not a document. */
    static final int MAX_PURPOSE_LENGTH = 500;

    private final CurrentCaller currentCaller;

    AccessContextInterceptor(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String purpose = request.getHeaders().getFirst(PURPOSE_HEADER);
        if (purpose != null) {
            purpose = purpose.strip();
            if (purpose.isEmpty() || purpose.length() > MAX_PURPOSE_LENGTH) {
                purpose = null; // treated as no purpose: SPECIAL fields then say what is missing
            }
        }
        AccessContext access = new AccessContext(currentCaller.get(), purpose);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(AccessContext.KEY, access)).build());
        return chain.next(request);
    }
}
