package org.prisonerregistry.solidarity;

import static org.prisonerregistry.db.Tables.DISBURSEMENT;
import static org.prisonerregistry.db.Tables.SPONSORSHIP;
import static org.prisonerregistry.db.Tables.SUPPORT_NEED;

import java.util.UUID;
import org.jooq.DSLContext;
import org.prisonerregistry.detainee.DetaineeRecordsErasure;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the support a detainee received (needs, sponsorships, payments) for {@code eraseDetainee}.
 * Runs only inside the caller's transaction, the one that destroys the person's key.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SupportErasure implements DetaineeRecordsErasure {

    private final DSLContext db;

    SupportErasure(DSLContext db) {
        this.db = db;
    }

    /** Clears the descriptions of needs; the version moves on so a stale edit fails instead of undoing it. */
    @Override
    public void clearEncryptedFields(UUID detaineeId) {
        db.update(SUPPORT_NEED)
                .setNull(SUPPORT_NEED.DESCRIPTION)
                .set(SUPPORT_NEED.VERSION, SUPPORT_NEED.VERSION.plus(1))
                .where(SUPPORT_NEED.DETAINEE_ID.eq(detaineeId))
                .execute();
    }

    /** Payments go before the sponsorships they were made under. */
    @Override
    public void deleteRows(UUID detaineeId) {
        db.deleteFrom(DISBURSEMENT).where(DISBURSEMENT.DETAINEE_ID.eq(detaineeId)).execute();
        db.deleteFrom(SPONSORSHIP).where(SPONSORSHIP.DETAINEE_ID.eq(detaineeId)).execute();
        db.deleteFrom(SUPPORT_NEED).where(SUPPORT_NEED.DETAINEE_ID.eq(detaineeId)).execute();
    }
}
