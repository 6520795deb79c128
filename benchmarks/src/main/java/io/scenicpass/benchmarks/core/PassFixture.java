package io.scenicpass.benchmarks.core;

import io.scenicpass.core.Claims;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.cose.CoseSign1;
import java.time.Instant;
import java.util.Collections;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A standard timed pass, its verifier, and the bare Ed25519 inputs for the same signed bytes. */
final class PassFixture {
    static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
    final String text;
    final byte[] raw;
    final PassVerifier verifier;
    final Ed25519PublicKeyParameters publicKey;
    final byte[] toBeSigned;
    final byte[] signature;

    PassFixture() {
        byte[] seed = new byte[32];
        seed[0] = 42;
        IssuerKey key = IssuerKey.fromSeed(seed);
        Claims claims = Claims.builder()
                .passId("0J5W2R8ZK3M9Q")
                .issuerId("HS")
                .productId("T1")
                .kind(PassKind.TIMED_SLOT)
                .validFrom(NOW)
                .validUntil(NOW.plusSeconds(3600))
                .issuedAt(NOW.minusSeconds(3 * 86400))
                .build();
        Pass pass = new PassIssuer(key).issue(claims);
        text = pass.text();
        raw = pass.encoded();
        verifier = new PassVerifier(KeySet.of(
                1,
                NOW,
                Collections.singletonList(
                        key.toPublicEntry(NOW.minusSeconds(86400), NOW.plusSeconds(365 * 86400L), KeyStatus.ACTIVE))));
        publicKey = new Ed25519PublicKeyParameters(key.publicKey(), 0);
        CoseSign1 cose = CoseSign1.decode(raw);
        toBeSigned = cose.toBeSigned(new byte[0]);
        signature = cose.signature();
        if (!bareVerify() || verifier.decodeAndVerify(text, NOW) == null) {
            throw new IllegalStateException("benchmark inputs do not verify");
        }
    }

    /** Bouncy Castle Ed25519 over the bytes the pass signature covers. */
    boolean bareVerify() {
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, publicKey);
        s.update(toBeSigned, 0, toBeSigned.length);
        return s.verifySignature(signature);
    }
}
