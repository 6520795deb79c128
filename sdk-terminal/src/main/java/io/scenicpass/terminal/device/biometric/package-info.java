/**
 * Face and palm-vein credentials: the vendor SPI {@link io.scenicpass.terminal.device.biometric.BiometricMatcher}
 * (enroll a template → subject id; match → subject id and score, with a threshold), a
 * {@link io.scenicpass.terminal.device.biometric.SimulatedBiometricMatcher}, and
 * {@link io.scenicpass.terminal.device.biometric.BiometricReader}, which turns matches into credentials.
 * Subjects resolve to passes through the manifest. {@link io.scenicpass.terminal.device.biometric.PhotoTemplates} is
 * the server side's SPI: a holder's photo (uploaded in the shop) to a template of the same vendor's matcher.
 */
package io.scenicpass.terminal.device.biometric;
