package org.prisonerregistry.detention;

import static org.prisonerregistry.db.Tables.CUSTODY_PERIOD;
import static org.prisonerregistry.db.Tables.DETENTION;

import java.util.UUID;
import org.jooq.DSLContext;
import org.prisonerregistry.detainee.DetaineeRecordsErasure;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a detainee's detentions and custody periods for {@code eraseDetainee}. Runs only inside the
 * caller's transaction, the one that destroys the person's key, so an erasure is never half done.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class DetentionErasure implements DetaineeRecordsErasure {

    private final DSLContext db;

    DetentionErasure(DSLContext db) {
        this.db = db;
    }

    /** Clears the account of ill-treatment; the version moves on so a stale edit fails instead of undoing it. */
    @Override
    public void clearEncryptedFields(UUID detaineeId) {
        db.update(DETENTION)
                .setNull(DETENTION.ILL_TREATMENT_ACCOUNT)
                .set(DETENTION.VERSION, DETENTION.VERSION.plus(1))
                .where(DETENTION.DETAINEE_ID.eq(detaineeId))
                .execute();
    }

    @Override
    public void deleteRows(UUID detaineeId) {
        db.deleteFrom(CUSTODY_PERIOD)
                .where(CUSTODY_PERIOD.DETENTION_ID.in(db.select(DETENTION.ID).from(DETENTION)
                        .where(DETENTION.DETAINEE_ID.eq(detaineeId))))
                .execute();
        db.deleteFrom(DETENTION).where(DETENTION.DETAINEE_ID.eq(detaineeId)).execute();
    }
}
