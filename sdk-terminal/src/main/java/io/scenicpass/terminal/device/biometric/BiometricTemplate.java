package io.scenicpass.terminal.device.biometric;

import java.util.Objects;

/**
 * A vendor-specific biometric template or live sample (feature vector, encrypted blob...). Opaque to
 * ScenicPass; only the vendor's {@link BiometricMatcher} interprets it. {@link #toString()} never shows it.
 */
public final class BiometricTemplate {
    private final BiometricModality modality;
    private final byte[] data;
    private final Liveness liveness;

    /** Wraps template bytes (copied), with no liveness verdict (an enrolled template). */
    public BiometricTemplate(BiometricModality modality, byte[] data) {
        this(modality, data, Liveness.unknown());
    }

    /** Wraps a live sample's bytes (copied) with the vendor's liveness verdict on it. */
    public BiometricTemplate(BiometricModality modality, byte[] data, Liveness liveness) {
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        this.modality = Objects.requireNonNull(modality, "modality");
        this.data = Objects.requireNonNull(data, "data").clone();
        if (data.length == 0) {
            throw new IllegalArgumentException("empty template");
        }
    }

    /** The modality. */
    public BiometricModality modality() {
        return modality;
    }

    /** The vendor's liveness verdict on this sample ({@link Liveness#unknown()} for an enrolled template). */
    public Liveness liveness() {
        return liveness;
    }

    /** The bytes (a copy). */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "BiometricTemplate{" + modality + ", " + data.length + " bytes, " + liveness.status() + "}";
    }
}
