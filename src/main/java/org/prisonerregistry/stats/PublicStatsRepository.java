package org.prisonerregistry.stats;

import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.prisonerregistry.db.Tables.CUSTODY_PERIOD;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.DETENTION;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.prisonerregistry.db.tables.Detention;
import org.prisonerregistry.detention.Regime;
import org.springframework.stereotype.Repository;

@Repository
class PublicStatsRepository {

    private final DSLContext db;

    PublicStatsRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * People by country and current regime, in one query: the regime of the open custody period of
     * each person's most recent detention (latest arrest, ties by id), the rule that the detainee
     * filter's {@code regime} follows too. People without any detention have no regime and are not counted.
     */
    List<RegimeCount> peopleByCountryAndRegime() {
        Detention later = DETENTION.as("later");
        // Distinct people, so that a detention with two open periods by mistake cannot count one person twice in a cell.
        Field<Integer> people = countDistinct(DETAINEE.ID);
        return db.select(DETAINEE.COUNTRY, CUSTODY_PERIOD.REGIME, people)
                .from(DETAINEE)
                .join(DETENTION).on(DETENTION.DETAINEE_ID.eq(DETAINEE.ID))
                .join(CUSTODY_PERIOD).on(CUSTODY_PERIOD.DETENTION_ID.eq(DETENTION.ID)).and(CUSTODY_PERIOD.ENDS_ON.isNull())
                .where(notExists(selectOne().from(later)
                        .where(later.DETAINEE_ID.eq(DETENTION.DETAINEE_ID))
                        .and(later.ARRESTED_ON.gt(DETENTION.ARRESTED_ON)
                                .or(later.ARRESTED_ON.eq(DETENTION.ARRESTED_ON).and(later.ID.gt(DETENTION.ID))))))
                .groupBy(DETAINEE.COUNTRY, CUSTODY_PERIOD.REGIME)
                .fetch(r -> new RegimeCount(r.get(DETAINEE.COUNTRY), Regime.valueOf(r.get(CUSTODY_PERIOD.REGIME)),
                        r.get(people)));
    }
}
