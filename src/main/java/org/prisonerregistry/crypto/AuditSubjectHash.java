package org.prisonerregistry.crypto;

import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.bouncycastle.crypto.macs.HMac;

/**
 * The keyed hash by which the audit log names a person whose data was touched, instead of their id:
 * HMAC-SHA-256 of the subject kind and id under a key HKDF-derived from the keyring's index key with
 * its own label (so it is never a blind-index key), truncated to 16 bytes as {@link BlindIndex} is.
 * Stable across master-key rotation, so an auditor can follow one person through the whole log.
 */
public final class AuditSubjectHash {

    /** Length of the hash in bytes; its hex form is twice as long. */
    public static final int BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Keyed once per thread: an event names up to a page of persons, and an HMAC whose key pads are
     * already hashed costs half the compressions of one keyed afresh.
     */
    private final ThreadLocal<HMac> keyed;

    public AuditSubjectHash(Keyring keyring) {
        byte[] key = Hkdf.derive(keyring.indexKey(), null,
                new Encoding().bytes("prisoner-registry/audit-subject/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .toByteArray(), 32);
        this.keyed = ThreadLocal.withInitial(() -> HmacSha256.keyed(key));
    }

    /** Lower-case hex of the keyed hash of the person of this kind (e.g. "DETAINEE") and id. */
    public String of(String kind, UUID id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        byte[] message = new Encoding().text(kind).uuid(id).toByteArray();
        HMac hmac = keyed.get();
        hmac.update(message, 0, message.length);
        byte[] full = new byte[HmacSha256.FULL_BYTES];
        hmac.doFinal(full, 0); // and back to the keyed state, for the next person
        return HEX.formatHex(full, 0, BYTES);
    }
}
