package org.prisonerregistry.identity;

/**
 * Where the requests refused before GraphQL runs are accounted for (the audit log). Implementations
 * must not throw: the refusal stands whether or not it could be recorded.
 */
public interface RefusalLog {

    /** A bearer token failed validation; nothing it claims is trusted, so no subject is known. */
    void tokenRejected(String clientAddress);

    /** A caller was refused at the door: anonymous asking for more than public data, or an acting role not granted. */
    void requestRefused(Caller caller, String clientAddress);
}
