package org.prisonerregistry.common;

/** One rejected input field: its path in the input (e.g. {@code input.nationalId.number}) and why. */
public record FieldViolation(String field, String reason) {
    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
