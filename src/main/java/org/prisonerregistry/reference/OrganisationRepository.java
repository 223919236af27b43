package org.prisonerregistry.reference;

import static org.prisonerregistry.db.Tables.ORGANISATION;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private final DSLContext db;

    OrganisationRepository(DSLContext db) {
        this.db = db;
    }

    List<Organisation> list() {
        return db.selectFrom(ORGANISATION).orderBy(ORGANISATION.NAME).fetch(OrganisationRepository::toOrganisation);
    }

    List<Organisation> byIds(Collection<UUID> ids) {
        return db.selectFrom(ORGANISATION).where(ORGANISATION.ID.in(ids)).fetch(OrganisationRepository::toOrganisation);
    }

    java.util.Optional<Organisation> byCode(String code) {
        return db.selectFrom(ORGANISATION).where(ORGANISATION.CODE.eq(code)).fetchOptional(OrganisationRepository::toOrganisation);
    }

    boolean exists(UUID id) {
        return db.fetchExists(ORGANISATION, ORGANISATION.ID.eq(id));
    }

    boolean codeTaken(String code) {
        return db.fetchExists(ORGANISATION, ORGANISATION.CODE.eq(code));
    }

    Organisation insert(Organisation o) {
        db.insertInto(ORGANISATION)
                .set(ORGANISATION.ID, o.id())
                .set(ORGANISATION.CODE, o.code())
                .set(ORGANISATION.NAME, o.name())
                .set(ORGANISATION.KIND, o.kind().name())
                .set(ORGANISATION.COUNTRY, o.country())
                .set(ORGANISATION.CREATED_AT, OffsetDateTime.now())
                .execute();
        return o;
    }

    private static Organisation toOrganisation(Record r) {
        return new Organisation(r.get(ORGANISATION.ID), r.get(ORGANISATION.CODE), r.get(ORGANISATION.NAME),
                OrganisationKind.valueOf(r.get(ORGANISATION.KIND)), r.get(ORGANISATION.COUNTRY));
    }
}
