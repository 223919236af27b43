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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.prisonerregistry.access.DefenderScope;
import org.jooq.impl.DSL;
import org.prisonerregistry.db.tables.records.DefenderRecord;
import org.prisonerregistry.db.tables.records.ThreatRecord;
import org.springframework.stereotype.Repository;

/** Defenders and the threats against them: the only code that speaks SQL to the two tables. */
@Repository
class DefenderRepository {

    private final DSLContext db;

    DefenderRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Defender> byId(UUID id) {
        return db.selectFrom(DEFENDER).where(DEFENDER.ID.eq(id)).fetchOptional(DefenderRepository::toDefender);
    }

    List<Defender> byIds(Collection<UUID> ids) {
        return db.selectFrom(DEFENDER).where(DEFENDER.ID.in(ids)).fetch(DefenderRepository::toDefender);
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
        return db.selectFrom(DEFENDER)
                .where(matching(filter)).and(reachedBy(scope)).and(afterCondition)
                .orderBy(DEFENDER.RECORDED_AT, DEFENDER.ID)
                .limit(limit)
                .fetch(DefenderRepository::toDefender);
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

    /** Threats against each defender, newest first: one query for any number of defenders. */
    Map<UUID, List<Threat>> threatsOf(Collection<UUID> defenderIds) {
        return db.selectFrom(THREAT).where(THREAT.DEFENDER_ID.in(defenderIds))
                .orderBy(THREAT.OCCURRED_ON.desc(), THREAT.RECORDED_AT.desc(), THREAT.ID.desc())
                .fetchGroups(THREAT.DEFENDER_ID, DefenderRepository::toThreat);
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

    Optional<Threat> threatById(UUID id) {
        return db.selectFrom(THREAT).where(THREAT.ID.eq(id)).fetchOptional(DefenderRepository::toThreat);
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
     * description goes back unchanged with it, since SPECIAL columns are written in one place only.
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

    /** Columns that create and {@code updateDefender} set. */
    private static void write(DefenderRecord r, Defender d) {
        r.setOrganisationId(d.organisationId());
        r.setKind(d.kind().name());
        r.setLoginSubject(d.loginSubject());
        r.setRiskLevel(d.riskLevel().name());
        r.setVersion(d.version());
        writeSpecial(r, d);
    }

    // SPECIAL columns: full_name, contact and protective_measures of a defender, description and
    // follow_up of a threat are written and read only by the four methods below. Field encryption
    // (DESIGN.md section 4) wraps exactly these, without touching a query, the service or the API;
    // no query filters or sorts on these columns, so none will need a blind index.

    private static void writeSpecial(DefenderRecord r, Defender d) {
        r.setFullName(d.fullName());
        r.setContact(d.contact());
        r.setProtectiveMeasures(d.protectiveMeasures());
    }

    private static Defender toDefender(DefenderRecord r) {
        return new Defender(r.getId(), r.getOrganisationId(), r.getFullName(), DefenderKind.valueOf(r.getKind()),
                r.getLoginSubject(), r.getContact(), RiskLevel.valueOf(r.getRiskLevel()), r.getProtectiveMeasures(),
                r.getRecordedAt(), r.getVersion());
    }

    private static void writeSpecial(ThreatRecord r, Threat t) {
        r.setDescription(t.description());
        r.setFollowUp(t.followUp());
    }

    private static Threat toThreat(ThreatRecord r) {
        return new Threat(r.getId(), r.getDefenderId(), r.getOccurredOn(), ThreatKind.valueOf(r.getKind()),
                ThreatChannel.valueOf(r.getChannel()), r.getDescription(),
                Boolean.TRUE.equals(r.getReportedToAuthorities()), r.getFollowUp(), r.getSource(), r.getRecordedAt(),
                r.getVersion());
    }
}
