package org.prisonerregistry.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.CUSTODY_PERIOD;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.DETAINEE_NAME_INDEX;
import static org.prisonerregistry.db.Tables.DISBURSEMENT;
import static org.prisonerregistry.db.Tables.SENTENCE;
import static org.prisonerregistry.db.Tables.THREAT;

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
import org.prisonerregistry.seed.DemoBatch.CustodyPeriodRow;
import org.prisonerregistry.seed.DemoBatch.DetaineeRow;
import org.prisonerregistry.seed.DemoBatch.DisbursementRow;
import org.prisonerregistry.seed.DemoBatch.SentenceRow;
import org.prisonerregistry.seed.DemoBatch.ThreatRow;
import org.prisonerregistry.detainee.DetaineeBlindIndexes;
import org.prisonerregistry.detainee.NationalIdKind;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.SubjectOpener;
import org.prisonerregistry.support.RegistryIntegrationTest;
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
                List<UUID> defenderIds = defenders.defenders().stream().map(DemoBatch.DefenderRow::id).toList();
                assertThat(db.selectFrom(THREAT).where(THREAT.DEFENDER_ID.in(defenderIds)).fetch(r -> new ThreatRow(
                        r.getId(), r.getDefenderId(), r.getOccurredOn(), r.getKind(), r.getChannel(), r.getDescription(),
                        r.getReportedToAuthorities(), r.getFollowUp(), r.getSource(), r.getRecordedAt())))
                        .containsExactlyInAnyOrderElementsOf(defenders.threats());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
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
