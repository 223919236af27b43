package org.prisonerregistry.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prisonerregistry.identity.DevelopmentIssuer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a token lifetime such as {@code 30m}, {@code 1h} or {@code 2d}, at most seven days. */
final class TokenLifetime implements ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})([smhd])");

    @Override
    public Duration convert(String value) {
        Matcher matcher = FORM.matcher(value.strip());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a lifetime; write it like 30m, 1h or 2d");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration lifetime = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (lifetime.isZero()) {
            throw new TypeConversionException("a token's lifetime must be more than zero");
        }
        if (lifetime.compareTo(DevelopmentIssuer.MAX_LIFETIME) > 0) {
            throw new TypeConversionException("a development token lives at most 7d");
        }
        return lifetime;
    }
}
