package org.prisonerregistry.access;

import graphql.GraphqlErrorBuilder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.prisonerregistry.audit.AccessAuditor;
import org.prisonerregistry.audit.AccessTrail;
import org.prisonerregistry.identity.Caller;
import org.prisonerregistry.identity.CurrentCaller;
import org.prisonerregistry.keys.OpenedPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the caller and the stated purpose of each GraphQL request where the field policy reads them,
 * and, once the operation ran, writes its audit events before the answer leaves and destroys the
 * data keys unwrapped for it. An answer whose events cannot be written is replaced by an error
 * without data (fail closed).
 */
@Component
class AccessContextInterceptor implements WebGraphQlInterceptor {

    static final String PURPOSE_HEADER = "X-Access-Purpose";
    /** A purpose is a sentence for the audit log, not a document. */
    static final int MAX_PURPOSE_LENGTH = 500;
    /** Column width of the audit log's subject, organisation and operation name. */
    private static final int MAX_NAME_LENGTH = 255;

    private static final Logger log = LoggerFactory.getLogger(AccessContextInterceptor.class);

    private final CurrentCaller currentCaller;
    private final AccessAuditor auditor;

    AccessContextInterceptor(CurrentCaller currentCaller, AccessAuditor auditor) {
        this.currentCaller = currentCaller;
        this.auditor = auditor;
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
        Caller caller = currentCaller.get();
        AccessTrail trail = new AccessTrail(accessor(caller, request, purpose));
        OpenedPages openedPages = new OpenedPages();
        AccessContext access = new AccessContext(caller, purpose, trail, openedPages);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(AccessContext.KEY, access)).build());
        // every field is resolved by now: the data keys unwrapped for the answer are overwritten
        return chain.next(request).map(response -> audited(trail, response)).doFinally(signal -> openedPages.close());
    }

    private WebGraphQlResponse audited(AccessTrail trail, WebGraphQlResponse response) {
        boolean alert;
        try {
            alert = auditor.recordOperation(trail);
        } catch (RuntimeException e) {
            log.error("Audit: the events of an operation could not be written ({}); its answer is withheld",
                    e.getClass().getSimpleName());
            return withheld(response, ErrorType.INTERNAL_ERROR,
                    "This access could not be recorded in the audit log, so nothing is returned");
        }
        return alert ? withheld(response, ErrorType.FORBIDDEN, "This request read SPECIAL data of more persons in a short "
                + "time than the registry allows one account; an alert was raised, and your SPECIAL reads are refused "
                + "until a protection officer clears it") : response;
    }

    private static WebGraphQlResponse withheld(WebGraphQlResponse response, ErrorType type, String message) {
        return response.transform(b -> b.data(null)
                .errors(List.of(GraphqlErrorBuilder.newError().errorType(type).message(message).build())));
    }

    private static AccessTrail.Accessor accessor(Caller caller, WebGraphQlRequest request, String purpose) {
        InetSocketAddress remote = request.getRemoteAddress();
        String clientAddress = remote == null ? null
                : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        String subject = caller.anonymous() ? AccessAuditor.ANONYMOUS_SUBJECT : caller.subject();
        return new AccessTrail.Accessor(cut(subject), caller.roles().stream().map(Enum::name).toList(),
                cut(caller.organisation()), clientAddress, cut(request.getOperationName()), sha256(request.getDocument()),
                purpose);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_NAME_LENGTH ? value : value.substring(0, MAX_NAME_LENGTH);
    }

    private static String sha256(String document) {
        if (document == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
