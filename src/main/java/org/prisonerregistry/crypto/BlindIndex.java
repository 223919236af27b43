package org.prisonerregistry.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact-match search over encrypted values: HMAC-SHA-256 of the normalised value under a per-column
 * key, HKDF-derived from the keyring's index key (never from a master key, so rotating master keys
 * leaves indexes valid), truncated to 16 bytes.
 *
 * <p>Why 16 bytes: 128 bits keep accidental collisions out of reach (about 2^-80 for ten million
 * values in a column), so a match is a match, and a hit is re-checked after decryption anyway;
 * halving the stored size keeps the index small. Truncation is not what protects low-entropy values
 * such as RUTs from guessing — the secret key is — so it is not made shorter for "plausible deniability".
 */
public final class BlindIndex {

    /** Length of a stored blind index. */
    public static final int BYTES = 16;

    private final byte[] indexKey;
    private final Map<IndexColumn, byte[]> columnKeys = new ConcurrentHashMap<>();

    public BlindIndex(Keyring keyring) {
        this.indexKey = keyring.indexKey().clone();
    }

    /** The index of an already normalised value (a normaliser's output). */
    public byte[] compute(IndexColumn column, String normalised) {
        Objects.requireNonNull(normalised, "normalised");
        byte[] key = columnKeys.computeIfAbsent(column, c -> Hkdf.derive(indexKey, null,
                new Encoding().bytes("prisoner-registry/blind-index/v1".getBytes(StandardCharsets.US_ASCII))
                        .text(c.table()).text(c.column()).toByteArray(), 32));
        return HmacSha256.mac(key, normalised.getBytes(StandardCharsets.UTF_8), BYTES);
    }

    /** The index of a raw value after normalising it; empty when the normaliser rejects the text. */
    public Optional<byte[]> of(IndexColumn column, SearchNormaliser normaliser, String raw) {
        return normaliser.normalise(raw).map(normal -> compute(column, normal));
    }

    /** Constant-time check of a stored index against a raw value, e.g. to re-check a hit after decryption. */
    public boolean matches(IndexColumn column, SearchNormaliser normaliser, String raw, byte[] stored) {
        return of(column, normaliser, raw).map(index -> MessageDigest.isEqual(index, stored)).orElse(false);
    }
}
