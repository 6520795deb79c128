package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.cose.CoseSign1;
import io.scenicpass.core.internal.cbor.Cbor;
import io.scenicpass.core.internal.cbor.ClaimsCodec;
import io.scenicpass.core.internal.crypto.Crypto;
import io.scenicpass.core.internal.text.Hex;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Passes signed by ES256 (P-256) and PS256 (RSA-PSS) issuers verify through the same verifier. */
class VerifierAlgorithmsTest {
    static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");

    static byte[] sign(Algorithm alg, String jca, KeyPair kp, byte[] kid, byte[] payload) throws Exception {
        byte[] prot = CoseSign1.protectedHeader(alg.coseValue(), kid);
        byte[] tbs = Cbor.encode(g -> {
            g.writeStartArray(null, 4);
            g.writeString("Signature1");
            g.writeBinary(prot);
            g.writeBinary(new byte[0]);
            g.writeBinary(payload);
            g.writeEndArray();
        });
        Signature s = Signature.getInstance(jca, Crypto.BC);
        s.initSign(kp.getPrivate());
        s.update(tbs);
        byte[] sig = s.sign();
        return Cbor.encode(g -> {
            g.writeStartArray(null, 4);
            g.writeBinary(prot);
            g.writeStartObject(null, 0);
            g.writeEndObject();
            g.writeBinary(payload);
            g.writeBinary(sig);
            g.writeEndArray();
        });
    }

    void roundTrip(Algorithm alg, String jca, KeyPair kp) throws Exception {
        byte[] spki = kp.getPublic().getEncoded();
        String keyId = Crypto.keyId(spki);
        byte[] raw = sign(alg, jca, kp, Hex.decode(keyId), ClaimsCodec.encode(PassSamples.timed()));
        PassVerifier v = new PassVerifier(KeySet.of(
                1,
                NOW,
                Collections.singletonList(PublicKeyEntry.of(
                        keyId, alg, spki, NOW.minusSeconds(60), NOW.plusSeconds(60), KeyStatus.ACTIVE))));
        Pass p = v.decodeAndVerify(raw, NOW);
        assertThat(p.algorithm()).isEqualTo(alg);
        assertThat(p.claims()).isEqualTo(PassSamples.timed());
        assertThat(v.decodeAndVerify(p.text(), NOW).keyId()).isEqualTo(keyId);
        byte[] bad = raw.clone();
        bad[bad.length - 3] ^= 4;
        assertThatThrownBy(() -> v.decodeAndVerify(bad, NOW))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SIGNATURE));
    }

    @Test
    void es256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Crypto.BC);
        g.initialize(new ECGenParameterSpec("secp256r1"));
        roundTrip(Algorithm.ES256, "SHA256withPLAIN-ECDSA", g.generateKeyPair());
    }

    @Test
    void ps256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Crypto.BC);
        g.initialize(2048);
        roundTrip(Algorithm.PS256, "SHA256withRSAandMGF1", g.generateKeyPair());
    }

    @Test
    void algorithmMustMatchTheKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Crypto.BC);
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        byte[] spki = kp.getPublic().getEncoded();
        String keyId = Crypto.keyId(spki);
        byte[] raw = sign(
                Algorithm.ES256,
                "SHA256withPLAIN-ECDSA",
                kp,
                Hex.decode(keyId),
                ClaimsCodec.encode(PassSamples.timed()));
        PassVerifier v = new PassVerifier(KeySet.of(
                1,
                NOW,
                Collections.singletonList(PublicKeyEntry.of(
                        keyId, Algorithm.PS256, spki, NOW.minusSeconds(60), NOW.plusSeconds(60), KeyStatus.ACTIVE))));
        assertThatThrownBy(() -> v.decodeAndVerify(raw, NOW)).isInstanceOf(ScenicPassException.class);
    }
}
