package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Project Wycheproof's Ed25519 vectors (src/test/resources/wycheproof, copied with their README and LICENSE). */
class Ed25519WycheproofTests {

    @TestFactory
    Stream<DynamicTest> shouldAcceptEveryValidAndRejectEveryInvalidSignature() throws Exception {
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/wycheproof/ed25519_test.json")) {
            assertThat(in).as("the Wycheproof vectors are on the test classpath").isNotNull();
            vectors = new ObjectMapper().readTree(in);
        }
        HexFormat hex = HexFormat.of();
        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (JsonNode group : vectors.get("testGroups")) {
            var publicKey = Ed25519.publicKey(hex.parseHex(group.get("publicKey").get("pk").asString()));
            for (JsonNode test : group.get("tests")) {
                boolean valid = test.get("result").asString().equals("valid");
                byte[] message = hex.parseHex(test.get("msg").asString());
                byte[] signature = hex.parseHex(test.get("sig").asString());
                String name = "tcId " + test.get("tcId").asInt() + " " + test.get("result").asString() + " " + test.get("comment").asString();
                tests.add(DynamicTest.dynamicTest(name, () ->
                        assertThat(Ed25519.verify(publicKey, message, signature)).isEqualTo(valid)));
            }
        }
        assertThat(tests).hasSize(vectors.get("numberOfTests").asInt());
        return tests.stream();
    }
}
