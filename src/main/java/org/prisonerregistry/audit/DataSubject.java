package org.prisonerregistry.audit;

import java.util.Objects;
import java.util.UUID;
import org.prisonerregistry.keys.SubjectKind;

/** A person whose data a record holds: a detainee or a defender, by id. The audit log names them only by a keyed hash. */
public record DataSubject(SubjectKind kind, UUID id) {

    public DataSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static DataSubject detainee(UUID id) {
        return new DataSubject(SubjectKind.DETAINEE, id);
    }

    public static DataSubject defender(UUID id) {
        return new DataSubject(SubjectKind.DEFENDER, id);
    }
}
