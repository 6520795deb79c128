package io.scenicpass.benchmarks.core;

import io.scenicpass.core.Claims;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.cose.CoseSign1;
import java.time.Instant;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decode + verify of a standard timed pass against the floor: bare Bouncy Castle Ed25519 verification
 * of the same signed bytes (the COSE Sig_structure), in the same run. Goal: ratio at most 1.25.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PassVerifyBenchmark {
    static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
    String text;
    byte[] raw;
    PassVerifier verifier;
    Ed25519PublicKeyParameters publicKey;
    byte[] toBeSigned;
    byte[] signature;

    @Setup
    public void setUp() {
        byte[] seed = new byte[32];
        seed[0] = 42;
        IssuerKey key = IssuerKey.fromSeed(seed);
        Claims claims = Claims.builder().passId("0J5W2R8ZK3M9Q").issuerId("HS").productId("T1")
                .kind(PassKind.TIMED_SLOT).validFrom(NOW).validUntil(NOW.plusSeconds(3600))
                .issuedAt(NOW.minusSeconds(3 * 86400)).build();
        Pass pass = new PassIssuer(key).issue(claims);
        text = pass.text();
        raw = pass.encoded();
        verifier = new PassVerifier(KeySet.of(1, NOW, Collections.singletonList(
                key.toPublicEntry(NOW.minusSeconds(86400), NOW.plusSeconds(365 * 86400L), KeyStatus.ACTIVE))));
        publicKey = new Ed25519PublicKeyParameters(key.publicKey(), 0);
        CoseSign1 cose = CoseSign1.decode(raw);
        toBeSigned = cose.toBeSigned(new byte[0]);
        signature = cose.signature();
        if (!bareEd25519Verify() || decodeAndVerifyText() == null) {
            throw new IllegalStateException("benchmark inputs do not verify");
        }
    }

    /** The floor: Bouncy Castle Ed25519 over the same bytes the pass signature covers. */
    @Benchmark
    public boolean bareEd25519Verify() {
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, publicKey);
        s.update(toBeSigned, 0, toBeSigned.length);
        return s.verifySignature(signature);
    }

    /** QR path: prefix + Base45 + COSE + claims + key lookup + signature. */
    @Benchmark
    public Pass decodeAndVerifyText() {
        return verifier.decodeAndVerify(text, NOW);
    }

    /** NFC path: raw COSE bytes. */
    @Benchmark
    public Pass decodeAndVerifyRaw() {
        return verifier.decodeAndVerify(raw, NOW);
    }

    /** Parsing alone (no signature), to show where the overhead is. */
    @Benchmark
    public Pass decodeOnly() {
        return PassCodec.decode(text);
    }
}
