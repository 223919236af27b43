package org.prisonerregistry.audit;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** A 32-byte SHA-256 value in the audit Merkle tree: a leaf hash, a node hash or a root. */
public record TreeHash(byte[] bytes) {

    public static final int LENGTH = 32;

    public TreeHash {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("A tree hash has exactly 32 bytes");
        }
        bytes = bytes.clone(); // a record must not share a mutable array with its caller
    }

    public static TreeHash ofHex(String hex) {
        return new TreeHash(HexFormat.of().parseHex(hex));
    }

    public static TreeHash ofBase64(String base64) {
        return new TreeHash(Base64.getDecoder().decode(base64));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    void writeTo(MessageDigest digest) {
        digest.update(bytes);
    }

    @Override
    public boolean equals(Object other) {
        // constant time: roots are compared with values an attacker may have chosen
        return other instanceof TreeHash that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
