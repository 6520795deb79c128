/**
 * Verifier for EU Digital COVID Certificates ("health certificates"): {@code HC1:} prefix, Base45, zlib,
 * COSE_Sign1 signed with ES256 or PS256 by a document signer certificate from a {@link
 * io.scenicpass.terminal.health.DccTrustList}, CWT claims with expiry checked against an injected clock.
 *
 * <p>Entry point: {@link io.scenicpass.terminal.health.HealthCertificateVerifier#builder()}. The result is
 * a {@link io.scenicpass.terminal.health.HealthCertificateResult}: valid, or a typed
 * {@link io.scenicpass.terminal.health.HealthCertificateReason}, with the holder's name and date of birth
 * for the gate display when the certificate could be read.
 */
package io.scenicpass.terminal.health;
