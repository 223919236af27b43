package org.prisonerregistry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Known answers from Project Wycheproof (copied into src/test/resources/wycheproof with README and LICENSE). */
class WycheproofTests {

    private static final HexFormat HEX = HexFormat.of();

    /** One test case with its group, named for the report. */
    record Case(JsonNode group, JsonNode test) {
        byte[] hex(String field) {
            return HEX.parseHex(test.path(field).asString());
        }

        String result() {
            return test.path("result").asString();
        }
    }

    static Stream<Arguments> cases(String file) {
        JsonNode root;
        try (InputStream in = WycheproofTests.class.getResourceAsStream("/wycheproof/" + file)) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            for (JsonNode test : group.path("tests")) {
                out.add(Arguments.of(Named.of(file + " tcId " + test.path("tcId").asInt() + " " + test.path("result").asString(),
                        new Case(group, test))));
            }
        }
        assertThat(out).hasSize(root.path("numberOfTests").asInt());
        return out.stream();
    }

    static Stream<Arguments> aesGcm() {
        return cases("aes_gcm_test.json");
    }

    static Stream<Arguments> aesGcmSiv() {
        return cases("aes_gcm_siv_test.json");
    }

    static Stream<Arguments> hkdf() {
        return cases("hkdf_sha256_test.json");
    }

    static Stream<Arguments> hmac() {
        return cases("hmac_sha256_test.json");
    }

    /** Every group, not only the 256-bit key / 96-bit nonce one the field cipher uses: the primitive is tested whole. */
    @ParameterizedTest
    @MethodSource("aesGcm")
    void aesGcmMatchesWycheproof(Case c) throws GeneralSecurityException {
        checkAead(c, AesGcm::seal, AesGcm::open);
    }

    @ParameterizedTest
    @MethodSource("aesGcmSiv")
    void aesGcmSivMatchesWycheproof(Case c) throws GeneralSecurityException {
        checkAead(c, AesGcmSiv::seal, AesGcmSiv::open);
    }

    @ParameterizedTest
    @MethodSource("hkdf")
    void hkdfSha256MatchesWycheproof(Case c) {
        int size = c.test().path("size").asInt();
        if (c.result().equals("invalid")) {
            assertThatThrownBy(() -> Hkdf.derive(c.hex("ikm"), c.hex("salt"), c.hex("info"), size))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(Hkdf.derive(c.hex("ikm"), c.hex("salt"), c.hex("info"), size)).isEqualTo(c.hex("okm"));
            // Extract once, expand separately (what CommittingKey does): the same output.
            assertThat(Hkdf.expand(Hkdf.extract(c.hex("salt"), c.hex("ikm")), c.hex("info"), size)).isEqualTo(c.hex("okm"));
        }
    }

    @ParameterizedTest
    @MethodSource("hmac")
    void hmacSha256MatchesWycheproof(Case c) {
        int tagBytes = c.group().path("tagSize").asInt() / 8;
        byte[] key = c.hex("key");
        byte[] msg = c.hex("msg");
        byte[] tag = c.hex("tag");
        if (c.result().equals("invalid")) {
            assertThat(HmacSha256.verify(key, msg, tag)).isFalse();
        } else {
            assertThat(HmacSha256.mac(key, msg, tagBytes)).isEqualTo(tag);
            assertThat(HmacSha256.verify(key, msg, tag)).isTrue();
        }
    }

    interface Seal {
        byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) throws GeneralSecurityException;
    }

    interface Open {
        byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length) throws GeneralSecurityException;
    }

    private static void checkAead(Case c, Seal seal, Open open) throws GeneralSecurityException {
        byte[] key = c.hex("key");
        byte[] iv = c.hex("iv");
        byte[] aad = c.hex("aad");
        byte[] msg = c.hex("msg");
        byte[] sealed = concat(c.hex("ct"), c.hex("tag"));
        switch (c.result()) {
            case "valid" -> {
                assertThat(seal.seal(key, iv, aad, msg)).isEqualTo(sealed);
                assertThat(open.open(key, iv, aad, sealed, 0, sealed.length)).isEqualTo(msg);
            }
            case "invalid" -> assertThatThrownBy(() -> open.open(key, iv, aad, sealed, 0, sealed.length))
                    .isInstanceOf(GeneralSecurityException.class);
            default -> {
                // "acceptable": either answer is right, but an accepted one must be exact.
                try {
                    assertThat(open.open(key, iv, aad, sealed, 0, sealed.length)).isEqualTo(msg);
                } catch (GeneralSecurityException rejected) {
                    // allowed
                }
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
