package org.prisonerregistry.crypto;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the spellings of one value into one normal form before blind indexing; empty when the text is no such value. */
@FunctionalInterface
public interface SearchNormaliser {

    Optional<String> normalise(String raw);

    /**
     * A Chilean RUT as body digits and upper-case check digit, no dots, dash or leading zeros
     * ("12.345.678-k" → "12345678K"); empty when the modulo-11 check digit does not match.
     */
    static SearchNormaliser chileanRut() {
        Pattern spelling = Pattern.compile("(\\d{1,2}(?:\\.?\\d{3}){2}|\\d{1,8})-?([0-9kK])");
        return raw -> {
            if (raw == null) {
                return Optional.empty();
            }
            Matcher m = spelling.matcher(raw.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            String body = m.group(1).replace(".", "").replaceFirst("^0+(?=\\d)", "");
            char given = Character.toUpperCase(m.group(2).charAt(0));
            return rutCheckDigit(body) == given ? Optional.of(body + given) : Optional.empty();
        };
    }

    /** A person's name case- and accent-folded (NFD, marks stripped, lower case), whitespace collapsed: "  José  MUÑOZ " → "jose munoz". */
    static SearchNormaliser personName() {
        Pattern marks = Pattern.compile("\\p{M}+");
        Pattern space = Pattern.compile("\\s+");
        return raw -> {
            if (raw == null) {
                return Optional.empty();
            }
            String folded = marks.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
            String normal = space.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
            return normal.isEmpty() ? Optional.empty() : Optional.of(normal);
        };
    }

    /** Modulo 11 with weights 2..7 from the right; 10 is K, 11 is 0. */
    private static char rutCheckDigit(String body) {
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
