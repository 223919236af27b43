package org.prisonerregistry.stats;

import org.prisonerregistry.detention.Regime;

/**
 * One published cell of a statistics table: a count, or no count when disclosure control withheld it.
 *
 * @param count    the number of people; null when withheld
 * @param withheld true when the count is not published
 */
public record StatsCell(String country, Regime regime, Integer count, boolean withheld) {

    public StatsCell {
        if (withheld == (count != null)) {
            throw new IllegalArgumentException("A cell has a count exactly when it is not withheld");
        }
    }

    static StatsCell shown(String country, Regime regime, int count) {
        return new StatsCell(country, regime, count, false);
    }

    static StatsCell withheld(String country, Regime regime) {
        return new StatsCell(country, regime, null, true);
    }
}
