package org.prisonerregistry.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Unambiguous byte encodings for associated data and file payloads: fixed-width integers, length-prefixed strings. */
final class Encoding {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    Encoding bytes(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    Encoding bytes(byte[] value, int offset, int length) {
        out.write(value, offset, length);
        return this;
    }

    Encoding u32(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    /** Length-prefixed, so that ("ab","c") and ("a","bc") never encode alike. */
    Encoding text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        return bytes(utf8);
    }

    Encoding uuid(UUID value) {
        long hi = value.getMostSignificantBits();
        long lo = value.getLeastSignificantBits();
        u32((int) (hi >>> 32)).u32((int) hi).u32((int) (lo >>> 32)).u32((int) lo);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    static int readU32(byte[] in, int offset) {
        return (in[offset] & 0xff) << 24 | (in[offset + 1] & 0xff) << 16 | (in[offset + 2] & 0xff) << 8 | in[offset + 3] & 0xff;
    }
}
