package org.prisonerregistry.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.prisonerregistry.common.ForbiddenException;
import org.prisonerregistry.common.InvalidInputException;
import org.prisonerregistry.common.NotFoundException;
import org.prisonerregistry.common.StaleVersionException;
import org.prisonerregistry.crypto.DecryptionFailedException;
import org.prisonerregistry.keys.SubjectErasedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns the domain's expected outcomes into GraphQL errors with {@code extensions.classification}.
 * Anything not handled here becomes Spring for GraphQL's generic INTERNAL_ERROR, which carries no
 * stack trace, SQL or value.
 */
@ControllerAdvice
class ErrorClassificationAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorClassificationAdvice.class);

    @GraphQlExceptionHandler
    List<GraphQLError> invalidInput(InvalidInputException e, DataFetchingEnvironment env) {
        return e.violations().stream()
                .map(v -> error(env, ErrorType.BAD_REQUEST, v.toString(), Map.of("field", v.field(), "reason", v.reason())))
                .toList();
    }

    /** Arguments that could not be converted (a malformed ID, date or number): name the field only. */
    @GraphQlExceptionHandler
    List<GraphQLError> unconvertible(BindException e, DataFetchingEnvironment env) {
        return e.getFieldErrors().stream()
                .map(f -> error(env, ErrorType.BAD_REQUEST, f.getField() + ": is not a valid value",
                        Map.of("field", f.getField(), "reason", "is not a valid value")))
                .toList();
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(NotFoundException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.NOT_FOUND, e.getMessage(), Map.of());
    }

    @GraphQlExceptionHandler
    GraphQLError forbidden(ForbiddenException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.FORBIDDEN, e.getMessage(), Map.of());
    }

    @GraphQlExceptionHandler
    GraphQLError staleVersion(StaleVersionException e, DataFetchingEnvironment env) {
        return error(env, RegistryErrorType.CONFLICT, e.getMessage(), Map.of());
    }

    /** A unique constraint hit by a concurrent write: the message from the driver may quote values, so drop it. */
    @GraphQlExceptionHandler
    GraphQLError duplicate(DuplicateKeyException e, DataFetchingEnvironment env) {
        return error(env, RegistryErrorType.CONFLICT, "A record with the same unique values already exists", Map.of());
    }

    /**
     * Any other database failure. PostgreSQL's messages quote the values involved ("Failing row
     * contains (…)", "Key (national_id)=(…)"), so neither the answer nor the log may carry the
     * message: the log gets the exception type and the SQLSTATE only, under an id the answer names.
     */
    @GraphQlExceptionHandler
    GraphQLError database(DataAccessException e, DataFetchingEnvironment env) {
        String incident = UUID.randomUUID().toString();
        log.error("Database error {} in {}: {} (SQLSTATE {})", incident, env.getExecutionStepInfo().getPath(),
                e.getClass().getSimpleName(), sqlState(e));
        return error(env, ErrorType.INTERNAL_ERROR, "The registry could not complete this request (incident " + incident + ")",
                Map.of());
    }

    /** Personal data about an erased person: a bad request, said without naming anything personal. */
    @GraphQlExceptionHandler
    GraphQLError erased(SubjectErasedException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, e.getMessage(), Map.of("reason", "erased"));
    }

    /**
     * A stored field that does not decrypt (tampered, copied from elsewhere, key missing) or a key that
     * does not unwrap: fail closed with a clear error. The message names the column only, never a value.
     */
    @GraphQlExceptionHandler
    GraphQLError undecryptable(DecryptionFailedException e, DataFetchingEnvironment env) {
        String incident = UUID.randomUUID().toString();
        log.error("Decryption failure {} in {}: {}", incident, env.getExecutionStepInfo().getPath(), e.getMessage());
        return error(env, ErrorType.INTERNAL_ERROR, "Encrypted data could not be read, so none is returned: " + e.getMessage()
                + " (incident " + incident + ")", Map.of());
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "unknown";
    }

    private static GraphQLError error(DataFetchingEnvironment env, graphql.ErrorClassification type, String message,
                                      Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .extensions(extensions.isEmpty() ? null : Map.copyOf(extensions))
                .build();
    }
}
