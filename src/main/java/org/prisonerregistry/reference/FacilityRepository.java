package org.prisonerregistry.reference;

import static org.prisonerregistry.db.Tables.FACILITY;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class FacilityRepository {

    private final DSLContext db;

    FacilityRepository(DSLContext db) {
        this.db = db;
    }

    List<Facility> list(String country) {
        return db.selectFrom(FACILITY)
                .where(country == null ? FACILITY.COUNTRY.isNotNull() : FACILITY.COUNTRY.eq(country))
                .orderBy(FACILITY.COUNTRY, FACILITY.NAME)
                .fetch(FacilityRepository::toFacility);
    }

    List<Facility> byIds(Collection<UUID> ids) {
        return db.selectFrom(FACILITY).where(FACILITY.ID.in(ids)).fetch(FacilityRepository::toFacility);
    }

    boolean exists(UUID id) {
        return db.fetchExists(FACILITY, FACILITY.ID.eq(id));
    }

    boolean nameTaken(String country, String name) {
        return db.fetchExists(FACILITY, FACILITY.COUNTRY.eq(country).and(FACILITY.NAME.eq(name)));
    }

    Facility insert(Facility f) {
        db.insertInto(FACILITY)
                .set(FACILITY.ID, f.id())
                .set(FACILITY.NAME, f.name())
                .set(FACILITY.COUNTRY, f.country())
                .set(FACILITY.REGION, f.region())
                .set(FACILITY.KIND, f.kind().name())
                .set(FACILITY.OPERATOR, f.operator().name())
                .set(FACILITY.CREATED_AT, OffsetDateTime.now())
                .execute();
        return f;
    }

    private static Facility toFacility(Record r) {
        return new Facility(r.get(FACILITY.ID), r.get(FACILITY.NAME), r.get(FACILITY.COUNTRY), r.get(FACILITY.REGION),
                FacilityKind.valueOf(r.get(FACILITY.KIND)), FacilityOperator.valueOf(r.get(FACILITY.OPERATOR)));
    }
}
