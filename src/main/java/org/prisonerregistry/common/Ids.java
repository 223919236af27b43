package org.prisonerregistry.common;

import java.util.UUID;

/** Parses GraphQL {@code ID} arguments, naming the argument when one is malformed. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String field, String id) {
        if (id == null) {
            throw new InvalidInputException(field, "is required");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a valid id");
        }
    }
}
