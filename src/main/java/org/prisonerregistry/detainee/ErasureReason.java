package org.prisonerregistry.detainee;

/**
 * Why a person was erased, as a category. Free text could itself name the person or their
 * situation, and could not be encrypted under a key that erasure destroys, so only a category is
 * kept; any detail belongs in the audit log's record of the request.
 */
public enum ErasureReason {
    /** The person, or someone acting for them, asked to be removed. */
    PERSON_REQUEST,
    /** The person withdrew consent to being recorded. */
    CONSENT_WITHDRAWN,
    /** Keeping the data endangers the person or others. */
    SAFETY,
    /** The person was recorded by mistake. */
    RECORDED_IN_ERROR,
    /** The record duplicates another one of the same person. */
    DUPLICATE,
    /** A court order or a law requires it. */
    LEGAL_OBLIGATION,
    /** Any other reason. */
    OTHER
}
