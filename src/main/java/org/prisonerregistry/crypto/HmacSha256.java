package org.prisonerregistry.crypto;

import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SHA-256 from Bouncy Castle, with truncation and a constant-time check. */
final class HmacSha256 {

    static final int FULL_BYTES = 32;

    private HmacSha256() {
    }

    /** An HMAC under {@code key}; each {@code doFinal} returns it to this keyed state, ready for the next message. */
    static HMac keyed(byte[] key) {
        HMac hmac = new HMac(SHA256Digest.newInstance());
        hmac.init(new KeyParameter(key));
        return hmac;
    }

    static byte[] mac(byte[] key, byte[] message) {
        HMac hmac = keyed(key);
        hmac.update(message, 0, message.length);
        byte[] out = new byte[FULL_BYTES];
        hmac.doFinal(out, 0);
        return out;
    }

    /** The first {@code bytes} bytes of the MAC (RFC 2104 section 5 truncation). */
    static byte[] mac(byte[] key, byte[] message, int bytes) {
        byte[] full = mac(key, message);
        return bytes == FULL_BYTES ? full : java.util.Arrays.copyOf(full, bytes);
    }

    /** Constant-time, so that timing does not reveal how much of a guessed tag was right. */
    static boolean verify(byte[] key, byte[] message, byte[] tag) {
        if (tag.length == 0 || tag.length > FULL_BYTES) {
            return false;
        }
        return MessageDigest.isEqual(mac(key, message, tag.length), tag);
    }
}
