package org.prisonerregistry.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Verifies signed checkpoint notes against the log's public key, following C2SP signed-note:
 * signature lines from other keys are ignored, a line from this key that fails rejects the note,
 * and a note with no valid line from this key is rejected.
 */
public final class CheckpointVerifier {

    static final String SIGNATURE_LINE_START = "\u2014 ";
    /** Signed-note asks verifiers to bound a note; 16 post-quantum signatures fit well within this. */
    private static final int MAX_NOTE_LENGTH = 100_000;

    private final NoteKey key;
    private final byte[] keyId;

    public CheckpointVerifier(NoteKey key) {
        this.key = key;
        this.keyId = key.keyId();
    }

    public NoteKey key() {
        return key;
    }

    /** The checkpoint the note carries, once its signature verifies and its origin is this log's. */
    public Checkpoint verify(String note) throws CheckpointRejectedException {
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new CheckpointRejectedException("the note is longer than " + MAX_NOTE_LENGTH + " characters");
        }
        if (note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new CheckpointRejectedException("the note holds control characters");
        }
        int separator = note.lastIndexOf("\n\n");
        if (separator < 0 || separator + 2 >= note.length() || !note.endsWith("\n")) {
            throw new CheckpointRejectedException("the note has no signature block");
        }
        String text = note.substring(0, separator + 1);
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (String line : note.substring(separator + 2, note.length() - 1).split("\n", -1)) {
            if (verifiesLine(line, textBytes)) {
                verified = true;
            }
        }
        if (!verified) {
            throw new CheckpointRejectedException("no signature by " + key.name() + " on the note");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CheckpointRejectedException("the signed text is not a checkpoint: " + e.getMessage());
        }
        if (!checkpoint.origin().equals(key.name())) {
            throw new CheckpointRejectedException("the checkpoint is of " + checkpoint.origin() + ", not " + key.name());
        }
        return checkpoint;
    }

    /** True for a good line from this key, false for a line from another key; throws for a bad line from this key. */
    private boolean verifiesLine(String line, byte[] text) throws CheckpointRejectedException {
        if (!line.startsWith(SIGNATURE_LINE_START)) {
            throw new CheckpointRejectedException("malformed signature line");
        }
        String rest = line.substring(SIGNATURE_LINE_START.length());
        int space = rest.indexOf(' ');
        if (space <= 0) {
            throw new CheckpointRejectedException("malformed signature line");
        }
        byte[] signed;
        try {
            signed = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new CheckpointRejectedException("a signature line is not base64");
        }
        if (signed.length < 5) {
            throw new CheckpointRejectedException("a signature line is too short");
        }
        boolean ours = rest.substring(0, space).equals(key.name()) && Arrays.equals(signed, 0, 4, keyId, 0, 4);
        if (!ours) {
            return false;
        }
        if (!Ed25519.verify(key.publicKey(), text, Arrays.copyOfRange(signed, 4, signed.length))) {
            throw new CheckpointRejectedException("the signature by " + key.name() + " does not verify");
        }
        return true;
    }
}
