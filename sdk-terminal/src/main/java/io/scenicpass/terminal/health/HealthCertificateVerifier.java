package io.scenicpass.terminal.health;

import io.scenicpass.core.cose.CoseSign1;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks EU Digital COVID Certificates offline. Thread-safe; build once and share.
 *
 * <pre>{@code
 * HealthCertificateVerifier verifier = HealthCertificateVerifier.builder()
 *     .trustList(DccTrustList.load(Paths.get("dsc.pem")))
 *     .clock(clock)
 *     .build();
 * HealthCertificateResult r = verifier.verify(scannedText);
 * }</pre>
 *
 * <p>Checks in order: {@code HC1:} prefix, Base45, zlib, COSE_Sign1, CWT with hcert claim, signer in the
 * trust list (protected {@code kid}, else unprotected), ES256/PS256 signature, DCC schema (exactly one
 * statement), signer's extended key usage, then issued-at ≤ now ≤ expiry. {@link #verify} never throws.
 */
public final class HealthCertificateVerifier {
    private final DccTrustList trustList;
    private final Clock clock;

    private HealthCertificateVerifier(Builder b) {
        this.trustList = Objects.requireNonNull(b.trustList, "trustList");
        this.clock = Objects.requireNonNull(b.clock, "clock");
    }

    /** @return a builder; the trust list is required, the clock defaults to the system UTC clock */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param text scanned text
     * @return true when it carries the health certificate prefix {@code HC1:} (a cheap routing test)
     */
    public static boolean isHealthCertificate(String text) {
        return text != null && text.trim().startsWith(DccSteps.PREFIX);
    }

    /**
     * @param text the scanned QR text
     * @return the result at the clock's current time
     */
    public HealthCertificateResult verify(String text) {
        return verify(text, clock.instant());
    }

    /**
     * @param text the scanned QR text
     * @param at the verification time
     * @return the result; never throws
     */
    public HealthCertificateResult verify(String text, Instant at) {
        CoseSign1 cose;
        CwtClaims claims;
        try {
            cose = DccSteps.cose(DccSteps.inflate(DccSteps.base45(DccSteps.unprefix(text))));
            claims = DccSteps.claims(cose);
        } catch (DccException e) {
            return HealthCertificateResult.failure(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            return HealthCertificateResult.failure(HealthCertificateReason.COSE, "unreadable certificate");
        }
        HealthCertificateType type = null;
        try {
            X509Certificate signer = DccSteps.signer(cose, trustList);
            DccSteps.verifySignature(cose, signer);
            type = DccSchema.validate(claims.dcc());
            DccSteps.keyUsage(signer, type);
            DccSteps.expiry(claims, at);
            return HealthCertificateResult.of(HealthCertificateReason.VALID, null, claims, type);
        } catch (DccException e) {
            return HealthCertificateResult.of(e.reason(), e.getMessage(), claims, type);
        } catch (RuntimeException e) {
            return HealthCertificateResult.of(HealthCertificateReason.CWT, "unreadable certificate", claims, type);
        }
    }

    /**
     * This verifier as the gate engine's health-certificate check: {@code "OK"} when valid, otherwise the
     * {@link HealthCertificateReason} name (shown as the denial's detail).
     *
     * <pre>{@code Gate.builder()...healthCheck(verifier.asGateCheck()).build();}</pre>
     *
     * @return the check for {@code GateBuilder.healthCheck}
     */
    public io.scenicpass.terminal.rules.HealthCertificateCheck asGateCheck() {
        return (text, now) -> {
            HealthCertificateResult r = verify(text, now);
            return r.valid() ? "OK" : r.reason().name();
        };
    }

    /** Builder for {@link HealthCertificateVerifier}. */
    public static final class Builder {
        private DccTrustList trustList;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * @param trustList the trusted document signer certificates
         * @return this builder
         */
        public Builder trustList(DccTrustList trustList) {
            this.trustList = trustList;
            return this;
        }

        /**
         * @param clock the clock for {@link HealthCertificateVerifier#verify(String)}; inject the gate's
         *              corrected clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @return the verifier */
        public HealthCertificateVerifier build() {
            return new HealthCertificateVerifier(this);
        }
    }
}
