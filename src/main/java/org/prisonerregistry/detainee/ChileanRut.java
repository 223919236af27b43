package org.prisonerregistry.detainee;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chilean Rol Único Tributario/Nacional: a body of up to 8 digits and a modulo-11 check digit
 * (0–9 or K). Accepts the usual spellings (12.345.678-5, 12345678-5, 123456785) and returns the
 * normal form {@code 12345678-5}.
 */
public final class ChileanRut {

    private static final Pattern SPELLING = Pattern.compile("(\\d{1,2}(?:\\.?\\d{3}){2}|\\d{1,8})-?([0-9kK])");

    private ChileanRut() {
    }

    /** The normal form, or empty if the text is not a RUT or its check digit does not match. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SPELLING.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = m.group(1).replace(".", "").replaceFirst("^0+(?=\\d)", "");
        char given = Character.toUpperCase(m.group(2).charAt(0));
        return checkDigit(body) == given ? Optional.of(body + "-" + given) : Optional.empty();
    }

    /** The check digit of a RUT body: weights 2..7 from the right, 11 minus the sum modulo 11. */
    public static char checkDigit(String body) {
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            sum += (body.charAt(i) - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        int digit = 11 - sum % 11;
        return digit == 11 ? '0' : digit == 10 ? 'K' : (char) ('0' + digit);
    }
}
