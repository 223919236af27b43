package org.prisonerregistry.seed;

import static org.prisonerregistry.db.Tables.CASELOAD;
import static org.prisonerregistry.db.Tables.CHARGE;
import static org.prisonerregistry.db.Tables.COURT_CASE;
import static org.prisonerregistry.db.Tables.CUSTODY_PERIOD;
import static org.prisonerregistry.db.Tables.DEFENDER;
import static org.prisonerregistry.db.Tables.DETAINEE;
import static org.prisonerregistry.db.Tables.DETAINEE_NAME_INDEX;
import static org.prisonerregistry.db.Tables.DETENTION;
import static org.prisonerregistry.db.Tables.DISBURSEMENT;
import static org.prisonerregistry.db.Tables.FACILITY;
import static org.prisonerregistry.db.Tables.HEARING;
import static org.prisonerregistry.db.Tables.LAWYER_ASSIGNMENT;
import static org.prisonerregistry.db.Tables.LEGAL_PROVISION;
import static org.prisonerregistry.db.Tables.ORGANISATION;
import static org.prisonerregistry.db.Tables.RECOGNITION;
import static org.prisonerregistry.db.Tables.SENTENCE;
import static org.prisonerregistry.db.Tables.SPONSORSHIP;
import static org.prisonerregistry.db.Tables.SUBJECT_KEY;
import static org.prisonerregistry.db.Tables.SUPPORT_NEED;
import static org.prisonerregistry.db.Tables.THREAT;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.prisonerregistry.detainee.DetaineeBlindIndexes;
import org.prisonerregistry.detainee.NationalIdKind;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.FieldSealing.BulkSubject;
import org.prisonerregistry.keys.SubjectKind;
import org.prisonerregistry.keys.SubjectSealer;
import org.prisonerregistry.seed.DemoReferenceData.FacilitySeed;
import org.prisonerregistry.seed.DemoReferenceData.OrganisationSeed;

/**
 * All the SQL of seeding, on one connection whose transaction the caller owns: reference rows
 * (added only if missing), public-code numbers, and the generated rows through PostgreSQL's COPY,
 * which loads a table's rows in one binary stream instead of one statement per row.
 */
final class DemoDataWriter {

    /** "PGCOPY\n\377\r\n\0", then no flags and no header extension. */
    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** PostgreSQL counts dates and timestamps from 2000-01-01 (UTC). */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400L;

    private final Connection connection;
    private final DSLContext db;
    private final CopyManager copy;

    DemoDataWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.db = DSL.using(connection, SQLDialect.POSTGRES);
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    boolean hasDetainees() {
        return db.fetchExists(DETAINEE);
    }

    /** The demo facilities and organisations, inserted if missing; returns how many rows it inserted. */
    int insertMissingReferenceData() {
        OffsetDateTime now = OffsetDateTime.now();
        int inserted = 0;
        for (FacilitySeed f : DemoReferenceData.FACILITIES) {
            inserted += db.insertInto(FACILITY)
                    .set(FACILITY.ID, nameBasedId("facility", f.key()))
                    .set(FACILITY.NAME, f.name())
                    .set(FACILITY.COUNTRY, f.country())
                    .set(FACILITY.REGION, f.region())
                    .set(FACILITY.KIND, f.kind())
                    .set(FACILITY.OPERATOR, f.operator())
                    .set(FACILITY.CREATED_AT, now)
                    .onConflictDoNothing()
                    .execute();
        }
        for (OrganisationSeed o : DemoReferenceData.ORGANISATIONS) {
            inserted += db.insertInto(ORGANISATION)
                    .set(ORGANISATION.ID, nameBasedId("organisation", o.code()))
                    .set(ORGANISATION.CODE, o.code())
                    .set(ORGANISATION.NAME, o.name())
                    .set(ORGANISATION.KIND, o.kind())
                    .set(ORGANISATION.COUNTRY, o.country())
                    .set(ORGANISATION.CREATED_AT, now)
                    .onConflictDoNothing()
                    .execute();
        }
        return inserted;
    }

    /** The ids of every facility, organisation and legal provision, as the generator looks them up. */
    DemoReferences references() {
        Map<String, UUID> facilities = new HashMap<>();
        db.select(FACILITY.ID, FACILITY.COUNTRY, FACILITY.NAME).from(FACILITY)
                .forEach(r -> facilities.put(FacilitySeed.key(r.value2(), r.value3()), r.value1()));
        Map<String, UUID> organisations = db.select(ORGANISATION.CODE, ORGANISATION.ID).from(ORGANISATION)
                .fetchMap(ORGANISATION.CODE, ORGANISATION.ID);
        Map<String, UUID> provisions = db.select(LEGAL_PROVISION.CODE, LEGAL_PROVISION.ID).from(LEGAL_PROVISION)
                .fetchMap(LEGAL_PROVISION.CODE, LEGAL_PROVISION.ID);
        return new DemoReferences(facilities, organisations, provisions);
    }

    /** {@code count} numbers from the public-code sequence in one query, in ascending order. */
    long[] nextPublicCodeNumbers(int count) throws SQLException {
        long[] numbers = new long[count];
        try (PreparedStatement s = connection.prepareStatement(
                "select nextval('detainee_public_code_seq') as n from generate_series(1, ?) order by n")) {
            s.setInt(1, count);
            s.setFetchSize(10_000); // inside a transaction the driver then streams instead of holding every row
            try (ResultSet r = s.executeQuery()) {
                for (int i = 0; r.next(); i++) {
                    numbers[i] = r.getLong(1);
                }
            }
        }
        return numbers;
    }

    /** COPY statements with their rows, encoded and ready to stream; tables in the order their keys require. */
    record EncodedBatch(List<TableRows> tables) {}

    /** One table's rows in COPY's binary format. */
    record TableRows(String copyStatement, byte[] data, int rows) {}

    /**
     * Encodes every row of the batch, parents before children. Touches no connection, so it can run
     * on another thread while the previous batch streams into PostgreSQL.
     */
    static EncodedBatch encode(DemoBatch b, FieldSealing sealing) {
        // Every person gets a data key of their own, written wrapped in the same load; their
        // encrypted columns are sealed under it below.
        List<BulkSubject> subjects = new ArrayList<>(b.defenders().size() + b.detainees().size());
        b.defenders().forEach(d -> subjects.add(sealing.newSubjectForBulkLoad(d.id(), SubjectKind.DEFENDER)));
        b.detainees().forEach(d -> subjects.add(sealing.newSubjectForBulkLoad(d.id(), SubjectKind.DETAINEE)));
        Map<UUID, SubjectSealer> sealers = new HashMap<>();
        subjects.forEach(subject -> sealers.put(subject.subjectId(), subject.sealer()));
        try {
            return encode(b, subjects, sealers, new DetaineeBlindIndexes(sealing));
        } finally {
            sealers.values().forEach(SubjectSealer::close);
        }
    }

    private static EncodedBatch encode(DemoBatch b, List<BulkSubject> subjects, Map<UUID, SubjectSealer> sealers,
                                       DetaineeBlindIndexes indexes) {
        List<TableRows> rows = new ArrayList<>();
        encode(rows, SUBJECT_KEY, subjects, k -> values(k.subjectId(), k.kind().name(), k.dataKeyVersion(), k.wrappedKey(),
                        k.masterVersion()),
                SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.SUBJECT_KIND, SUBJECT_KEY.DATA_KEY_VERSION, SUBJECT_KEY.WRAPPED,
                SUBJECT_KEY.MASTER_VERSION);
        encode(rows, DEFENDER, b.defenders(), d -> values(d.id(), d.organisationId(),
                        sealers.get(d.id()).seal(DEFENDER.FULL_NAME, d.id(), d.fullName()), d.kind(), d.loginSubject(),
                        sealers.get(d.id()).seal(DEFENDER.CONTACT, d.id(), d.contact()), d.riskLevel(),
                        sealers.get(d.id()).seal(DEFENDER.PROTECTIVE_MEASURES, d.id(), d.protectiveMeasures()),
                        d.recordedAt(), 1),
                DEFENDER.ID, DEFENDER.ORGANISATION_ID, DEFENDER.FULL_NAME, DEFENDER.KIND, DEFENDER.LOGIN_SUBJECT,
                DEFENDER.CONTACT, DEFENDER.RISK_LEVEL, DEFENDER.PROTECTIVE_MEASURES, DEFENDER.RECORDED_AT,
                DEFENDER.VERSION);
        encode(rows, THREAT, b.threats(), t -> values(t.id(), t.defenderId(), t.occurredOn(), t.kind(), t.channel(),
                        sealers.get(t.defenderId()).seal(THREAT.DESCRIPTION, t.id(), t.description()),
                        t.reportedToAuthorities(),
                        sealers.get(t.defenderId()).seal(THREAT.FOLLOW_UP, t.id(), t.followUp()), t.source(),
                        t.recordedAt(), 1),
                THREAT.ID, THREAT.DEFENDER_ID, THREAT.OCCURRED_ON, THREAT.KIND, THREAT.CHANNEL, THREAT.DESCRIPTION,
                THREAT.REPORTED_TO_AUTHORITIES, THREAT.FOLLOW_UP, THREAT.SOURCE, THREAT.RECORDED_AT, THREAT.VERSION);
        encode(rows, DETAINEE, b.detainees(), d -> {
                    SubjectSealer sealer = sealers.get(d.id());
                    return values(d.id(), d.publicCode(), d.country(),
                            sealer.seal(DETAINEE.FULL_NAME, d.id(), d.fullName()),
                            sealer.seal(DETAINEE.ALIASES, d.id(), d.aliases()), d.nationalIdKind(),
                            sealer.seal(DETAINEE.NATIONAL_ID, d.id(), d.nationalId()),
                            d.nationalId() == null ? null
                                    : indexes.nationalId(NationalIdKind.valueOf(d.nationalIdKind()), d.nationalId()).orElse(null),
                            sealer.seal(DETAINEE.DATE_OF_BIRTH, d.id(), d.dateOfBirth()), d.birthYear(), d.gender(),
                            d.nationality(), d.region(), d.commune(), d.affiliation(),
                            sealer.seal(DETAINEE.FAMILY_CONTACT, d.id(), d.familyContact()), d.consentToBeNamed(),
                            sealer.seal(DETAINEE.NOTES, d.id(), d.notes()), d.lastContactOn(), d.source(), d.recordedAt(),
                            d.updatedAt(), 1);
                },
                DETAINEE.ID, DETAINEE.PUBLIC_CODE, DETAINEE.COUNTRY, DETAINEE.FULL_NAME, DETAINEE.ALIASES,
                DETAINEE.NATIONAL_ID_KIND, DETAINEE.NATIONAL_ID, DETAINEE.NATIONAL_ID_INDEX, DETAINEE.DATE_OF_BIRTH,
                DETAINEE.BIRTH_YEAR, DETAINEE.GENDER, DETAINEE.NATIONALITY, DETAINEE.REGION, DETAINEE.COMMUNE,
                DETAINEE.AFFILIATION, DETAINEE.FAMILY_CONTACT, DETAINEE.CONSENT_TO_BE_NAMED, DETAINEE.NOTES,
                DETAINEE.LAST_CONTACT_ON, DETAINEE.SOURCE, DETAINEE.RECORDED_AT, DETAINEE.UPDATED_AT, DETAINEE.VERSION);
        encode(rows, DETAINEE_NAME_INDEX, nameIndexes(b.detainees(), indexes), n -> values(n.detaineeId(), n.nameIndex()),
                DETAINEE_NAME_INDEX.DETAINEE_ID, DETAINEE_NAME_INDEX.NAME_INDEX);
        encode(rows, CASELOAD, b.caseloads(), c -> values(c.detaineeId(), c.organisationId(), c.since()),
                CASELOAD.DETAINEE_ID, CASELOAD.ORGANISATION_ID, CASELOAD.SINCE);
        encode(rows, RECOGNITION, b.recognitions(), r -> values(r.id(), r.detaineeId(), r.organisationId(),
                        r.recognisedOn(), r.source(), r.recordedAt()),
                RECOGNITION.ID, RECOGNITION.DETAINEE_ID, RECOGNITION.ORGANISATION_ID, RECOGNITION.RECOGNISED_ON,
                RECOGNITION.SOURCE, RECOGNITION.RECORDED_AT);
        encode(rows, DETENTION, b.detentions(), d -> values(d.id(), d.detaineeId(), d.arrestedOn(), d.arrestPlace(),
                        d.event(), d.illTreatmentAlleged(),
                        sealers.get(d.detaineeId()).seal(DETENTION.ILL_TREATMENT_ACCOUNT, d.id(), d.illTreatmentAccount()),
                        d.releasedOn(), d.source(), d.recordedAt(), 1),
                DETENTION.ID, DETENTION.DETAINEE_ID, DETENTION.ARRESTED_ON, DETENTION.ARREST_PLACE, DETENTION.EVENT,
                DETENTION.ILL_TREATMENT_ALLEGED, DETENTION.ILL_TREATMENT_ACCOUNT, DETENTION.RELEASED_ON,
                DETENTION.SOURCE, DETENTION.RECORDED_AT, DETENTION.VERSION);
        encode(rows, CUSTODY_PERIOD, b.custodyPeriods(), p -> values(p.id(), p.detentionId(), p.regime(),
                        p.facilityId(), p.startsOn(), p.endsOn(), p.source(), p.recordedAt()),
                CUSTODY_PERIOD.ID, CUSTODY_PERIOD.DETENTION_ID, CUSTODY_PERIOD.REGIME, CUSTODY_PERIOD.FACILITY_ID,
                CUSTODY_PERIOD.STARTS_ON, CUSTODY_PERIOD.ENDS_ON, CUSTODY_PERIOD.SOURCE, CUSTODY_PERIOD.RECORDED_AT);
        encode(rows, COURT_CASE, b.cases(), c -> values(c.id(), c.detaineeId(), c.country(), c.court(),
                        sealers.get(c.detaineeId()).seal(COURT_CASE.RUC, c.id(), c.ruc()),
                        sealers.get(c.detaineeId()).seal(COURT_CASE.RIT, c.id(), c.rit()),
                        sealers.get(c.detaineeId()).seal(COURT_CASE.CASE_NUMBER, c.id(), c.caseNumber()),
                        c.prosecutor(), c.stage(),
                        sealers.get(c.detaineeId()).seal(COURT_CASE.LEGAL_NOTES, c.id(), c.legalNotes()),
                        c.source(), c.recordedAt(), 1),
                COURT_CASE.ID, COURT_CASE.DETAINEE_ID, COURT_CASE.COUNTRY, COURT_CASE.COURT, COURT_CASE.RUC,
                COURT_CASE.RIT, COURT_CASE.CASE_NUMBER, COURT_CASE.PROSECUTOR, COURT_CASE.STAGE,
                COURT_CASE.LEGAL_NOTES, COURT_CASE.SOURCE, COURT_CASE.RECORDED_AT, COURT_CASE.VERSION);
        encode(rows, LAWYER_ASSIGNMENT, b.lawyerAssignments(), l -> values(l.id(), l.detaineeId(), l.defenderId(),
                        l.assignedOn(), l.recordedAt()),
                LAWYER_ASSIGNMENT.ID, LAWYER_ASSIGNMENT.DETAINEE_ID, LAWYER_ASSIGNMENT.DEFENDER_ID,
                LAWYER_ASSIGNMENT.ASSIGNED_ON, LAWYER_ASSIGNMENT.RECORDED_AT);
        encode(rows, CHARGE, b.charges(), c -> values(c.id(), c.caseId(), c.provisionId(), c.outcome(), c.source(),
                        c.recordedAt(), 1),
                CHARGE.ID, CHARGE.CASE_ID, CHARGE.PROVISION_ID, CHARGE.OUTCOME, CHARGE.SOURCE, CHARGE.RECORDED_AT,
                CHARGE.VERSION);
        encode(rows, HEARING, b.hearings(), h -> values(h.id(), h.caseId(), h.heldOn(), h.kind(), h.outcome(),
                        h.source(), h.recordedAt()),
                HEARING.ID, HEARING.CASE_ID, HEARING.HELD_ON, HEARING.KIND, HEARING.OUTCOME, HEARING.SOURCE,
                HEARING.RECORDED_AT);
        encode(rows, SENTENCE, b.sentences(), s -> values(s.id(), s.caseId(), s.imposedOn(), s.court(),
                        s.termYears(), s.termMonths(), s.termDays(), s.regime(), s.startsOn(), s.fineAmount(),
                        s.fineCurrency(), s.appealStatus(), s.source(), s.recordedAt(), 1),
                SENTENCE.ID, SENTENCE.CASE_ID, SENTENCE.IMPOSED_ON, SENTENCE.COURT, SENTENCE.TERM_YEARS,
                SENTENCE.TERM_MONTHS, SENTENCE.TERM_DAYS, SENTENCE.REGIME, SENTENCE.STARTS_ON, SENTENCE.FINE_AMOUNT,
                SENTENCE.FINE_CURRENCY, SENTENCE.APPEAL_STATUS, SENTENCE.SOURCE, SENTENCE.RECORDED_AT, SENTENCE.VERSION);
        encode(rows, SUPPORT_NEED, b.supportNeeds(), n -> values(n.id(), n.detaineeId(), n.category(),
                        sealers.get(n.detaineeId()).seal(SUPPORT_NEED.DESCRIPTION, n.id(), n.description()),
                        n.status(), n.recordedOn(), n.recordedAt(), 1),
                SUPPORT_NEED.ID, SUPPORT_NEED.DETAINEE_ID, SUPPORT_NEED.CATEGORY, SUPPORT_NEED.DESCRIPTION,
                SUPPORT_NEED.STATUS, SUPPORT_NEED.RECORDED_ON, SUPPORT_NEED.RECORDED_AT, SUPPORT_NEED.VERSION);
        encode(rows, SPONSORSHIP, b.sponsorships(), s -> values(s.id(), s.detaineeId(), s.sponsorId(), s.startsOn(),
                        s.endsOn(), s.monthlyAmount(), s.currency(), s.recordedAt(), 1),
                SPONSORSHIP.ID, SPONSORSHIP.DETAINEE_ID, SPONSORSHIP.SPONSOR_ID, SPONSORSHIP.STARTS_ON,
                SPONSORSHIP.ENDS_ON, SPONSORSHIP.MONTHLY_AMOUNT, SPONSORSHIP.CURRENCY, SPONSORSHIP.RECORDED_AT,
                SPONSORSHIP.VERSION);
        encode(rows, DISBURSEMENT, b.disbursements(), d -> values(d.id(), d.detaineeId(), d.paidById(),
                        d.sponsorshipId(), d.paidOn(), d.amount(), d.currency(), d.category(), d.recordedAt()),
                DISBURSEMENT.ID, DISBURSEMENT.DETAINEE_ID, DISBURSEMENT.PAID_BY_ID, DISBURSEMENT.SPONSORSHIP_ID,
                DISBURSEMENT.PAID_ON, DISBURSEMENT.AMOUNT, DISBURSEMENT.CURRENCY, DISBURSEMENT.CATEGORY,
                DISBURSEMENT.RECORDED_AT);
        return new EncodedBatch(List.copyOf(rows));
    }

    /** One row of {@code detainee_name_index}. */
    private record NameIndexRow(UUID detaineeId, byte[] nameIndex) {}

    /** The blind index of each person's full name and of each alias, as the repository writes them. */
    private static List<NameIndexRow> nameIndexes(List<DemoBatch.DetaineeRow> detainees, DetaineeBlindIndexes indexes) {
        List<NameIndexRow> rows = new ArrayList<>(detainees.size() * 2);
        for (DemoBatch.DetaineeRow d : detainees) {
            List<String> aliases = d.aliases() == null ? List.of() : List.of(d.aliases().split("\n"));
            indexes.names(d.fullName(), aliases).forEach(index -> rows.add(new NameIndexRow(d.id(), index)));
        }
        return rows;
    }

    /** Streams an encoded batch into PostgreSQL; returns the number of rows written. */
    long load(EncodedBatch batch) throws SQLException {
        long written = 0;
        for (TableRows table : batch.tables()) {
            try {
                written += copy.copyIn(table.copyStatement(), new ByteArrayInputStream(table.data()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stream rows to PostgreSQL", e);
            }
        }
        return written;
    }

    /**
     * Adds {@code rows} of {@code table} in COPY's binary format, which PostgreSQL reads without
     * parsing text. The columns come from the generated jOOQ tables, so a renamed column fails to
     * compile; each value is checked against its column's Java type, so values in the wrong order
     * fail loudly instead of loading wrongly.
     */
    private static <R> void encode(List<TableRows> out, Table<?> table, List<R> rows, Function<R, Object[]> values,
                                   Field<?>... columns) {
        if (rows.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 128);
        DataOutputStream data = new DataOutputStream(bytes);
        try {
            data.write(BINARY_HEADER);
            for (R row : rows) {
                Object[] v = values.apply(row);
                if (v.length != columns.length) {
                    throw new IllegalStateException(table.getName() + ": " + v.length + " values for " + columns.length + " columns");
                }
                data.writeShort(columns.length);
                for (int i = 0; i < v.length; i++) {
                    field(data, columns[i], v[i]);
                }
            }
            data.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        String statement = "copy " + table.getName() + " ("
                + Arrays.stream(columns).map(Field::getName).collect(Collectors.joining(", "))
                + ") from stdin with (format binary)";
        out.add(new TableRows(statement, bytes.toByteArray(), rows.size()));
    }

    private static Object[] values(Object... values) {
        return values;
    }

    /** One field: its length in bytes (-1 for null), then the value in PostgreSQL's binary form for the column type. */
    private static void field(DataOutputStream data, Field<?> column, Object value) throws IOException {
        if (value == null) {
            data.writeInt(-1);
            return;
        }
        if (!column.getType().isInstance(value)) {
            throw new IllegalStateException("A " + value.getClass().getSimpleName() + " for column "
                    + column.getName() + " of type " + column.getType().getSimpleName());
        }
        switch (value) {
            case String s -> {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                data.writeInt(utf8.length);
                data.write(utf8);
            }
            case UUID u -> {
                data.writeInt(16);
                data.writeLong(u.getMostSignificantBits());
                data.writeLong(u.getLeastSignificantBits());
            }
            case LocalDate d -> {
                data.writeInt(4);
                data.writeInt(Math.toIntExact(d.toEpochDay() - POSTGRES_EPOCH_DAY));
            }
            case OffsetDateTime t -> {
                Instant instant = t.toInstant();
                data.writeInt(8);
                data.writeLong((instant.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000L + instant.getNano() / 1_000);
            }
            case Integer n -> {
                data.writeInt(4);
                data.writeInt(n);
            }
            case Boolean b -> {
                data.writeInt(1);
                data.writeByte(b ? 1 : 0);
            }
            case BigDecimal d -> numeric(data, d);
            case byte[] bytes -> {
                data.writeInt(bytes.length);
                data.write(bytes);
            }
            default -> throw new IllegalStateException("No COPY encoding for " + value.getClass().getSimpleName());
        }
    }

    /**
     * A numeric as PostgreSQL stores it: base-10,000 digits, the weight of the first digit, a sign
     * and the display scale. For example 12345.67 is the digits 1, 2345, 6700 with weight 1.
     */
    static void numeric(DataOutputStream data, BigDecimal value) throws IOException {
        int scale = Math.max(value.scale(), 0);
        String plain = value.abs().setScale(scale).toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        whole = "0".repeat((4 - whole.length() % 4) % 4) + whole;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        String groups = whole + fraction;
        int count = groups.length() / 4;
        int weight = whole.length() / 4 - 1;
        int first = 0;
        while (first < count && groups.startsWith("0000", first * 4)) {
            first++;
            weight--;
        }
        int end = count;
        while (end > first && groups.startsWith("0000", (end - 1) * 4)) {
            end--;
        }
        int digits = end - first;
        data.writeInt(8 + 2 * digits);
        data.writeShort(digits);
        data.writeShort(digits == 0 ? 0 : weight);
        data.writeShort(value.signum() < 0 ? 0x4000 : 0x0000);
        data.writeShort(scale);
        for (int i = first; i < end; i++) {
            data.writeShort(Integer.parseInt(groups, i * 4, i * 4 + 4, 10));
        }
    }

    /** Reference rows get ids derived from their natural keys, so every database names them alike. */
    private static UUID nameBasedId(String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
