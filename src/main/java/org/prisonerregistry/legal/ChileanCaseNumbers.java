package org.prisonerregistry.legal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes of Chilean case numbers. Only the shape is checked: the RUC's check digit is computed
 * by the Public Prosecutor's own rules, which the registry does not need to verify.
 */
final class ChileanCaseNumbers {

    /** Rol Único de Causa: the prosecutor's number, e.g. 1910012345-6. */
    private static final Pattern RUC = Pattern.compile("\\d{7,10}-[0-9K]");
    /** Rol Interno del Tribunal: procedure letter(s), number and year, e.g. O-1234-2020. */
    private static final Pattern RIT = Pattern.compile("[A-Z]{1,3}-\\d{1,6}-\\d{4}");
    /** The press and many court documents write "RIT 1234-2020", without the procedure letter. */
    private static final Pattern RIT_WITHOUT_LETTER = Pattern.compile("RIT \\d{1,6}-\\d{4}");

    private ChileanCaseNumbers() {
    }

    /** The RUC in upper case without surrounding blanks, or empty if it does not have the shape. */
    static Optional<String> ruc(String text) {
        return matching(RUC, text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    /** The RIT in upper case with single spaces, or empty if it has neither accepted shape. */
    static Optional<String> rit(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normal = text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return matching(RIT, normal).or(() -> matching(RIT_WITHOUT_LETTER, normal));
    }

    private static Optional<String> matching(Pattern pattern, String text) {
        return text != null && pattern.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }
}
