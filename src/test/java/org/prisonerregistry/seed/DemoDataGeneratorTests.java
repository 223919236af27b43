package org.prisonerregistry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.detainee.ChileanRut;
import org.prisonerregistry.seed.DemoBatch.CustodyPeriodRow;
import org.prisonerregistry.seed.DemoBatch.DetaineeRow;
import org.prisonerregistry.seed.DemoBatch.DetentionRow;

/** The generator on its own, without a database: determinism and the shape of what it invents. */
class DemoDataGeneratorTests {

    private static DemoReferences references;
    private static DemoBatch people;

    /** Ids for every facility, organisation and provision the generator may name, as a database would give them. */
    @BeforeAll
    static void generateFiveThousandPeople() throws IOException {
        Map<String, UUID> facilities = new HashMap<>();
        DemoReferenceData.FACILITIES.forEach(f -> facilities.put(f.key(), UUID.randomUUID()));
        Map<String, UUID> organisations = new HashMap<>();
        DemoReferenceData.ORGANISATIONS.forEach(o -> organisations.put(o.code(), UUID.randomUUID()));
        Map<String, UUID> provisions = new HashMap<>();
        provisionCodesOfTheCatalogueMigration().forEach(code -> provisions.put(code, UUID.randomUUID()));
        references = new DemoReferences(facilities, organisations, provisions);
        people = generate(2026, 1, 5_000);
    }

    private static DemoBatch generate(long seed, long salt, int count) {
        DemoDataGenerator generator = new DemoDataGenerator(seed, salt, references, DemoDataGenerator.AS_OF);
        DemoBatch defenders = generator.defenders(20);
        DemoBatch detainees = generator.detainees(LongStream.rangeClosed(salt, salt + count - 1).toArray());
        detainees.defenders().addAll(defenders.defenders());
        detainees.threats().addAll(defenders.threats());
        return detainees;
    }

    private static Set<String> provisionCodesOfTheCatalogueMigration() throws IOException {
        try (InputStream in = DemoDataGeneratorTests.class.getResourceAsStream("/db/migration/V2__legal_provision_catalogue.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("'((?:CL|BY)-[A-Z0-9-]+)'").matcher(sql);
            Set<String> codes = new HashSet<>();
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        }
    }

    @Test
    void shouldGenerateExactlyTheSameRowsFromTheSameSeedAndSalt() {
        assertThat(generate(7, 100, 300)).isEqualTo(generate(7, 100, 300));
    }

    @Test
    void shouldKeepThePeopleButChangeTheIdsWhenOnlyTheSaltDiffers() {
        DemoBatch first = generate(7, 100, 300);
        DemoBatch otherRun = generate(7, 5_000, 300);

        assertThat(names(otherRun)).isEqualTo(names(first));
        assertThat(otherRun.detainees()).extracting(d -> d.publicCode().substring(0, 8))
                .isEqualTo(first.detainees().stream().map(d -> d.publicCode().substring(0, 8)).toList());
        assertThat(otherRun.detainees()).extracting(DetaineeRow::id).doesNotContainAnyElementsOf(
                first.detainees().stream().map(DetaineeRow::id).toList());
    }

    @Test
    void shouldInventOtherPeopleFromAnotherSeed() {
        assertThat(names(generate(8, 100, 300))).isNotEqualTo(names(generate(7, 100, 300)));
    }

    private static List<String> names(DemoBatch batch) {
        return batch.detainees().stream().map(DetaineeRow::fullName).toList();
    }

    @Test
    void shouldSplitPeopleBetweenChileAndBelarusAboutSixtyToForty() {
        long chile = people.detainees().stream().filter(d -> d.country().equals("CL")).count();
        assertThat(chile / (double) people.detainees().size()).isBetween(0.58, 0.66);
    }

    @Test
    void shouldGiveChileanRutsValidCheckDigitsAndBelarusianPassportsTheirSeries() {
        List<DetaineeRow> ruts = people.detainees().stream().filter(d -> "CL_RUT".equals(d.nationalIdKind())).toList();
        assertThat(ruts).hasSizeGreaterThan(2_500)
                .allSatisfy(d -> assertThat(ChileanRut.normalise(d.nationalId())).contains(d.nationalId()));
        assertThat(people.detainees()).filteredOn(d -> "BY_PASSPORT".equals(d.nationalIdKind()))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.nationalId()).matches("(MP|MC|AB|HB|KH|KB|BM)\\d{7}"));
    }

    @Test
    void shouldNumberPublicCodesByCountryAndYearOfTheFirstArrest() {
        Map<UUID, LocalDate> firstArrest = people.detentions().stream().collect(Collectors.toMap(
                DetentionRow::detaineeId, DetentionRow::arrestedOn, (a, b) -> a.isBefore(b) ? a : b));
        assertThat(people.detainees()).allSatisfy(d -> {
            assertThat(d.publicCode()).matches("(CL|BY)-20\\d\\d-\\d{6}").startsWith(d.country() + "-"
                    + firstArrest.get(d.id()).getYear() + "-");
            if (d.dateOfBirth() != null) {
                assertThat(d.birthYear()).isEqualTo(d.dateOfBirth().getYear());
            }
        });
        assertThat(people.detainees()).filteredOn(d -> d.country().equals("CL"))
                .allSatisfy(d -> assertThat(firstArrest.get(d.id())).isBetween("2019-10-18", "2020-03-31"));
        assertThat(people.detainees()).filteredOn(d -> d.country().equals("BY"))
                .allSatisfy(d -> assertThat(firstArrest.get(d.id())).isAfterOrEqualTo("2020-08-09"));
    }

    @Test
    void shouldChainCustodyPeriodsWithExactlyOneOpenPeriodPerDetention() {
        Map<UUID, List<CustodyPeriodRow>> periods = people.custodyPeriods().stream()
                .collect(Collectors.groupingBy(CustodyPeriodRow::detentionId));
        Map<UUID, DetentionRow> detentions = people.detentions().stream()
                .collect(Collectors.toMap(DetentionRow::id, Function.identity()));
        assertThat(periods.keySet()).isEqualTo(detentions.keySet());
        periods.forEach((detentionId, list) -> {
            DetentionRow detention = detentions.get(detentionId);
            assertThat(list.getFirst().startsOn()).isEqualTo(detention.arrestedOn());
            assertThat(list).filteredOn(p -> p.endsOn() == null).singleElement()
                    .isEqualTo(list.getLast());
            for (int i = 0; i + 1 < list.size(); i++) {
                assertThat(list.get(i).endsOn()).isEqualTo(list.get(i + 1).startsOn())
                        .isAfter(list.get(i).startsOn());
            }
            CustodyPeriodRow open = list.getLast();
            boolean released = open.regime().startsWith("RELEASED");
            assertThat(detention.releasedOn()).isEqualTo(released ? open.startsOn() : null);
            assertThat(open.startsOn()).isBeforeOrEqualTo(DemoDataGenerator.AS_OF);
        });
    }

    @Test
    void shouldLeaveMostPeopleReleasedButSomeStillHeldInEachCountry() {
        Map<UUID, String> country = people.detainees().stream().collect(Collectors.toMap(DetaineeRow::id, DetaineeRow::country));
        Map<UUID, String> detentionCountry = people.detentions().stream()
                .collect(Collectors.toMap(DetentionRow::id, d -> country.get(d.detaineeId())));
        Map<String, Long> heldByCountry = people.custodyPeriods().stream()
                .filter(p -> p.endsOn() == null && !p.regime().startsWith("RELEASED"))
                .collect(Collectors.groupingBy(p -> detentionCountry.get(p.detentionId()), Collectors.counting()));
        assertThat(heldByCountry.get("CL")).isPositive();
        assertThat(heldByCountry.get("BY")).isPositive();
        assertThat(heldByCountry.values().stream().mapToLong(Long::longValue).sum())
                .isLessThan(people.detainees().size() / 3);
    }

    @Test
    void shouldChargeOnlyUnderTheLawsOfTheCountryAndTheAntiBarricadesLawOnlyAfterItsPublication() {
        Map<UUID, String> codeById = new HashMap<>();
        references.provisionIds().forEach((code, id) -> codeById.put(id, code));
        Map<UUID, String> caseCountry = people.cases().stream()
                .collect(Collectors.toMap(DemoBatch.CaseRow::id, DemoBatch.CaseRow::country));
        assertThat(people.charges()).allSatisfy(c ->
                assertThat(codeById.get(c.provisionId())).startsWith(caseCountry.get(c.caseId()) + "-"));

        Map<UUID, LocalDate> lastArrest = people.detentions().stream().collect(Collectors.toMap(
                DetentionRow::detaineeId, DetentionRow::arrestedOn, (a, b) -> a.isAfter(b) ? a : b));
        Map<UUID, UUID> caseDetainee = people.cases().stream()
                .collect(Collectors.toMap(DemoBatch.CaseRow::id, DemoBatch.CaseRow::detaineeId));
        assertThat(people.charges()).filteredOn(c -> codeById.get(c.provisionId()).equals("CL-LEY-21208"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(lastArrest.get(caseDetainee.get(c.caseId()))).isAfterOrEqualTo("2020-01-30"));
    }

    @Test
    void shouldPayInPesosInChileAndInEurosDollarsOrRoublesForBelarus() {
        Map<UUID, String> country = people.detainees().stream().collect(Collectors.toMap(DetaineeRow::id, DetaineeRow::country));
        assertThat(people.disbursements()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.amount()).isPositive();
            assertThat(d.currency()).isIn(country.get(d.detaineeId()).equals("CL") ? Set.of("CLP") : Set.of("EUR", "USD", "BYN"));
        });
        assertThat(people.disbursements()).extracting(DemoBatch.DisbursementRow::category)
                .contains("LAWYER_FEES", "FINES_AND_BONDS", "LABORATORY_ANALYSIS", "EXPERT_REPORTS", "BASIC_NEEDS");
    }

    @Test
    void shouldUseOnlyReservedExampleAddressesForContacts() {
        assertThat(people.detainees()).filteredOn(d -> d.familyContact() != null).isNotEmpty()
                .allSatisfy(d -> assertThat(d.familyContact()).matches(".+: .+, [a-z]+\\.[a-z]+\\d\\d@example\\.org"));
        assertThat(people.defenders()).allSatisfy(d -> assertThat(d.contact()).endsWith("@example.org"));
    }
}
