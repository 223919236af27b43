package org.prisonerregistry.api;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives errors that graphql-java raises before any data fetcher runs (syntax, validation, variable
 * coercion) the registry's BAD_REQUEST classification. Variable coercion messages quote the
 * rejected value, which may be a date of birth or an ID number, so they are cut before the quote.
 */
@Component
class RequestErrorClassifier implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> response.getExecutionResult().getErrors().stream()
                .anyMatch(RequestErrorClassifier::isRequestError)
                ? response.transform(b -> b.errors(reclassified(response.getExecutionResult().getErrors())))
                : response);
    }

    private static List<GraphQLError> reclassified(List<GraphQLError> errors) {
        return errors.stream().map(e -> isRequestError(e)
                ? GraphqlErrorBuilder.newError()
                        .message(withoutValue(e.getMessage()))
                        .locations(e.getLocations())
                        .path(e.getPath())
                        .errorType(ErrorType.BAD_REQUEST)
                        .build()
                : e).toList();
    }

    private static boolean isRequestError(GraphQLError e) {
        ErrorClassification type = e.getErrorType();
        return type == graphql.ErrorType.ValidationError || type == graphql.ErrorType.InvalidSyntax;
    }

    /** "Variable 'input' has an invalid value: Invalid … : '1999-13-01'" keeps only what precedes the value. */
    static String withoutValue(String message) {
        if (message == null) {
            return "Invalid request";
        }
        int quote = message.indexOf(" : '");
        if (quote < 0) {
            quote = message.indexOf(": '");
        }
        return quote < 0 ? message : message.substring(0, quote).strip() + " (value not shown)";
    }
}
