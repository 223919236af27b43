package org.prisonerregistry.api;

import graphql.ErrorClassification;

/** Classifications that Spring for GraphQL's {@code ErrorType} lacks. */
public enum RegistryErrorType implements ErrorClassification {
    /** A stale version or a duplicate: the caller must reload and decide again. */
    CONFLICT
}
