package org.prisonerregistry.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 public key with the name it signs notes under (C2SP signed-note), and the 4-byte key
 * ID that tells a verifier which of its keys made a signature line.
 */
public record NoteKey(String name, PublicKey publicKey) {

    /** The signed-note signature type byte for Ed25519. */
    static final byte ED25519_TYPE = 0x01;

    public NoteKey {
        requireValidName(name);
        Ed25519.raw(publicKey); // refuses any other algorithm
    }

    /** SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4], as signed-note recommends for Ed25519. */
    public byte[] keyId() {
        MessageDigest sha256 = MerkleTree.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update(ED25519_TYPE);
        sha256.update(Ed25519.raw(publicKey));
        return Arrays.copyOf(sha256.digest(), 4);
    }

    /**
     * The verifier key string a partner configures to check checkpoints (the form Go's
     * golang.org/x/mod/sumdb/note reads): name + hex key ID + base64(0x01 || public key).
     */
    public String verifierKey() {
        byte[] raw = Ed25519.raw(publicKey);
        byte[] typed = new byte[raw.length + 1];
        typed[0] = ED25519_TYPE;
        System.arraycopy(raw, 0, typed, 1, raw.length);
        return name + "+" + HexFormat.of().formatHex(keyId()) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Key names (and so origins) are non-empty and hold no whitespace or '+'. */
    static void requireValidName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A key name (checkpoint origin) must not be empty");
        }
        boolean bad = name.codePoints().anyMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c));
        if (bad) {
            throw new IllegalArgumentException("A key name (checkpoint origin) holds no spaces, '+' or control characters: " + name);
        }
    }
}
