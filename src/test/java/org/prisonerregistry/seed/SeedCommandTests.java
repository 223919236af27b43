package org.prisonerregistry.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.CHARGE;
import static org.prisonerregistry.db.Tables.COURT_CASE;
import static org.prisonerregistry.db.Tables.CUSTODY_PERIOD;
import static org.prisonerregistry.db.Tables.DEFENDER;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.FACILITY;
import static org.prisonerregistry.db.Tables.LEGAL_PROVISION;
import static org.prisonerregistry.db.Tables.ORGANISATION;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prisonerregistry.cli.RegistryCommand;
import org.prisonerregistry.database.DatabaseProperties;
import org.prisonerregistry.db.tables.CustodyPeriod;
import org.prisonerregistry.detainee.ChileanRut;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.seed.DemoReferenceData.OrganisationSeed;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import picocli.CommandLine;

@RegistryIntegrationTest
class SeedCommandTests {

    @Autowired
    Actors actors;

    @Autowired
    DatabaseProperties database;

    @Autowired
    DSLContext db;

    record Period(String regime, String startsOn, String endsOn) {}

    record SeededDetention(String arrestedOn, String releasedOn, List<Period> custodyPeriods) {}

    record Document(String kind, String number) {}

    record SeededDetainee(String id, String publicCode, String country, String source, Document nationalId,
                          List<SeededDetention> detentions) {}

    /** The command as a user runs it, in this JVM, with its output captured. */
    private record Run(int exitCode, String out, String err) {}

    private Run seed(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new RegistryCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exitCode = command.execute(arguments);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /**
     * The detainees in the caseloads of the demo organisations, as their coordinators read them:
     * the seed puts every demo person in at least one of those caseloads, and the identity documents
     * checked here are RESTRICTED, which a coordinator reads and an ADMIN does not.
     */
    private List<SeededDetainee> allDetainees() {
        Map<String, SeededDetainee> all = new LinkedHashMap<>();
        for (OrganisationSeed organisation : DemoReferenceData.ORGANISATIONS) {
            HttpGraphQlTester coordinator = actors.as("demo-coordinator-" + organisation.code().toLowerCase(),
                    Role.COORDINATOR, organisation.code());
            String after = null;
            boolean more = true;
            while (more) {
                var page = coordinator.documentName("seededDetainees").variable("after", after).execute();
                page.path("detainees.edges[*].node").entityList(SeededDetainee.class).get()
                        .forEach(d -> all.putIfAbsent(d.id(), d));
                more = page.path("detainees.pageInfo.hasNextPage").entity(Boolean.class).get();
                if (more) {
                    after = page.path("detainees.pageInfo.endCursor").entity(String.class).get();
                }
            }
        }
        return new ArrayList<>(all.values());
    }

    @Test
    void shouldAttachToTheRunningServersDatabaseAndAddDetaineesThatTheApiSees() {
        String dataDir = "--registry.data-dir=" + database.dataDir();
        Set<String> before = allDetainees().stream().map(SeededDetainee::id).collect(Collectors.toSet());
        int facilitiesBefore = db.fetchCount(FACILITY);

        Run first = seed("seed", "--detainees", "200", "--random-seed", "7", dataDir);
        // The same seed again: new people with the same names, not a clash of ids or reference rows.
        Run second = seed("seed", "--detainees", "200", "--random-seed", "7", dataDir);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.out()).containsPattern("Seeded 200 detainees \\(and \\d+ related rows\\) in [\\d.]+ s "
                + "\\(\\d+ detainees/s\\) with random seed 7");
        List<SeededDetainee> seeded = allDetainees().stream().filter(d -> !before.contains(d.id())).toList();
        assertThat(seeded).hasSize(400).allSatisfy(d -> assertThat(d.source()).isEqualTo(DemoDataGenerator.SOURCE));
        assertThat(db.fetchCount(FACILITY) - facilitiesBefore).isBetween(0, DemoReferenceData.FACILITIES.size());
        assertThat(db.fetchCount(ORGANISATION, ORGANISATION.CODE.startsWith("DEMO-")))
                .isEqualTo(DemoReferenceData.ORGANISATIONS.size());

        assertThat(seeded).extracting(SeededDetainee::country).containsOnly("CL", "BY").contains("CL", "BY");
        assertThat(seeded).allSatisfy(person -> {
            assertThat(person.publicCode()).matches(person.country() + "-20\\d\\d-\\d{6}");
            assertThat(person.detentions()).isNotEmpty().allSatisfy(detention -> {
                List<Period> periods = detention.custodyPeriods();
                assertThat(periods).filteredOn(p -> p.endsOn() == null).hasSize(1);
                assertThat(periods.getFirst().startsOn()).isEqualTo(detention.arrestedOn());
                Period open = periods.getLast();
                assertThat(open.endsOn()).isNull();
                assertThat(detention.releasedOn())
                        .isEqualTo(open.regime().startsWith("RELEASED") ? open.startsOn() : null);
            });
            if (person.nationalId() != null && person.nationalId().kind().equals("CL_RUT")) {
                assertThat(ChileanRut.normalise(person.nationalId().number())).contains(person.nationalId().number());
            }
        });
        assertThat(seeded).filteredOn(d -> d.nationalId() != null && d.nationalId().kind().equals("CL_RUT"))
                .hasSizeGreaterThan(150);
    }

    @Test
    void shouldLeaveEveryRowConsistentAcrossTables() {
        Run run = seed("seed", "--detainees", "300", "--random-seed", "11", "--registry.data-dir=" + database.dataDir());
        assertThat(run.exitCode()).as(run.err()).isZero();

        // Each closed custody period is followed by one that starts on the day it ends.
        CustodyPeriod next = CUSTODY_PERIOD.as("next");
        assertThat(db.fetchCount(db.selectFrom(CUSTODY_PERIOD).where(CUSTODY_PERIOD.ENDS_ON.isNotNull())
                .andNotExists(DSL.selectOne().from(next).where(next.DETENTION_ID.eq(CUSTODY_PERIOD.DETENTION_ID))
                        .and(next.STARTS_ON.eq(CUSTODY_PERIOD.ENDS_ON)).and(next.ID.ne(CUSTODY_PERIOD.ID))))).isZero();
        // Charges invoke the law of the country of the case.
        assertThat(db.fetchCount(db.select(CHARGE.ID).from(CHARGE)
                .join(COURT_CASE).on(COURT_CASE.ID.eq(CHARGE.CASE_ID))
                .join(LEGAL_PROVISION).on(LEGAL_PROVISION.ID.eq(CHARGE.PROVISION_ID))
                .where(LEGAL_PROVISION.COUNTRY.ne(COURT_CASE.COUNTRY)))).isZero();
        // Nothing happens after the demo's day.
        assertThat(db.fetchCount(CUSTODY_PERIOD, CUSTODY_PERIOD.STARTS_ON.gt(DemoDataGenerator.AS_OF)
                .or(CUSTODY_PERIOD.ENDS_ON.gt(DemoDataGenerator.AS_OF)))).isZero();
        assertThat(db.fetchCount(FACILITY, FACILITY.NAME.eq("Santiago 1")
                .and(FACILITY.OPERATOR.eq("PRIVATE_CONCESSION")))).isEqualTo(1);
    }

    @Test
    void shouldWriteNothingWhenARunFailsPartway() {
        int detainees = db.fetchCount(DETAINEE);
        int defenders = db.fetchCount(DEFENDER);
        // Without this provision the generator fails at the first Belarusian charge, after rows were written.
        db.update(LEGAL_PROVISION).set(LEGAL_PROVISION.CODE, "BY-CC-342-HIDDEN").where(LEGAL_PROVISION.CODE.eq("BY-CC-342")).execute();
        try {
            Run run = seed("seed", "--detainees", "20000", "--random-seed", "5", "--registry.data-dir=" + database.dataDir());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Seeding failed: The demo data needs the legal provision BY-CC-342");
        } finally {
            db.update(LEGAL_PROVISION).set(LEGAL_PROVISION.CODE, "BY-CC-342").where(LEGAL_PROVISION.CODE.eq("BY-CC-342-HIDDEN")).execute();
        }
        assertThat(db.fetchCount(DETAINEE)).isEqualTo(detainees);
        assertThat(db.fetchCount(DEFENDER)).isEqualTo(defenders);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1000001"})
    void shouldRefuseANumberOfDetaineesOutOfRangeWithAClearMessage(String detainees) {
        int before = db.fetchCount(DETAINEE);

        Run run = seed("seed", "--detainees", detainees, "--registry.data-dir=" + database.dataDir());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--detainees must be between 1 and 1,000,000 (was " + detainees + ")");
        assertThat(run.out()).doesNotContain("Seeded");
        assertThat(db.fetchCount(DETAINEE)).isEqualTo(before);
    }

    @Test
    void shouldRefuseANumberOfDetaineesThatIsNotANumberOrMissing() {
        Run notANumber = seed("seed", "--detainees", "many");
        Run missing = seed("seed", "--random-seed", "7");

        assertThat(notANumber.exitCode()).isNotZero();
        assertThat(notANumber.err()).contains("--detainees").contains("many");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("Missing required option: '--detainees=N'");
    }
}
