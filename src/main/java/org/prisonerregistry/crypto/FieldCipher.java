package org.prisonerregistry.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Encrypts and decrypts one field with the subject's data key: AES-256-GCM, a random 96-bit nonce,
 * a key commitment, and associated data that binds the value to its table, column, row, subject and
 * key version.
 *
 * <p>Stored format (version 1), byte by byte:
 * <pre>
 *  0      format version   0x01
 *  1      algorithm        0x01 = AES-256-GCM, HKDF sub-key, HKDF key commitment
 *  2..5   data-key version unsigned 32-bit big-endian
 *  6..17  nonce            12 random bytes
 *  18..49 key commitment   32 bytes
 *  50..   ciphertext       as long as the plaintext
 *  last16 GCM tag
 * </pre>
 * Associated data = "prisoner-registry/field/v1" ‖ bytes 0..5 ‖ table ‖ column ‖ row id ‖ subject id
 * ‖ key version (strings length-prefixed, ids as 16 bytes), rebuilt from the {@link FieldContext}.
 */
public final class FieldCipher {

    static final byte FORMAT_VERSION = 0x01;
    static final byte AES_256_GCM_COMMITTED = 0x01;
    static final int NONCE_BYTES = 12;
    static final int HEADER_BYTES = 6;
    static final int COMMITMENT_OFFSET = HEADER_BYTES + NONCE_BYTES;
    static final int CIPHERTEXT_OFFSET = COMMITMENT_OFFSET + CommittingKey.COMMITMENT_BYTES;
    /** Bytes a stored value adds to its plaintext. */
    public static final int OVERHEAD = CIPHERTEXT_OFFSET + AesGcm.TAG_BYTES;

    private static final byte[] DOMAIN = "prisoner-registry/field/v1".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random;

    public FieldCipher() {
        this(new SecureRandom());
    }

    FieldCipher(SecureRandom random) {
        this.random = random;
    }

    public byte[] encrypt(byte[] plaintext, FieldContext context, DataKey key) {
        Objects.requireNonNull(plaintext, "plaintext");
        requireKeyFor(context, key, "encrypt");
        byte[] stored = new byte[OVERHEAD + plaintext.length];
        stored[0] = FORMAT_VERSION;
        stored[1] = AES_256_GCM_COMMITTED;
        putU32(stored, 2, context.keyVersion());
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, stored, HEADER_BYTES, NONCE_BYTES);
        CommittingKey fieldKey = key.fieldKey();
        System.arraycopy(fieldKey.commitment(), 0, stored, COMMITMENT_OFFSET, CommittingKey.COMMITMENT_BYTES);
        try {
            byte[] sealed = AesGcm.seal(fieldKey.encryptionKey(), nonce, associatedData(stored, context), plaintext);
            System.arraycopy(sealed, 0, stored, CIPHERTEXT_OFFSET, sealed.length);
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + context.place());
        }
    }

    public byte[] decrypt(byte[] stored, FieldContext context, DataKey key) {
        Objects.requireNonNull(context, "context");
        if (stored == null || stored.length < OVERHEAD) {
            throw failure(context, "stored value is truncated");
        }
        if (stored[0] != FORMAT_VERSION || stored[1] != AES_256_GCM_COMMITTED) {
            throw failure(context, "unknown format or algorithm");
        }
        if (Encoding.readU32(stored, 2) != context.keyVersion()) {
            throw failure(context, "stored key version differs from the row's");
        }
        requireKeyFor(context, key, "decrypt");
        CommittingKey fieldKey = key.fieldKey();
        if (!fieldKey.commitsTo(stored, COMMITMENT_OFFSET)) {
            throw failure(context, "written with another data key");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(stored, HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
        try {
            return AesGcm.open(fieldKey.encryptionKey(), nonce, associatedData(stored, context), stored,
                    CIPHERTEXT_OFFSET, stored.length - CIPHERTEXT_OFFSET);
        } catch (GeneralSecurityException e) {
            throw failure(context, "authentication failed (tampered, or copied from another row, column or subject)");
        }
    }

    public byte[] encryptText(String plaintext, FieldContext context, DataKey key) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context, key);
    }

    public String decryptText(byte[] stored, FieldContext context, DataKey key) {
        return new String(decrypt(stored, context, key), StandardCharsets.UTF_8);
    }

    private static void requireKeyFor(FieldContext context, DataKey key, String action) {
        Objects.requireNonNull(key, "key");
        if (!key.subjectId().equals(context.subjectId()) || key.version() != context.keyVersion()) {
            String message = "cannot " + action + " " + context.place() + ": the data key is not this subject's key version "
                    + context.keyVersion();
            throw action.equals("decrypt") ? new DecryptionFailedException(message) : new IllegalArgumentException(message);
        }
    }

    private static byte[] associatedData(byte[] stored, FieldContext context) {
        return new Encoding().bytes(DOMAIN).bytes(stored, 0, HEADER_BYTES)
                .text(context.table()).text(context.column())
                .uuid(context.rowId()).uuid(context.subjectId()).u32(context.keyVersion())
                .toByteArray();
    }

    private static DecryptionFailedException failure(FieldContext context, String reason) {
        return new DecryptionFailedException("cannot decrypt " + context.place() + ": " + reason);
    }

    static void putU32(byte[] out, int offset, int value) {
        out[offset] = (byte) (value >>> 24);
        out[offset + 1] = (byte) (value >>> 16);
        out[offset + 2] = (byte) (value >>> 8);
        out[offset + 3] = (byte) value;
    }
}
