package org.prisonerregistry.common;

import org.springframework.graphql.data.ArgumentValue;

/** How the services read optional input fields, the same way everywhere. */
public final class Inputs {

    private Inputs() {
    }

    /** Text as stored: trimmed, and null when nothing but white space was given. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The new value of an update field: the old one when the field was left out, else what was given (maybe null). */
    public static <T> T pick(ArgumentValue<T> given, T old) {
        return given.isOmitted() ? old : given.value();
    }

    /** Whether an update field was given explicitly as null, which asks to clear it. */
    public static boolean isNullGiven(ArgumentValue<?> value) {
        return !value.isPresent() && !value.isOmitted();
    }
}
