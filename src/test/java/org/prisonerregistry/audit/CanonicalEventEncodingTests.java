package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalEventEncodingTests {

    private static final AuditEvent EVENT = new AuditEvent(Instant.parse("2026-03-01T10:00:00.123456789Z"), "s",
            List.of("A"), null, null, null, null, List.of(), List.of("F"), "", AuditOutcome.FORBIDDEN);

    @Test
    void shouldEncodeFieldsLengthPrefixedInTheirFixedOrder() {
        String hex = HexFormat.of().formatHex(CanonicalEventEncoding.encode(1, EVENT));
        String expected = "01" + "00000020" + HexFormat.of().formatHex(CanonicalEventEncoding.DOMAIN.getBytes())
                + "0000000000000001"                  // seq
                + String.format("%016x", 1772359200123456L) // microseconds: nanoseconds are dropped
                + "01" + "00000001" + "73"            // subject "s"
                + "00000001" + "01" + "00000001" + "41" // roles ["A"]
                + "00" + "00" + "00" + "00"           // organisation, clientAddress, operationName, documentHash: null
                + "00000000"                          // touchedSubjects []
                + "00000001" + "01" + "00000001" + "46" // fields ["F"]
                + "01" + "00000000"                   // purpose "" (present but empty, unlike null)
                + "01" + "00000009" + HexFormat.of().formatHex("FORBIDDEN".getBytes());
        assertThat(hex).isEqualTo(expected);
    }

    @Test
    void shouldTellApartValuesThatConcatenateAlike() {
        AuditEvent ab = new AuditEvent(EVENT.occurredAt(), "s", List.of("AB"), null, null, null, null, List.of(), List.of(), null, AuditOutcome.ALLOWED);
        AuditEvent aThenB = new AuditEvent(EVENT.occurredAt(), "s", List.of("A", "B"), null, null, null, null, List.of(), List.of(), null, AuditOutcome.ALLOWED);
        AuditEvent nullPurpose = new AuditEvent(EVENT.occurredAt(), "s", List.of("AB"), null, null, null, null, List.of(), List.of(), "", AuditOutcome.ALLOWED);
        assertThat(CanonicalEventEncoding.encode(1, ab)).isNotEqualTo(CanonicalEventEncoding.encode(1, aThenB));
        assertThat(CanonicalEventEncoding.encode(1, ab)).isNotEqualTo(CanonicalEventEncoding.encode(1, nullPurpose));
        assertThat(CanonicalEventEncoding.encode(1, ab)).isNotEqualTo(CanonicalEventEncoding.encode(2, ab));
    }
}
