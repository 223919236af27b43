package org.prisonerregistry.reference;

import static org.prisonerregistry.db.Tables.LEGAL_PROVISION;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class LegalProvisionRepository {

    private final DSLContext db;

    LegalProvisionRepository(DSLContext db) {
        this.db = db;
    }

    List<LegalProvision> list(String country) {
        return db.selectFrom(LEGAL_PROVISION)
                .where(country == null ? LEGAL_PROVISION.COUNTRY.isNotNull() : LEGAL_PROVISION.COUNTRY.eq(country))
                .orderBy(LEGAL_PROVISION.CODE)
                .fetch(LegalProvisionRepository::toProvision);
    }

    List<LegalProvision> byIds(Collection<UUID> ids) {
        return db.selectFrom(LEGAL_PROVISION).where(LEGAL_PROVISION.ID.in(ids)).fetch(LegalProvisionRepository::toProvision);
    }

    Optional<LegalProvision> byCode(String code) {
        return db.selectFrom(LEGAL_PROVISION).where(LEGAL_PROVISION.CODE.eq(code)).fetchOptional(LegalProvisionRepository::toProvision);
    }

    LegalProvision insert(LegalProvision p) {
        db.insertInto(LEGAL_PROVISION)
                .set(LEGAL_PROVISION.ID, p.id())
                .set(LEGAL_PROVISION.CODE, p.code())
                .set(LEGAL_PROVISION.COUNTRY, p.country())
                .set(LEGAL_PROVISION.LAW, p.law())
                .set(LEGAL_PROVISION.ARTICLE, p.article())
                .set(LEGAL_PROVISION.TITLE, p.title())
                .execute();
        return p;
    }

    private static LegalProvision toProvision(Record r) {
        return new LegalProvision(r.get(LEGAL_PROVISION.ID), r.get(LEGAL_PROVISION.CODE), r.get(LEGAL_PROVISION.COUNTRY),
                r.get(LEGAL_PROVISION.LAW), r.get(LEGAL_PROVISION.ARTICLE), r.get(LEGAL_PROVISION.TITLE));
    }
}
