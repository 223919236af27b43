package org.prisonerregistry.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The one byte string an event hashes to, version 1. Length-prefixed binary rather than JSON:
 * there is no whitespace, key order, number or escape rule to agree on, so two encoders cannot
 * disagree about the same event.
 *
 * <pre>
 * string   = 0x01 || uint32 length || UTF-8 bytes      (null: a single 0x00)
 * list     = uint32 count || string*
 * event    = string("prisoner-registry/audit-event/v1")
 *            || int64 seq || int64 occurredAt (microseconds since 1970-01-01T00:00Z)
 *            || string subject || list roles || string organisation || string clientAddress
 *            || string operationName || string documentHash || list touchedSubjects
 *            || list fields || string purpose || string outcome
 * </pre>
 * All integers are big-endian. The sequence number is part of the leaf, so an event moved to
 * another place in the log no longer matches its sealed leaf hash.
 *
 * <p>What {@link StagingMac} authenticates when an event is staged, before it has a sequence number,
 * is the same with another domain and the staging nonce (16 bytes, the UUID's two longs) in place of
 * the sequence number:
 * <pre>
 * staged   = string("prisoner-registry/audit-staged-event/v1") || nonce || int64 occurredAt || ... as above
 * </pre>
 */
public final class CanonicalEventEncoding {

    static final String DOMAIN = "prisoner-registry/audit-event/v1";
    static final String STAGED_DOMAIN = "prisoner-registry/audit-staged-event/v1";

    private CanonicalEventEncoding() {
    }

    public static byte[] encode(long seq, AuditEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, DOMAIN);
            out.writeLong(seq);
            content(out, event);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    /** The event as staged: its whole content under the staging nonce, which makes each staged event unique. */
    public static byte[] encodeStaged(UUID nonce, AuditEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, STAGED_DOMAIN);
            out.writeLong(nonce.getMostSignificantBits());
            out.writeLong(nonce.getLeastSignificantBits());
            content(out, event);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static void content(DataOutputStream out, AuditEvent event) throws IOException {
        out.writeLong(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, event.occurredAt()));
        string(out, event.subject());
        list(out, event.roles());
        string(out, event.organisation());
        string(out, event.clientAddress());
        string(out, event.operationName());
        string(out, event.documentHash());
        list(out, event.touchedSubjects());
        list(out, event.fields());
        string(out, event.purpose());
        string(out, event.outcome().name());
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeByte(1);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void list(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }
}
