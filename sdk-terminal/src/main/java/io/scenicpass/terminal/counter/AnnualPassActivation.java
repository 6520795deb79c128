package io.scenicpass.terminal.counter;

import java.time.Instant;
import java.util.Objects;

/**
 * An annual pass (年卡) the server activated for its holder: the new pass text to print or show as a QR (the sold one
 * is revoked), and its validity. {@link #toString()} leaves the pass text out.
 */
public final class AnnualPassActivation {
    private final String annualPassId;
    private final String passId;
    private final String passText;
    private final String productId;
    private final String state;
    private final Instant validFrom;
    private final Instant validUntil;
    private final String holder;
    private final String enrolment;

    AnnualPassActivation(
            String annualPassId,
            String passId,
            String passText,
            String productId,
            String state,
            Instant validFrom,
            Instant validUntil,
            String holder,
            String enrolment) {
        this.annualPassId = Objects.requireNonNull(annualPassId, "annualPassId");
        this.passId = Objects.requireNonNull(passId, "passId");
        this.passText = Objects.requireNonNull(passText, "passText");
        this.productId = productId;
        this.state = state;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.holder = holder;
        this.enrolment = enrolment;
    }

    /** @return the annual pass's stable id (the sold pass's id) */
    public String annualPassId() {
        return annualPassId;
    }

    /** @return the id of the pass signed by the activation */
    public String passId() {
        return passId;
    }

    /** @return the activated pass's text: print it, or show it as a QR code */
    public String passText() {
        return passText;
    }

    /** @return the product */
    public String productId() {
        return productId;
    }

    /** @return ACTIVE (or FROZEN when a retried request is answered after a freeze) */
    public String state() {
        return state;
    }

    /** @return the first day of validity (local midnight of the day of activation) */
    public Instant validFrom() {
        return validFrom;
    }

    /** @return the end of validity (exclusive) */
    public Instant validUntil() {
        return validUntil;
    }

    /** @return the holder, masked (e.g. {@code 张* 1101****002X}) */
    public String holder() {
        return holder;
    }

    /** @return where the face was enrolled: KIOSK (kiosk, box office) or GATE */
    public String enrolment() {
        return enrolment;
    }

    @Override
    public String toString() {
        return "AnnualPassActivation{" + annualPassId + " -> " + passId + ", " + state + ", " + validFrom + ".."
                + validUntil + ", " + enrolment + "}";
    }
}
