package org.prisonerregistry.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.detention.Regime.HOUSE_ARREST_NIGHT;
import static org.prisonerregistry.detention.Regime.HOUSE_ARREST_TOTAL;
import static org.prisonerregistry.detention.Regime.POLICE_CUSTODY;
import static org.prisonerregistry.detention.Regime.PRETRIAL_DETENTION;
import static org.prisonerregistry.detention.Regime.RELEASED;
import static org.prisonerregistry.detention.Regime.SERVING_SENTENCE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.detention.Regime;

class DisclosureControlTests {

    private static final int K = 5;

    @Test
    void shouldPublishEveryCountAtOrAboveTheThreshold() {
        List<StatsCell> cells = DisclosureControl.apply(List.of(count("CL", RELEASED, 12), count("CL", PRETRIAL_DETENTION, 5)), K);

        assertThat(cells).containsExactly(
                StatsCell.shown("CL", PRETRIAL_DETENTION, 5),
                StatsCell.shown("CL", RELEASED, 12));
    }

    @Test
    void shouldWithholdALoneSmallCountTogetherWithTheSmallestOtherCountOfItsCountry() {
        List<StatsCell> cells = DisclosureControl.apply(List.of(
                count("CL", POLICE_CUSTODY, 4),
                count("CL", PRETRIAL_DETENTION, 30),
                count("CL", HOUSE_ARREST_TOTAL, 9),
                count("CL", RELEASED, 200)), K);

        assertThat(cells).containsExactly(
                StatsCell.withheld("CL", POLICE_CUSTODY),
                StatsCell.shown("CL", PRETRIAL_DETENTION, 30),
                StatsCell.withheld("CL", HOUSE_ARREST_TOTAL),
                StatsCell.shown("CL", RELEASED, 200));
    }

    @Test
    void shouldAddNoComplementWhenTwoCountsOfACountryAreWithheldAlready() {
        List<StatsCell> cells = DisclosureControl.apply(List.of(
                count("BY", POLICE_CUSTODY, 1),
                count("BY", SERVING_SENTENCE, 2),
                count("BY", RELEASED, 6)), K);

        assertThat(cells).containsExactly(
                StatsCell.withheld("BY", POLICE_CUSTODY),
                StatsCell.withheld("BY", SERVING_SENTENCE),
                StatsCell.shown("BY", RELEASED, 6));
    }

    @Test
    void shouldSuppressEachCountryOnItsOwn() {
        List<StatsCell> cells = DisclosureControl.apply(List.of(
                count("CL", PRETRIAL_DETENTION, 3),
                count("CL", RELEASED, 8),
                count("BY", PRETRIAL_DETENTION, 7),
                count("BY", RELEASED, 8)), K);

        assertThat(cells).as("Belarus keeps its 7 although Chile's complement is 8").containsExactly(
                StatsCell.shown("BY", PRETRIAL_DETENTION, 7),
                StatsCell.shown("BY", RELEASED, 8),
                StatsCell.withheld("CL", PRETRIAL_DETENTION),
                StatsCell.withheld("CL", RELEASED));
    }

    @Test
    void shouldWithholdALoneSmallCountEvenWithoutAnotherCellToHideWithIt() {
        assertThat(DisclosureControl.apply(List.of(count("UY", PRETRIAL_DETENTION, 2)), K))
                .containsExactly(StatsCell.withheld("UY", PRETRIAL_DETENTION));
    }

    @Test
    void shouldBreakTiesForTheComplementByRegimeOrderSoRepeatedReadsHideTheSameCells() {
        List<RegimeCount> counts = List.of(
                count("CL", RELEASED, 6),
                count("CL", HOUSE_ARREST_NIGHT, 6),
                count("CL", POLICE_CUSTODY, 2));

        assertThat(DisclosureControl.apply(counts, K)).containsExactly(
                StatsCell.withheld("CL", POLICE_CUSTODY),
                StatsCell.withheld("CL", HOUSE_ARREST_NIGHT),
                StatsCell.shown("CL", RELEASED, 6));
        assertThat(DisclosureControl.apply(counts.reversed(), K)).isEqualTo(DisclosureControl.apply(counts, K));
    }

    @Test
    void shouldLeaveOutCellsWithNobodyInThemAndNotCountThemAsPublished() {
        List<StatsCell> cells = DisclosureControl.apply(List.of(
                count("CL", POLICE_CUSTODY, 0),
                count("CL", PRETRIAL_DETENTION, 2),
                count("CL", RELEASED, 9)), K);

        assertThat(cells).containsExactly(
                StatsCell.withheld("CL", PRETRIAL_DETENTION),
                StatsCell.withheld("CL", RELEASED));
    }

    @Test
    void shouldFollowTheConfiguredThreshold() {
        List<RegimeCount> counts = List.of(count("CL", PRETRIAL_DETENTION, 5), count("CL", HOUSE_ARREST_TOTAL, 12),
                count("CL", RELEASED, 10));

        assertThat(DisclosureControl.apply(counts, 5)).extracting(StatsCell::withheld).containsOnly(false);
        assertThat(DisclosureControl.apply(counts, 10)).containsExactly(
                StatsCell.withheld("CL", PRETRIAL_DETENTION),
                StatsCell.shown("CL", HOUSE_ARREST_TOTAL, 12),
                StatsCell.withheld("CL", RELEASED));
    }

    private static RegimeCount count(String country, Regime regime, int people) {
        return new RegimeCount(country, regime, people);
    }
}
