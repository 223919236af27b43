package org.prisonerregistry.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.COURT_CASE;
import static org.prisonerregistry.db.Tables.CUSTODY_PERIOD;
import static org.prisonerregistry.db.Tables.DEFENDER;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.DETAINEE_NAME_INDEX;
import static org.prisonerregistry.db.Tables.DETENTION;
import static org.prisonerregistry.db.Tables.DISBURSEMENT;
import static org.prisonerregistry.db.Tables.SENTENCE;
import static org.prisonerregistry.db.Tables.SUPPORT_NEED;
import static org.prisonerregistry.db.Tables.THREAT;
import static org.prisonerregistry.support.StoredCiphertexts.assertSealed;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;
import org.prisonerregistry.seed.DemoBatch.CaseRow;
import org.prisonerregistry.seed.DemoBatch.CustodyPeriodRow;
import org.prisonerregistry.seed.DemoBatch.DefenderRow;
import org.prisonerregistry.seed.DemoBatch.DetaineeRow;
import org.prisonerregistry.seed.DemoBatch.DetentionRow;
import org.prisonerregistry.seed.DemoBatch.DisbursementRow;
import org.prisonerregistry.seed.DemoBatch.SentenceRow;
import org.prisonerregistry.seed.DemoBatch.SupportNeedRow;
import org.prisonerregistry.seed.DemoBatch.ThreatRow;
import org.prisonerregistry.detainee.DetaineeBlindIndexes;
import org.prisonerregistry.detainee.NationalIdKind;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.SubjectOpener;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.StoredCiphertexts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * COPY's binary format written by hand must give back every value exactly, the encrypted ones once
 * opened with the keys written in the same load; each test rolls back.
 */
@RegistryIntegrationTest
class DemoDataWriterTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    FieldSealing sealing;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldStoreEveryGeneratedValueExactlyAsGenerated() {
        // One Spring transaction, rolled back at the end: FieldSealing (jOOQ on the same data source)
        // then reads the data keys this load wrote on the same connection, before anyone else could.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                DemoDataWriter writer = new DemoDataWriter(connection);
                writer.insertMissingReferenceData();
                long[] codes = writer.nextPublicCodeNumbers(300);
                DemoDataGenerator generator = new DemoDataGenerator(3, codes[0], writer.references(), DemoDataGenerator.AS_OF);
                DemoBatch defenders = generator.defenders(8);
                DemoBatch people = generator.detainees(codes);

                long written = writer.load(DemoDataWriter.encode(defenders, sealing)) + writer.load(DemoDataWriter.encode(people, sealing));

                DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
                List<UUID> ids = people.detainees().stream().map(DetaineeRow::id).toList();
                int nameIndexes = db.fetchCount(DETAINEE_NAME_INDEX, DETAINEE_NAME_INDEX.DETAINEE_ID.in(ids));
                // Each of the 8 defenders and 300 detainees also gets a wrapped data key, and each detainee
                // at least one name index (full name, then each alias).
                assertThat(nameIndexes).isGreaterThanOrEqualTo(300);
                assertThat(written).isEqualTo(defenders.relatedRowCount() + people.relatedRowCount() + 300 + 308 + nameIndexes);
                // Read back through the keys the load wrote, as the repositories read them.
                try (SubjectOpener opener = sealing.openerFor(ids)) {
                    assertThat(db.selectFrom(DETAINEE).where(DETAINEE.ID.in(ids)).fetch(r -> new DetaineeRow(r.getId(),
                            r.getPublicCode(), r.getCountry(), opener.open(DETAINEE.FULL_NAME, r.getId(), r.getId(), r.getFullName()),
                            opener.open(DETAINEE.ALIASES, r.getId(), r.getId(), r.getAliases()), r.getNationalIdKind(),
                            opener.open(DETAINEE.NATIONAL_ID, r.getId(), r.getId(), r.getNationalId()),
                            opener.openDate(DETAINEE.DATE_OF_BIRTH, r.getId(), r.getId(), r.getDateOfBirth()),
                            r.getBirthYear(), r.getGender(), r.getNationality(), r.getRegion(), r.getCommune(),
                            r.getAffiliation(), opener.open(DETAINEE.FAMILY_CONTACT, r.getId(), r.getId(), r.getFamilyContact()),
                            r.getConsentToBeNamed(), opener.open(DETAINEE.NOTES, r.getId(), r.getId(), r.getNotes()),
                            r.getLastContactOn(), r.getSource(), r.getRecordedAt(), r.getUpdatedAt())))
                            .containsExactlyInAnyOrderElementsOf(people.detainees());
                }
                // The blind indexes find each seeded person as the registry would look them up.
                DetaineeBlindIndexes indexes = new DetaineeBlindIndexes(sealing);
                for (DetaineeRow d : people.detainees()) {
                    byte[] name = indexes.names(d.fullName(), List.of()).getFirst();
                    assertThat(db.fetchExists(DETAINEE_NAME_INDEX, DETAINEE_NAME_INDEX.DETAINEE_ID.eq(d.id())
                            .and(DETAINEE_NAME_INDEX.NAME_INDEX.eq(name)))).as("name index of " + d.publicCode()).isTrue();
                    if (d.nationalId() != null) {
                        assertThat(db.select(DETAINEE.NATIONAL_ID_INDEX).from(DETAINEE).where(DETAINEE.ID.eq(d.id())).fetchOne().value1())
                                .isEqualTo(indexes.nationalId(NationalIdKind.valueOf(d.nationalIdKind()), d.nationalId()).orElseThrow());
                    }
                }
                assertThat(db.selectFrom(DISBURSEMENT).where(DISBURSEMENT.DETAINEE_ID.in(ids)).fetch(r ->
                        new DisbursementRow(r.getId(), r.getDetaineeId(), r.getPaidById(), r.getSponsorshipId(),
                                r.getPaidOn(), r.getAmount(), r.getCurrency(), r.getCategory(), r.getRecordedAt())))
                        .containsExactlyInAnyOrderElementsOf(people.disbursements());
                List<UUID> caseIds = people.cases().stream().map(DemoBatch.CaseRow::id).toList();
                assertThat(db.selectFrom(SENTENCE).where(SENTENCE.CASE_ID.in(caseIds)).fetch(r -> new SentenceRow(
                        r.getId(), r.getCaseId(), r.getImposedOn(), r.getCourt(), r.getTermYears(), r.getTermMonths(),
                        r.getTermDays(), r.getRegime(), r.getStartsOn(), r.getFineAmount(), r.getFineCurrency(),
                        r.getAppealStatus(), r.getSource(), r.getRecordedAt())))
                        .containsExactlyInAnyOrderElementsOf(people.sentences());
                List<UUID> detentionIds = people.detentions().stream().map(DemoBatch.DetentionRow::id).toList();
                assertThat(db.selectFrom(CUSTODY_PERIOD).where(CUSTODY_PERIOD.DETENTION_ID.in(detentionIds)).fetch(r ->
                        new CustodyPeriodRow(r.getId(), r.getDetentionId(), r.getRegime(), r.getFacilityId(),
                                r.getStartsOn(), r.getEndsOn(), r.getSource(), r.getRecordedAt())))
                        .containsExactlyInAnyOrderElementsOf(people.custodyPeriods());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Detentions, cases and needs are sealed under each person's key, loaded in the same COPY: read
     * back raw in the loading transaction (so that FieldSealing sees the new keys), then opened.
     */
    @Test
    void shouldSealDetentionsCasesAndNeedsUnderEachPersonsKey() {
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            DemoBatch people = loadPeople(connection, 100);
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            List<UUID> ids = people.detainees().stream().map(DetaineeRow::id).toList();

            var detentions = db.selectFrom(DETENTION).where(DETENTION.DETAINEE_ID.in(ids)).fetch();
            var cases = db.selectFrom(COURT_CASE).where(COURT_CASE.DETAINEE_ID.in(ids)).fetch();
            var needs = db.selectFrom(SUPPORT_NEED).where(SUPPORT_NEED.DETAINEE_ID.in(ids)).fetch();
            assertThat(detentions).anySatisfy(r -> assertThat(r.getIllTreatmentAccount()).isNotNull());
            assertThat(cases).anySatisfy(r -> assertThat(r.getLegalNotes()).isNotNull());
            assertThat(needs).anySatisfy(r -> assertThat(r.getDescription()).isNotNull());
            assertThat(detentions).allSatisfy(r -> assertStoredAsCiphertext(r.getIllTreatmentAccount()));
            assertThat(cases).allSatisfy(r -> {
                assertStoredAsCiphertext(r.getRuc());
                assertStoredAsCiphertext(r.getRit());
                assertStoredAsCiphertext(r.getCaseNumber());
                assertStoredAsCiphertext(r.getLegalNotes());
            });
            assertThat(needs).allSatisfy(r -> assertStoredAsCiphertext(r.getDescription()));

            try (SubjectOpener opener = sealing.openerFor(ids)) {
                assertThat(detentions.map(r -> new DetentionRow(r.getId(), r.getDetaineeId(), r.getArrestedOn(),
                        r.getArrestPlace(), r.getEvent(), r.getIllTreatmentAlleged(),
                        opener.open(DETENTION.ILL_TREATMENT_ACCOUNT, r.getId(), r.getDetaineeId(), r.getIllTreatmentAccount()),
                        r.getReleasedOn(), r.getSource(), r.getRecordedAt())))
                        .containsExactlyInAnyOrderElementsOf(people.detentions());
                assertThat(cases.map(r -> new CaseRow(r.getId(), r.getDetaineeId(), r.getCountry(), r.getCourt(),
                        opener.open(COURT_CASE.RUC, r.getId(), r.getDetaineeId(), r.getRuc()),
                        opener.open(COURT_CASE.RIT, r.getId(), r.getDetaineeId(), r.getRit()),
                        opener.open(COURT_CASE.CASE_NUMBER, r.getId(), r.getDetaineeId(), r.getCaseNumber()),
                        r.getProsecutor(), r.getStage(),
                        opener.open(COURT_CASE.LEGAL_NOTES, r.getId(), r.getDetaineeId(), r.getLegalNotes()),
                        r.getSource(), r.getRecordedAt())))
                        .containsExactlyInAnyOrderElementsOf(people.cases());
                assertThat(needs.map(r -> new SupportNeedRow(r.getId(), r.getDetaineeId(), r.getCategory(),
                        opener.open(SUPPORT_NEED.DESCRIPTION, r.getId(), r.getDetaineeId(), r.getDescription()),
                        r.getStatus(), r.getRecordedOn(), r.getRecordedAt())))
                        .containsExactlyInAnyOrderElementsOf(people.supportNeeds());
            }
        });
    }

    /**
     * Defenders and threats are stored sealed under each defender's key, which the same load writes;
     * opened through {@link FieldSealing} they give back the generated text exactly. The load runs in
     * a Spring transaction (rolled back), so FieldSealing reads the uncommitted keys on its connection.
     */
    @Test
    void shouldSealDefendersAndThreatsUnderEachDefendersOwnKey() {
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            DemoBatch defenders = seedDefenders(connection, 8);
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            List<UUID> ids = defenders.defenders().stream().map(DefenderRow::id).toList();
            var defenderRows = db.selectFrom(DEFENDER).where(DEFENDER.ID.in(ids)).fetch();
            var threatRows = db.selectFrom(THREAT).where(THREAT.DEFENDER_ID.in(ids)).fetch();
            assertThat(threatRows).hasSameSizeAs(defenders.threats()).isNotEmpty();
            for (DefenderRow generated : defenders.defenders()) {
                byte[] stored = defenderRows.stream().filter(r -> r.getId().equals(generated.id())).findFirst()
                        .orElseThrow().getFullName();
                assertSealed(stored, generated.fullName());
            }

            try (SubjectOpener opener = sealing.openerFor(ids)) {
                assertThat(defenderRows.map(r -> new DefenderRow(r.getId(), r.getOrganisationId(),
                        opener.open(DEFENDER.FULL_NAME, r.getId(), r.getId(), r.getFullName()), r.getKind(),
                        r.getLoginSubject(), opener.open(DEFENDER.CONTACT, r.getId(), r.getId(), r.getContact()),
                        r.getRiskLevel(),
                        opener.open(DEFENDER.PROTECTIVE_MEASURES, r.getId(), r.getId(), r.getProtectiveMeasures()),
                        r.getRecordedAt())))
                        .containsExactlyInAnyOrderElementsOf(defenders.defenders());
                assertThat(threatRows.map(r -> new ThreatRow(r.getId(), r.getDefenderId(), r.getOccurredOn(),
                        r.getKind(), r.getChannel(),
                        opener.open(THREAT.DESCRIPTION, r.getId(), r.getDefenderId(), r.getDescription()),
                        r.getReportedToAuthorities(),
                        opener.open(THREAT.FOLLOW_UP, r.getId(), r.getDefenderId(), r.getFollowUp()),
                        r.getSource(), r.getRecordedAt())))
                        .containsExactlyInAnyOrderElementsOf(defenders.threats());
            }
        });
    }

    private DemoBatch loadPeople(Connection connection, int count) {
        try {
            DemoDataWriter writer = new DemoDataWriter(connection);
            writer.insertMissingReferenceData();
            long[] codes = writer.nextPublicCodeNumbers(count);
            DemoBatch people = new DemoDataGenerator(5, codes[0], writer.references(), DemoDataGenerator.AS_OF)
                    .detainees(codes);
            writer.load(DemoDataWriter.encode(people, sealing));
            return people;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the demo batch", e);
        }
    }

    private static void assertStoredAsCiphertext(byte[] stored) {
        if (stored != null) {
            assertThat(stored[0]).isEqualTo(StoredCiphertexts.FORMAT_VERSION);
        }
    }

    private DemoBatch seedDefenders(Connection connection, int count) {
        try {
            DemoDataWriter writer = new DemoDataWriter(connection);
            writer.insertMissingReferenceData();
            DemoBatch defenders = new DemoDataGenerator(5, System.nanoTime(), writer.references(), DemoDataGenerator.AS_OF)
                    .defenders(count);
            writer.load(DemoDataWriter.encode(defenders, sealing));
            return defenders;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.5", "7.05", "12345.67", "10000", "24000.00", "1597000.00", "99999999.99",
            "100000000", "-1.05"})
    void shouldEncodeNumbersExactlyAsPostgresqlDoes(String number) throws Exception {
        ByteArrayOutputStream postgres = new ByteArrayOutputStream();
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy (select " + number + "::numeric) to stdout with (format binary)", postgres);
        }
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        DemoDataWriter.numeric(new DataOutputStream(ours), new BigDecimal(number));

        // PostgreSQL's stream: a 19-byte header, the field count (2 bytes), the field, a 2-byte trailer.
        byte[] stream = postgres.toByteArray();
        assertThat(ours.toByteArray()).isEqualTo(Arrays.copyOfRange(stream, 21, stream.length - 2));
    }
}
