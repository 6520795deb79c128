/**
 * Face and palm-vein credentials: the vendor SPI {@link io.scenicpass.terminal.device.biometric.BiometricMatcher}
 * (enroll a template → subject id; match → subject id and score, with a threshold), a
 * {@link io.scenicpass.terminal.device.biometric.SimulatedBiometricMatcher}, and
 * {@link io.scenicpass.terminal.device.biometric.BiometricReader}, which turns matches into credentials.
 * Subjects resolve to passes through the manifest.
 */
package io.scenicpass.terminal.device.biometric;
