package io.scenicpass.terminal.device.biometric;

/** Biometric modalities supported at gates. */
public enum BiometricModality {
    /** Face recognition. */
    FACE,
    /** Palm vein recognition. */
    PALM
}
