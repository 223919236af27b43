package org.prisonerregistry.defender;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.prisonerregistry.access.OwnedRecord;
import org.prisonerregistry.audit.DataSubject;
import org.prisonerregistry.audit.PersonalRecord;
import org.prisonerregistry.keys.Sealed;

/**
 * A lawyer or human-rights defender who works for an organisation. Everything here is SPECIAL data:
 * {@link #toString()} shows only identifiers and categories, so a record that ends up in a log line
 * or an exception message carries no name, contact or protective measure. Those three stay sealed
 * until a field that selected them is admitted.
 */
public record Defender(
        UUID id,
        UUID organisationId,
        Sealed<String> fullName,
        DefenderKind kind,
        String loginSubject,
        Sealed<String> contact,
        RiskLevel riskLevel,
        Sealed<String> protectiveMeasures,
        OffsetDateTime recordedAt,
        int version) implements OwnedRecord, PersonalRecord {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.defender(id);
    }

    /** A defender who logs in owns their record: the SELF audience reads it. */
    @Override
    public String ownerSubject() {
        return loginSubject;
    }

    @Override
    public String toString() {
        return "Defender[id=" + id + ", organisationId=" + organisationId + ", kind=" + kind + ", riskLevel="
                + riskLevel + ", version=" + version + "]";
    }
}
