package org.prisonerregistry.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.prisonerregistry.detention.Regime;

/**
 * Withholds the counts of a country-by-regime table that could single people out.
 *
 * <p>A count below the threshold k is withheld (primary suppression). No totals are published, but a
 * country's total may be known elsewhere (a campaign's own figure, a later release of more
 * statistics), and a country row with one withheld cell would give that cell away as the total
 * minus the rest. So when exactly one cell of a row is withheld, the smallest other cell of that row
 * is withheld too (complementary suppression); a row with two or more withheld cells only reveals
 * their sum. Ties go to the first regime in declaration order, so the same data always hides the
 * same cells and repeated reads tell nothing more.
 */
final class DisclosureControl {

    private static final Comparator<RegimeCount> SMALLEST_FIRST =
            Comparator.comparingInt(RegimeCount::people).thenComparing(RegimeCount::regime);

    private DisclosureControl() {
    }

    /** The published cells, ordered by country and then regime; cells of no people are left out. */
    static List<StatsCell> apply(List<RegimeCount> counts, int threshold) {
        Map<String, List<RegimeCount>> rows = counts.stream()
                .filter(c -> c.people() > 0)
                .collect(Collectors.groupingBy(RegimeCount::country, TreeMap::new, Collectors.toList()));
        List<StatsCell> cells = new ArrayList<>();
        rows.forEach((country, row) -> cells.addAll(publishRow(country, row, threshold)));
        return List.copyOf(cells);
    }

    private static List<StatsCell> publishRow(String country, List<RegimeCount> row, int threshold) {
        Set<Regime> withheld = EnumSet.noneOf(Regime.class);
        row.stream().filter(c -> c.people() < threshold).forEach(c -> withheld.add(c.regime()));
        if (withheld.size() == 1) {
            row.stream().filter(c -> !withheld.contains(c.regime())).min(SMALLEST_FIRST)
                    .ifPresent(complement -> withheld.add(complement.regime()));
        }
        return row.stream()
                .sorted(Comparator.comparing(RegimeCount::regime))
                .map(c -> withheld.contains(c.regime())
                        ? StatsCell.withheld(country, c.regime())
                        : StatsCell.shown(country, c.regime(), c.people()))
                .toList();
    }
}
