package org.prisonerregistry.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated {@code first}/{@code after} pair for keyset pagination. Cursors are opaque to clients:
 * base64url of a kind tag and the last key seen, so a cursor of one list is refused by another.
 */
public record PageRequest(int size, String afterKey) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer first, String after, String kind) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("first", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(size, after == null ? null : decode(after, kind));
    }

    public static String cursor(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String kind) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind + ":")) {
                return decoded.substring(kind.length() + 1);
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the same answer as a cursor of another list
        }
        throw new InvalidInputException("after", "is not a cursor of this list");
    }
}
