package io.scenicpass.terminal.device.biometric;

import java.util.Objects;

/**
 * The vendor's liveness verdict on a live sample (is this a present person, not a photo, screen or mask). Liveness is
 * the vendor module's job; ScenicPass carries the verdict and the gate refuses a {@link Status#FAILED} one
 * ({@code LIVENESS_FAILED}). {@link Status#UNKNOWN} (a module without liveness) is not refused.
 */
public final class Liveness {
    /** The verdict. */
    public enum Status {
        /** The vendor judged the sample live. */
        PASSED,
        /** The vendor judged the sample a spoof. */
        FAILED,
        /** The vendor module gives no liveness verdict. */
        UNKNOWN
    }

    private static final Liveness UNKNOWN = new Liveness(Status.UNKNOWN, Double.NaN);

    private final Status status;
    private final double score;

    private Liveness(Status status, double score) {
        this.status = Objects.requireNonNull(status, "status");
        this.score = score;
    }

    /** @param vendorScore the vendor's liveness score (its own scale) @return a passed verdict */
    public static Liveness passed(double vendorScore) {
        return new Liveness(Status.PASSED, vendorScore);
    }

    /** @param vendorScore the vendor's liveness score (its own scale) @return a failed verdict */
    public static Liveness failed(double vendorScore) {
        return new Liveness(Status.FAILED, vendorScore);
    }

    /** @return no verdict (the default of a sample) */
    public static Liveness unknown() {
        return UNKNOWN;
    }

    /** @return the verdict */
    public Status status() {
        return status;
    }

    /** @return whether the vendor judged the sample a spoof */
    public boolean failed() {
        return status == Status.FAILED;
    }

    /** @return the vendor's score, NaN when unknown */
    public double score() {
        return score;
    }

    @Override
    public String toString() {
        return "Liveness{" + status + (Double.isNaN(score) ? "" : ", " + score) + "}";
    }
}
