package org.prisonerregistry.solidarity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.prisonerregistry.audit.DataSubject;
import org.prisonerregistry.audit.PersonalRecord;
import org.prisonerregistry.keys.Sealed;

/**
 * A need of a detainee or the family. The description is RESTRICTED, and SPECIAL (health data)
 * when the category is HEALTH or PSYCHOLOGICAL: the API shows the two kinds in two fields with
 * their own policies, so that a coordinator never receives a health description. It stays sealed
 * until the one of the two fields that may show it is admitted.
 */
public record SupportNeed(UUID id, UUID detaineeId, NeedCategory category, Sealed<String> description, NeedStatus status,
                          LocalDate recordedOn, OffsetDateTime recordedAt, int version) implements PersonalRecord {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.detainee(detaineeId);
    }

    /** The description of a need that is not about health; null for a health need. */
    public Sealed<String> generalDescription() {
        return category.isHealth() ? null : description;
    }

    /** The description of a health need; null for any other. */
    public Sealed<String> healthDescription() {
        return category.isHealth() ? description : null;
    }
}
