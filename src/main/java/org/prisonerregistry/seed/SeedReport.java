package org.prisonerregistry.seed;

import java.time.Duration;
import java.util.Locale;

/** What a seeding run wrote and how long it took. */
public record SeedReport(int detainees, long relatedRows, Duration elapsed, long randomSeed) {

    /** One line for the console, e.g. "Seeded 100 detainees (and 1520 related rows) in 0.4 s (250 detainees/s) …". */
    public String summary() {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        return String.format(Locale.ROOT, "Seeded %d detainees (and %d related rows) in %.1f s (%d detainees/s) with random seed %d",
                detainees, relatedRows, seconds, Math.round(detainees / seconds), randomSeed);
    }
}
