package org.prisonerregistry.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every violation in an input before rejecting it, so a caller learns all that is wrong
 * at once. Reasons never quote the value: it may be a name or an ID number.
 */
public final class Violations {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String reason) {
        found.add(new FieldViolation(field, reason));
        return this;
    }

    public Violations required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
        }
        return this;
    }

    public Violations maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "is longer than " + max + " characters");
        }
        return this;
    }

    public Violations requiredText(String field, String value, int max) {
        return required(field, value).maxLength(field, value, max);
    }

    public Violations country(String field, String value) {
        if (value != null && !COUNTRY.matcher(value).matches()) {
            add(field, "must be an ISO 3166-1 alpha-2 country code such as CL or BY");
        }
        return this;
    }

    public Violations currency(String field, String value) {
        if (value != null && !CURRENCY.matcher(value).matches()) {
            add(field, "must be an ISO 4217 currency code such as CLP, EUR or USD");
        }
        return this;
    }

    public Violations notInFuture(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            add(field, "is in the future");
        }
        return this;
    }

    /** {@code later} must not come before {@code earlier}; both may be absent. */
    public Violations notBefore(String laterField, LocalDate later, String earlierField, LocalDate earlier) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            add(laterField, "is before " + earlierField);
        }
        return this;
    }

    public Violations positive(String field, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            add(field, "must be greater than zero");
        }
        return this;
    }

    public Violations notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            add(field, "must not be negative");
        }
        return this;
    }

    public Violations range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "must be between " + min + " and " + max);
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws {@link InvalidInputException} naming every violation found, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
