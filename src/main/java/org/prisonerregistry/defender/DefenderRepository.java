package org.prisonerregistry.defender;

import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectOne;
import static org.prisonerregistry.db.Tables.DEFENDER;
import static org.prisonerregistry.db.Tables.THREAT;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.prisonerregistry.access.DefenderScope;
import org.jooq.impl.DSL;
import org.prisonerregistry.db.tables.records.DefenderRecord;
import org.prisonerregistry.db.tables.records.ThreatRecord;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.keys.SubjectKind;
import org.prisonerregistry.keys.Sealed;
import org.prisonerregistry.keys.SealedPage;
import org.prisonerregistry.keys.SubjectSealer;
import org.springframework.stereotype.Repository;

/**
 * Defenders and the threats against them: the only code that speaks SQL to the two tables. Their
 * SPECIAL columns are stored encrypted under the defender's data key: sealed here before a write,
 * handed up sealed after a read (a page sharing one key read), to be opened only where admitted.
 */
@Repository
class DefenderRepository {

    private final DSLContext db;
    private final FieldSealing sealing;

    DefenderRepository(DSLContext db, FieldSealing sealing) {
        this.db = db;
        this.sealing = sealing;
    }

    /** The defender, if {@code scope} reaches it; one out of reach is not even read. */
    Optional<Defender> byId(UUID id, DefenderScope scope) {
        return sealed(db.selectFrom(DEFENDER).where(DEFENDER.ID.eq(id)).and(reachedBy(scope)).fetch()).stream()
                .findFirst();
    }

    /**
     * The defender, if {@code scope} reaches it, its SPECIAL columns opened and in hand (the key
     * destroyed already): an update merges and writes them all.
     */
    Optional<Defender> byIdInHand(UUID id, DefenderScope scope) {
        Result<DefenderRecord> rows = db.selectFrom(DEFENDER).where(DEFENDER.ID.eq(id)).and(reachedBy(scope)).fetch();
        try (SealedPage page = sealing.page(rows.getValues(DEFENDER.ID))) {
            return rows.stream().findFirst().map(r -> toDefender(r, page)).map(d -> new Defender(d.id(), d.organisationId(),
                    Sealed.inHand(d.fullName().open()), d.kind(), d.loginSubject(), Sealed.inHand(d.contact().open()),
                    d.riskLevel(), Sealed.inHand(d.protectiveMeasures().open()), d.recordedAt(), d.version()));
        }
    }

    List<Defender> byIds(Collection<UUID> ids) {
        return sealed(db.selectFrom(DEFENDER).where(DEFENDER.ID.in(ids)).fetch());
    }

    /** What kind of defender this is, read from its clear column alone: nothing is decrypted. */
    Optional<DefenderKind> kindOf(UUID id) {
        return db.select(DEFENDER.KIND).from(DEFENDER).where(DEFENDER.ID.eq(id))
                .fetchOptional(r -> DefenderKind.valueOf(r.value1()));
    }

    boolean exists(UUID id) {
        return db.fetchExists(DEFENDER, DEFENDER.ID.eq(id));
    }

    /** The id of the defender who logs in with this subject, if any. */
    Optional<UUID> idByLoginSubject(String subject) {
        return db.select(DEFENDER.ID).from(DEFENDER).where(DEFENDER.LOGIN_SUBJECT.eq(subject)).fetchOptional(DEFENDER.ID);
    }

    /** Whether another defender than {@code except} (null for none) already logs in with this subject. */
    boolean loginSubjectTaken(String subject, UUID except) {
        Condition others = except == null ? noCondition() : DEFENDER.ID.ne(except);
        return db.fetchExists(DEFENDER, DEFENDER.LOGIN_SUBJECT.eq(subject).and(others));
    }

    /** Up to {@code limit} defenders after {@code after} (null for the start), in order of recording. */
    List<Defender> page(DefenderFilter filter, DefenderScope scope, DefenderPosition after, int limit) {
        Condition afterCondition = after == null ? noCondition()
                : row(DEFENDER.RECORDED_AT, DEFENDER.ID).gt(after.recordedAt(), after.id());
        return sealed(db.selectFrom(DEFENDER)
                .where(matching(filter)).and(reachedBy(scope)).and(afterCondition)
                .orderBy(DEFENDER.RECORDED_AT, DEFENDER.ID)
                .limit(limit)
                .fetch());
    }

    int count(DefenderFilter filter, DefenderScope scope) {
        return db.fetchCount(DEFENDER, matching(filter).and(reachedBy(scope)));
    }

    void insert(Defender d) {
        DefenderRecord r = db.newRecord(DEFENDER);
        r.setId(d.id());
        r.setRecordedAt(d.recordedAt());
        write(r, d);
        r.insert();
    }

    /** Writes {@code d} if the stored version is still {@code d.version() - 1}; false if someone else changed it. */
    boolean update(Defender d) {
        DefenderRecord r = db.newRecord(DEFENDER);
        write(r, d);
        return db.update(DEFENDER).set(r)
                .where(DEFENDER.ID.eq(d.id()).and(DEFENDER.VERSION.eq(d.version() - 1)))
                .execute() == 1;
    }

    /** Threats against each defender, newest first: one query, and one key read, for any number of defenders. */
    Map<UUID, List<Threat>> threatsOf(Collection<UUID> defenderIds) {
        List<Threat> threats = sealedThreats(db.selectFrom(THREAT).where(THREAT.DEFENDER_ID.in(defenderIds))
                .orderBy(THREAT.OCCURRED_ON.desc(), THREAT.RECORDED_AT.desc(), THREAT.ID.desc())
                .fetch());
        return threats.stream().collect(Collectors.groupingBy(Threat::defenderId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Date of the latest threat against each defender that has any; reads no SPECIAL column. */
    Map<UUID, LocalDate> lastThreatOn(Collection<UUID> defenderIds) {
        Map<UUID, LocalDate> result = new HashMap<>();
        db.select(THREAT.DEFENDER_ID, max(THREAT.OCCURRED_ON)).from(THREAT)
                .where(THREAT.DEFENDER_ID.in(defenderIds))
                .groupBy(THREAT.DEFENDER_ID)
                .forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }

    /**
     * The threat, its sealed columns opened and in hand (the key destroyed already): an update of its
     * follow-up writes the description back sealed anew.
     */
    Optional<Threat> threatByIdInHand(UUID id) {
        Result<ThreatRecord> rows = db.selectFrom(THREAT).where(THREAT.ID.eq(id)).fetch();
        try (SealedPage page = sealing.page(rows.getValues(THREAT.DEFENDER_ID))) {
            return rows.stream().findFirst().map(r -> toThreat(r, page)).map(t -> new Threat(t.id(), t.defenderId(),
                    t.occurredOn(), t.kind(), t.channel(), Sealed.inHand(t.description().open()), t.reportedToAuthorities(),
                    Sealed.inHand(t.followUp().open()), t.source(), t.recordedAt(), t.version()));
        }
    }

    void insert(Threat t) {
        ThreatRecord r = db.newRecord(THREAT);
        r.setId(t.id());
        r.setDefenderId(t.defenderId());
        r.setOccurredOn(t.occurredOn());
        r.setKind(t.kind().name());
        r.setChannel(t.channel().name());
        r.setReportedToAuthorities(t.reportedToAuthorities());
        r.setSource(t.source());
        r.setRecordedAt(t.recordedAt());
        r.setVersion(t.version());
        writeSpecial(r, t);
        r.insert();
    }

    /**
     * Writes the follow-up of {@code t} if the stored version is still {@code t.version() - 1}. The
     * description goes back with it, unchanged but sealed anew, since SPECIAL columns are written in
     * one place only.
     */
    boolean updateFollowUp(Threat t) {
        ThreatRecord r = db.newRecord(THREAT);
        r.setReportedToAuthorities(t.reportedToAuthorities());
        r.setVersion(t.version());
        writeSpecial(r, t);
        return db.update(THREAT).set(r)
                .where(THREAT.ID.eq(t.id()).and(THREAT.VERSION.eq(t.version() - 1)))
                .execute() == 1;
    }

    /** A protection officer reaches every defender; a lawyer only the one who logs in as them. */
    private static Condition reachedBy(DefenderScope scope) {
        if (scope.everyone()) {
            return noCondition();
        }
        return scope.ownSubject() == null ? DSL.falseCondition() : DEFENDER.LOGIN_SUBJECT.eq(scope.ownSubject());
    }

    private static Condition matching(DefenderFilter f) {
        Condition c = noCondition();
        if (f.organisationId() != null) {
            c = c.and(DEFENDER.ORGANISATION_ID.eq(f.organisationId()));
        }
        if (f.riskLevel() != null) {
            c = c.and(DEFENDER.RISK_LEVEL.eq(f.riskLevel().name()));
        }
        if (f.kind() != null) {
            c = c.and(DEFENDER.KIND.eq(f.kind().name()));
        }
        if (f.threatenedSince() != null) {
            c = c.and(DSL.exists(selectOne().from(THREAT)
                    .where(THREAT.DEFENDER_ID.eq(DEFENDER.ID))
                    .and(THREAT.OCCURRED_ON.ge(f.threatenedSince()))));
        }
        return c;
    }

    /** Columns that create and {@code updateDefender} set; the SPECIAL ones are sealed anew (fresh nonce). */
    private void write(DefenderRecord r, Defender d) {
        r.setOrganisationId(d.organisationId());
        r.setKind(d.kind().name());
        r.setLoginSubject(d.loginSubject());
        r.setRiskLevel(d.riskLevel().name());
        r.setVersion(d.version());
        writeSpecial(r, d);
    }

    // SPECIAL columns: full_name, contact and protective_measures of a defender, description and
    // follow_up of a threat are sealed and handed up sealed only by the methods below, always under the
    // defender's key (a threat's subject is the defender it targets). No query filters or sorts on
    // them, so none needs a blind index; login_subject stays clear, since tokens find their defender by it.

    private void writeSpecial(DefenderRecord r, Defender d) {
        try (SubjectSealer sealer = sealing.sealerFor(d.id(), SubjectKind.DEFENDER)) {
            r.setFullName(sealer.seal(DEFENDER.FULL_NAME, d.id(), d.fullName().open()));
            r.setContact(sealer.seal(DEFENDER.CONTACT, d.id(), d.contact().open()));
            r.setProtectiveMeasures(sealer.seal(DEFENDER.PROTECTIVE_MEASURES, d.id(), d.protectiveMeasures().open()));
        }
    }

    /** The defenders of these rows, sealed; their keys read in one statement, whatever their number, once one is opened. */
    private List<Defender> sealed(Result<DefenderRecord> rows) {
        SealedPage page = sealing.page(rows.getValues(DEFENDER.ID));
        return rows.map(r -> toDefender(r, page));
    }

    private static Defender toDefender(DefenderRecord r, SealedPage page) {
        return new Defender(r.getId(), r.getOrganisationId(),
                page.text(DEFENDER.FULL_NAME, r.getId(), r.getId(), r.getFullName()),
                DefenderKind.valueOf(r.getKind()), r.getLoginSubject(),
                page.text(DEFENDER.CONTACT, r.getId(), r.getId(), r.getContact()),
                RiskLevel.valueOf(r.getRiskLevel()),
                page.text(DEFENDER.PROTECTIVE_MEASURES, r.getId(), r.getId(), r.getProtectiveMeasures()),
                r.getRecordedAt(), r.getVersion());
    }

    private void writeSpecial(ThreatRecord r, Threat t) {
        try (SubjectSealer sealer = sealing.sealerFor(t.defenderId(), SubjectKind.DEFENDER)) {
            r.setDescription(sealer.seal(THREAT.DESCRIPTION, t.id(), t.description().open()));
            r.setFollowUp(sealer.seal(THREAT.FOLLOW_UP, t.id(), t.followUp().open()));
        }
    }

    /** The threats of these rows, in their order, sealed; their defenders' keys read in one statement once one is opened. */
    private List<Threat> sealedThreats(Result<ThreatRecord> rows) {
        SealedPage page = sealing.page(rows.getValues(THREAT.DEFENDER_ID));
        return rows.map(r -> toThreat(r, page));
    }

    private static Threat toThreat(ThreatRecord r, SealedPage page) {
        return new Threat(r.getId(), r.getDefenderId(), r.getOccurredOn(),
                ThreatKind.valueOf(r.getKind()), ThreatChannel.valueOf(r.getChannel()),
                page.text(THREAT.DESCRIPTION, r.getId(), r.getDefenderId(), r.getDescription()),
                Boolean.TRUE.equals(r.getReportedToAuthorities()),
                page.text(THREAT.FOLLOW_UP, r.getId(), r.getDefenderId(), r.getFollowUp()),
                r.getSource(), r.getRecordedAt(), r.getVersion());
    }
}
