package org.prisonerregistry.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * Generates, wraps, unwraps and rewraps per-subject data keys under the keyring's master keys.
 * Destroying a subject's wrapped key (and every copy) makes their fields noise: crypto-shredding.
 *
 * <p>Wrapped format (version 1), byte by byte:
 * <pre>
 *  0       format version     0x01
 *  1       algorithm          0x02 = AES-256-GCM-SIV, HKDF sub-key, HKDF key commitment
 *  2..5    master-key version unsigned 32-bit big-endian
 *  6..9    data-key version   unsigned 32-bit big-endian
 *  10..21  nonce              12 random bytes
 *  22..53  key commitment     32 bytes, of the master key's wrapping sub-key
 *  54..85  wrapped data key   32 bytes
 *  86..101 GCM-SIV tag        16 bytes
 * </pre>
 * Associated data = "prisoner-registry/data-key/v1" ‖ bytes 0..9 ‖ subject id ‖ data-key version,
 * the subject and version coming from the caller's row.
 */
public final class SubjectKeys {

    static final byte FORMAT_VERSION = 0x01;
    static final byte AES_256_GCM_SIV_COMMITTED = 0x02;
    static final int HEADER_BYTES = 10;
    static final int COMMITMENT_OFFSET = HEADER_BYTES + AesGcmSiv.NONCE_BYTES;
    static final int WRAPPED_OFFSET = COMMITMENT_OFFSET + CommittingKey.COMMITMENT_BYTES;
    /** Length of a wrapped data key. */
    public static final int WRAPPED_BYTES = WRAPPED_OFFSET + Keyring.KEY_BYTES + AesGcmSiv.TAG_BYTES;

    private static final byte[] DOMAIN = "prisoner-registry/data-key/v1".getBytes(StandardCharsets.US_ASCII);

    private final Keyring keyring;

    public SubjectKeys(Keyring keyring) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    /** A new random data key for the subject, wrapped under the current master key. */
    public NewDataKey generate(UUID subjectId, int dataKeyVersion) {
        byte[] material = Keyring.randomKey();
        try {
            DataKey key = new DataKey(subjectId, dataKeyVersion, material);
            return new NewDataKey(key, wrap(material, subjectId, dataKeyVersion));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** The subject's data key; fails closed on any mismatch, tampering, missing or retired master key. */
    public DataKey unwrap(byte[] wrapped, UUID subjectId, int dataKeyVersion) {
        byte[] material = open(wrapped, subjectId, dataKeyVersion);
        try {
            return new DataKey(subjectId, dataKeyVersion, material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** The same data key wrapped under the current master key; the key never leaves this method. */
    public byte[] rewrap(byte[] wrapped, UUID subjectId, int dataKeyVersion) {
        byte[] material = open(wrapped, subjectId, dataKeyVersion);
        try {
            return wrap(material, subjectId, dataKeyVersion);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Whether a wrapped key is under an older master key than the current one (rotation picks these). */
    public boolean needsRewrap(byte[] wrapped) {
        return masterVersionOf(wrapped) != keyring.currentVersion();
    }

    /** The master-key version a wrapped key names in its header. */
    public static int masterVersionOf(byte[] wrapped) {
        if (wrapped == null || wrapped.length != WRAPPED_BYTES) {
            throw new DecryptionFailedException("a wrapped data key is malformed");
        }
        return Encoding.readU32(wrapped, 2);
    }

    private byte[] wrap(byte[] material, UUID subjectId, int dataKeyVersion) {
        int masterVersion = keyring.currentVersion();
        CommittingKey wrapping = keyring.currentWrappingKey();
        byte[] out = new byte[WRAPPED_BYTES];
        out[0] = FORMAT_VERSION;
        out[1] = AES_256_GCM_SIV_COMMITTED;
        FieldCipher.putU32(out, 2, masterVersion);
        FieldCipher.putU32(out, 6, dataKeyVersion);
        byte[] nonce = Keyring.randomKey();
        System.arraycopy(nonce, 0, out, HEADER_BYTES, AesGcmSiv.NONCE_BYTES);
        System.arraycopy(wrapping.commitment(), 0, out, COMMITMENT_OFFSET, CommittingKey.COMMITMENT_BYTES);
        try {
            byte[] sealed = AesGcmSiv.seal(wrapping.encryptionKey(), Arrays.copyOf(nonce, AesGcmSiv.NONCE_BYTES),
                    associatedData(out, subjectId, dataKeyVersion), material);
            System.arraycopy(sealed, 0, out, WRAPPED_OFFSET, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the data key of subject " + subjectId);
        }
    }

    private byte[] open(byte[] wrapped, UUID subjectId, int dataKeyVersion) {
        Objects.requireNonNull(subjectId, "subjectId");
        String place = "the data key of subject " + subjectId + " (version " + dataKeyVersion + ")";
        if (wrapped == null || wrapped.length != WRAPPED_BYTES) {
            throw new DecryptionFailedException("cannot unwrap " + place + ": malformed or truncated");
        }
        if (wrapped[0] != FORMAT_VERSION || wrapped[1] != AES_256_GCM_SIV_COMMITTED) {
            throw new DecryptionFailedException("cannot unwrap " + place + ": unknown format or algorithm");
        }
        if (Encoding.readU32(wrapped, 6) != dataKeyVersion) {
            throw new DecryptionFailedException("cannot unwrap " + place + ": stored key version differs from the row's");
        }
        // A missing or retired master version is a KeyringException: an operator problem, not a bad value.
        CommittingKey wrapping = keyring.wrappingKeyForUnwrap(Encoding.readU32(wrapped, 2));
        if (!wrapping.commitsTo(wrapped, COMMITMENT_OFFSET)) {
            throw new DecryptionFailedException("cannot unwrap " + place + ": wrapped under another master key");
        }
        try {
            return AesGcmSiv.open(wrapping.encryptionKey(), Arrays.copyOfRange(wrapped, HEADER_BYTES, COMMITMENT_OFFSET),
                    associatedData(wrapped, subjectId, dataKeyVersion), wrapped, WRAPPED_OFFSET, wrapped.length - WRAPPED_OFFSET);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("cannot unwrap " + place + ": authentication failed (tampered, or another subject's)");
        }
    }

    private static byte[] associatedData(byte[] header, UUID subjectId, int dataKeyVersion) {
        return new Encoding().bytes(DOMAIN).bytes(header, 0, HEADER_BYTES).uuid(subjectId).u32(dataKeyVersion).toByteArray();
    }
}
