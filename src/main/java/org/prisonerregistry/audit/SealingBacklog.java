package org.prisonerregistry.audit;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Holds new events back for a moment while the sealers are behind. Staging an event costs a
 * request far less than sealing it, so without this, writers on a busy machine could stage faster
 * than the sealers seal and the wait for a place in the log would grow without bound; with it, an
 * event waits about a second at most, and requests slow to the pace the log can be sealed at.
 */
@Component
public class SealingBacklog {

    /** Staged events older than this mean the sealers are behind. */
    static final Duration BEHIND_AFTER = Duration.ofMillis(500);
    /** The longest a request is held back; after it the event is staged anyway (the sealer logs the lag). */
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(1);

    private volatile boolean behind;

    /** Called by the sealer after each round with how long the oldest staged event has waited. */
    void observe(Duration oldestWaiting) {
        behind = oldestWaiting.compareTo(BEHIND_AFTER) > 0;
    }

    /** Waits while the sealers are behind, at most {@link #LONGEST_HOLD}. */
    void awaitRoom() {
        long deadline = System.nanoTime() + LONGEST_HOLD.toNanos();
        while (behind && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
