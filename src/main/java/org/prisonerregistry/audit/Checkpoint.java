package org.prisonerregistry.audit;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The audit tree's head at one size, in the C2SP tlog-checkpoint note text format: the origin
 * line, the tree size in decimal and the base64 root hash, each ending in a newline.
 */
public record Checkpoint(String origin, long size, TreeHash root) {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        NoteKey.requireValidName(origin);
        if (size < 0) {
            throw new IllegalArgumentException("A tree size is never negative");
        }
        if (root == null) {
            throw new IllegalArgumentException("A checkpoint needs a root hash");
        }
    }

    /** The note text that gets signed. */
    public String text() {
        return origin + "\n" + size + "\n" + root.base64() + "\n";
    }

    byte[] textBytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a checkpoint's note text; extension lines after the root are allowed by the format and ignored. */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("A checkpoint text ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("A checkpoint text has an origin, a size and a root line");
        }
        for (String line : lines) {
            if (line.isEmpty()) {
                throw new IllegalArgumentException("A checkpoint text has no empty lines");
            }
        }
        if (!DECIMAL.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("The tree size is not a decimal number without leading zeros: " + lines[1]);
        }
        TreeHash root;
        try {
            root = TreeHash.ofBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The root line is not the base64 of a 32-byte hash", e);
        }
        if (!root.base64().equals(lines[2])) {
            throw new IllegalArgumentException("The root line is not canonical base64");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }
}
