package io.scenicpass.terminal.rules;

import java.time.Instant;

/**
 * Checks a health certificate presented at the gate (for example an EU Digital COVID Certificate,
 * {@code HC1:…}). sdk-terminal's {@code terminal.health} package provides one; plug it in with
 * {@code Gate.builder().healthCheck(..)}. The {@link HealthCertificateRule} asks it when the operator
 * switched the requirement on.
 */
@FunctionalInterface
public interface HealthCertificateCheck {
    /**
     * @param certificateText the scanned text
     * @param now the corrected time
     * @return null or {@code "OK"} when valid; otherwise a short reason code (it is shown as detail)
     */
    String check(String certificateText, Instant now);
}
