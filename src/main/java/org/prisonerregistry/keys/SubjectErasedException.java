package org.prisonerregistry.keys;

/**
 * Personal data was to be written about a person whose data key erasure destroyed. Refused, so an
 * erased person does not quietly become identifiable again under a new key.
 */
public class SubjectErasedException extends RuntimeException {

    public SubjectErasedException() {
        super("This person's personal data was erased; nothing personal can be recorded about them again");
    }
}
