package org.prisonerregistry.defender;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.prisonerregistry.common.InvalidInputException;

/**
 * Where a defender stands in the list: by time of recording, then by id to break ties. This is the
 * keyset the {@code defenders} connection pages on, and the key its opaque cursors carry.
 */
record DefenderPosition(OffsetDateTime recordedAt, UUID id) {

    private static final char SEPARATOR = '|';

    static DefenderPosition of(Defender d) {
        return new DefenderPosition(d.recordedAt(), d.id());
    }

    /** The position written in a cursor key; a key that is not one is refused as a bad {@code after}. */
    static DefenderPosition parse(String key) {
        int split = key.indexOf(SEPARATOR);
        if (split > 0) {
            try {
                return new DefenderPosition(Instant.parse(key.substring(0, split)).atOffset(ZoneOffset.UTC),
                        UUID.fromString(key.substring(split + 1)));
            } catch (DateTimeParseException | IllegalArgumentException malformed) {
                // falls through to the same answer as any other foreign cursor
            }
        }
        throw new InvalidInputException("after", "is not a cursor of this list");
    }

    String key() {
        return recordedAt.toInstant().toString() + SEPARATOR + id;
    }
}
