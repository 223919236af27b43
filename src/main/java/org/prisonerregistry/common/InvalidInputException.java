package org.prisonerregistry.common;

import java.util.List;

/**
 * Input that breaks a rule of the domain. The message names the fields and the reasons, never the
 * rejected values, which may be sensitive.
 */
public final class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldViolation(field, reason)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
