package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.scenicpass.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party (a reseller's app, another scanner) verifies a pass with what {@code GET
 * /.well-known/scenicpass/keyset} publishes, as docs/verify-a-pass.md shows — with its own Base45, a plain CBOR
 * parser and Bouncy Castle's Ed25519, none of ScenicPass's own classes — and reads the product's id through the
 * published codes.
 */
class WellKnownKeySetTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String pass;
    static final ObjectMapper JSON = new ObjectMapper();
    static final CBORMapper CBOR = new CBORMapper();

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir);
        pass = SecurityFixture.book(ts, ts.channel("ota", 1000, 1000, null), "wk-1");
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void anIndependentDecoderVerifiesAPassWithThePublishedKeySet() throws Exception {
        TestServer.Answer a = ts.get("/.well-known/scenicpass/keyset", null); // no credentials at all
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.headers().get("cache-control")).isEqualTo("public, max-age=300");
        assertThat(a.headers().get("access-control-allow-origin")).isEqualTo("*");
        assertThat(a.body()).doesNotContainIgnoringCase("private");
        JsonNode published = JSON.readTree(a.body());

        // 1. the key set is signed by the area's root key (pinned out of band; here: the server's own)
        byte[] root = Base64.getDecoder().decode(published.get("rootPublicKey").asText());
        assertThat(root).isEqualTo(ts.server.keys().root().publicKey());
        byte[] setBytes = Base64.getUrlDecoder().decode(published.get("keySet").asText());
        assertThat(ed25519(
                        root,
                        setBytes,
                        Base64.getUrlDecoder().decode(published.get("signature").asText())))
                .isTrue();
        JsonNode keySet = JSON.readTree(setBytes);
        for (JsonNode k : keySet.get("keys")) {
            assertThat(k.fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("keyId", "algorithm", "publicKey", "validFrom", "validUntil", "status");
        }

        // 2. the pass: "SP1" + Base45 of a COSE_Sign1 [protected, unprotected, payload, signature]
        assertThat(pass).startsWith("SP1");
        JsonNode cose = CBOR.readTree(base45(pass.substring(3)));
        byte[] protectedHeader = cose.get(0).binaryValue();
        byte[] payload = cose.get(2).binaryValue();
        byte[] signature = cose.get(3).binaryValue();
        JsonNode header = CBOR.readTree(protectedHeader);
        assertThat(header.get("1").asInt()).as("alg EdDSA").isEqualTo(-8);
        String kid = HexFormat.of().formatHex(header.get("4").binaryValue());

        // 3. the key whose id starts with the kid (the signature decides if several do)
        boolean verified = false;
        for (JsonNode k : keySet.get("keys")) {
            if (k.get("keyId").asText().startsWith(kid)
                    && "ACTIVE".equals(k.get("status").asText())) {
                byte[] pub = Base64.getDecoder().decode(k.get("publicKey").asText());
                verified |= ed25519(pub, sigStructure(protectedHeader, payload), signature);
            }
        }
        assertThat(verified).as("signature verified with key %s…", kid).isTrue();
        byte[] tampered = payload.clone();
        tampered[tampered.length - 1] ^= 1;
        JsonNode key = keySet.get("keys").get(0);
        assertThat(ed25519(
                        Base64.getDecoder().decode(key.get("publicKey").asText()),
                        sigStructure(protectedHeader, tampered),
                        signature))
                .isFalse();

        // 4. the claims: a negative integer id is a code, named by the key set's codes
        JsonNode claims = CBOR.readTree(payload);
        int productCode = -1 - claims.get("3").asInt();
        assertThat(claims.get("3").asInt()).isNegative();
        assertThat(keySet.get("codes")
                        .get("product")
                        .get(Integer.toString(productCode))
                        .asText())
                .isEqualTo("tour");
        assertThat(keySet.get("codes")
                        .get("zone")
                        .get(Integer.toString(-1 - claims.get("9").get(0).asInt()))
                        .asText())
                .isEqualTo("park");
    }

    /** RFC 9052 §4.4: ["Signature1", protected, h'' (no external AAD), payload] in CBOR. */
    static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x84);
        out.write(0x6a);
        out.writeBytes("Signature1".getBytes(StandardCharsets.US_ASCII));
        bstr(out, protectedHeader);
        out.write(0x40);
        bstr(out, payload);
        return out.toByteArray();
    }

    private static void bstr(ByteArrayOutputStream out, byte[] b) {
        if (b.length < 24) {
            out.write(0x40 + b.length);
        } else if (b.length < 256) {
            out.write(0x58);
            out.write(b.length);
        } else {
            out.write(0x59);
            out.write(b.length >> 8);
            out.write(b.length & 0xff);
        }
        out.writeBytes(b);
    }

    static boolean ed25519(byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        s.update(message, 0, message.length);
        return s.verifySignature(signature);
    }

    /** RFC 9285 Base45. */
    static byte[] base45(String s) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i += 3) {
            int n = alphabet.indexOf(s.charAt(i)) + alphabet.indexOf(s.charAt(i + 1)) * 45;
            if (i + 2 < s.length()) {
                n += alphabet.indexOf(s.charAt(i + 2)) * 45 * 45;
                out.write(n >> 8);
            }
            out.write(n & 0xff);
        }
        return out.toByteArray();
    }
}
