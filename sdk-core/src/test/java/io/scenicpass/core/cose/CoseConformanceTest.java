package io.scenicpass.core.cose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.TestData;
import io.scenicpass.core.internal.crypto.Crypto;
import io.scenicpass.core.internal.text.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The COSE working group vectors in ../shared/testdata/cose. */
class CoseConformanceTest {

    static List<Path> eddsa() {
        return TestData.jsonFiles("cose/eddsa-examples");
    }

    static List<Path> sign1() {
        return TestData.jsonFiles("cose/sign1-tests");
    }

    static List<Path> ecdsa() {
        return TestData.jsonFiles("cose/ecdsa-examples");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eddsa")
    void eddsaSign1ExactBytes(Path file) {
        JsonNode v = TestData.json(file);
        JsonNode sign0 = v.at("/input/sign0");
        JsonNode key = sign0.get("key");
        Assumptions.assumeTrue(
                "Ed25519".equals(key.get("crv").asText()),
                "SKIP " + file.getFileName() + ": " + key.get("crv").asText() + " is not supported (Ed25519 only)");
        IssuerKey k = IssuerKey.fromSeed(Hex.decode(key.get("d_hex").asText()));
        assertThat(k.publicKey()).isEqualTo(Hex.decode(key.get("x_hex").asText()));

        byte[] expected = Hex.decode(v.at("/output/cbor").asText());
        CoseSign1 parsed = CoseSign1.decode(expected);
        byte[] payload = v.at("/input/plaintext").asText().getBytes(StandardCharsets.UTF_8);
        Map<Integer, Object> unprotected = Collections.singletonMap(
                CoseSign1.KID, sign0.at("/unprotected/kid").asText().getBytes(StandardCharsets.UTF_8));
        byte[] produced = CoseSign1.signEd25519(k, parsed.protectedBytes(), unprotected, payload, true);

        assertThat(Hex.encode(parsed.toBeSigned(new byte[0])))
                .isEqualToIgnoringCase(v.at("/intermediates/ToBeSign_hex").asText());
        assertThat(Hex.encode(produced))
                .isEqualToIgnoringCase(v.at("/output/cbor").asText());
        assertThat(parsed.verifyEd25519(k.publicKey())).isTrue();
        assertThat(parsed.algorithm()).isEqualTo(-8);
        assertThat(parsed.keyId())
                .hasValueSatisfying(kid ->
                        assertThat(new String(kid, StandardCharsets.UTF_8)).isEqualTo("11"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sign1")
    void sign1PassAndFailCases(Path file) throws Exception {
        JsonNode v = TestData.json(file);
        PublicKey key = ecKey(v.at("/input/sign0/key"));
        byte[] aad = v.at("/input/sign0/external").isMissingNode()
                ? new byte[0]
                : Hex.decode(v.at("/input/sign0/external").asText());
        byte[] data = Hex.decode(v.at("/output/cbor").asText());
        if (v.path("fail").asBoolean(false)) {
            assertThat(verifies(data, key, aad)).as(v.get("title").asText()).isFalse();
        } else {
            assertThat(verifies(data, key, aad)).as(v.get("title").asText()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ecdsa")
    void ecdsaExamplesVerify(Path file) throws Exception {
        JsonNode v = TestData.json(file);
        JsonNode key = v.at("/input/sign0/key");
        Assumptions.assumeTrue(
                "P-256".equals(key.get("crv").asText()),
                "SKIP " + file.getFileName() + ": " + v.at("/input/sign0/alg").asText()
                        + " is not supported (ES256 only)");
        byte[] data = Hex.decode(v.at("/output/cbor").asText());
        CoseSign1 c = CoseSign1.decode(data);
        assertThat(c.algorithm()).isEqualTo(-7);
        assertThat(c.verify(ecKey(key))).isTrue();
        assertThat(Hex.encode(c.toBeSigned(new byte[0])))
                .isEqualToIgnoringCase(v.at("/intermediates/ToBeSign_hex").asText());
        byte[] tampered = data.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(CoseSign1.decode(tampered).verify(ecKey(key))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sign1")
    void failCasesAreTypedErrorsOrFalse(Path file) {
        byte[] data = Hex.decode(TestData.json(file).at("/output/cbor").asText());
        try {
            CoseSign1.decode(data).supportedAlgorithm();
        } catch (ScenicPassException e) {
            assertThat(e.code()).isNotNull();
        }
    }

    /** EU DCC corpus: every COSE that is expected to verify must decode (tag 61 around 18, kid twice). */
    @org.junit.jupiter.api.Test
    void dgcCoseMessagesDecode() throws Exception {
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(TestData.dir("dgc"))) {
            files = s.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .collect(java.util.stream.Collectors.toList());
        }
        int decoded = 0;
        for (Path f : files) {
            JsonNode v;
            try {
                v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
            } catch (java.io.IOException e) {
                continue;
            }
            if (!v.hasNonNull("COSE")
                    || !v.at("/EXPECTEDRESULTS/EXPECTEDVERIFY").asBoolean(false)) {
                continue;
            }
            CoseSign1 c = CoseSign1.decode(Hex.decode(v.get("COSE").asText()));
            assertThat(c.keyId()).as(f.toString()).isPresent();
            decoded++;
        }
        assertThat(decoded).isGreaterThan(20);
    }

    static boolean verifies(byte[] data, PublicKey key, byte[] aad) {
        try {
            return CoseSign1.decode(data).verify(key, aad);
        } catch (ScenicPassException e) {
            return false;
        }
    }

    static PublicKey ecKey(JsonNode jwk) throws Exception {
        Base64.Decoder d = Base64.getUrlDecoder();
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC", Crypto.BC);
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(
                new BigInteger(1, d.decode(jwk.get("x").asText())),
                new BigInteger(1, d.decode(jwk.get("y").asText())));
        return KeyFactory.getInstance("EC", Crypto.BC).generatePublic(new ECPublicKeySpec(w, spec));
    }
}
