package org.prisonerregistry.legal;

import static org.prisonerregistry.db.Tables.CHARGE;
import static org.prisonerregistry.db.Tables.COURT_CASE;
import static org.prisonerregistry.db.Tables.HEARING;
import static org.prisonerregistry.db.Tables.SENTENCE;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.prisonerregistry.detainee.DetaineeRecordsErasure;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a detainee's court cases with their charges, hearings and sentences for {@code eraseDetainee}.
 * Runs only inside the caller's transaction, the one that destroys the person's key.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CaseErasure implements DetaineeRecordsErasure {

    private final DSLContext db;

    CaseErasure(DSLContext db) {
        this.db = db;
    }

    /** Clears the case numbers and legal notes; the version moves on so a stale edit fails instead of undoing it. */
    @Override
    public void clearEncryptedFields(UUID detaineeId) {
        db.update(COURT_CASE)
                .setNull(COURT_CASE.RUC)
                .setNull(COURT_CASE.RIT)
                .setNull(COURT_CASE.CASE_NUMBER)
                .setNull(COURT_CASE.LEGAL_NOTES)
                .set(COURT_CASE.VERSION, COURT_CASE.VERSION.plus(1))
                .where(COURT_CASE.DETAINEE_ID.eq(detaineeId))
                .execute();
    }

    @Override
    public void deleteRows(UUID detaineeId) {
        Select<Record1<UUID>> cases = db.select(COURT_CASE.ID).from(COURT_CASE).where(COURT_CASE.DETAINEE_ID.eq(detaineeId));
        db.deleteFrom(CHARGE).where(CHARGE.CASE_ID.in(cases)).execute();
        db.deleteFrom(HEARING).where(HEARING.CASE_ID.in(cases)).execute();
        db.deleteFrom(SENTENCE).where(SENTENCE.CASE_ID.in(cases)).execute();
        db.deleteFrom(COURT_CASE).where(COURT_CASE.DETAINEE_ID.eq(detaineeId)).execute();
    }
}
