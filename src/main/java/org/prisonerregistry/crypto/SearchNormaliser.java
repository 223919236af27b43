package org.prisonerregistry.crypto;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns the spellings of one value into one normal form before blind indexing; empty when the text is no such value. */
@FunctionalInterface
public interface SearchNormaliser {

    Optional<String> normalise(String raw);

    /**
     * An identity document number: upper case, everything but letters and digits dropped
     * ("mp 123-456" → "MP123456"); empty when nothing is left. Checks no document's own rules: callers
     * validate first (a Chilean RUT's check digit, say) and give this the normal form.
     */
    static SearchNormaliser documentNumber() {
        Pattern noise = Pattern.compile("[^\\p{L}\\p{N}]+");
        return raw -> {
            if (raw == null) {
                return Optional.empty();
            }
            String normal = noise.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
            return normal.isEmpty() ? Optional.empty() : Optional.of(normal);
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
}
