package io.scenicpass.terminal.rules;

import java.util.Objects;

/** The answer of one {@link GateRule}: continue, or deny with a reason code. */
public final class RuleResult {
    /** Admit as far as this rule is concerned; go on with the next one. */
    public static final RuleResult CONTINUE = new RuleResult(null, null);

    private final String reason;
    private final String detail;
    private final String admitAs;

    private RuleResult(String reason, String detail) {
        this(reason, detail, null);
    }

    private RuleResult(String reason, String detail, String admitAs) {
        this.reason = reason;
        this.detail = detail;
        this.admitAs = admitAs;
    }

    /**
     * Continue, and if the pass is admitted, journal the admission under {@code reason} instead of OK (so a
     * staff-confirmed concession can be told apart later).
     *
     * @param reason an admitting reason code ({@link Reason#admits})
     * @return the result
     */
    public static RuleResult admitAs(String reason) {
        if (!Reason.admits(reason)) {
            throw new IllegalArgumentException(reason + " is not an admitting reason");
        }
        return new RuleResult(null, null, reason);
    }

    /** @param reason a stable reason code (see {@code io.scenicpass.terminal.Reason}) @return a denial */
    public static RuleResult deny(String reason) {
        return new RuleResult(Objects.requireNonNull(reason), null);
    }

    /**
     * @param reason a stable reason code
     * @param detail a short technical detail for logs (no personal data)
     * @return a denial
     */
    public static RuleResult deny(String reason, String detail) {
        return new RuleResult(Objects.requireNonNull(reason), detail);
    }

    /** @return whether the rule denied */
    public boolean denied() {
        return reason != null;
    }

    /** @return the reason code, null when continuing */
    public String reason() {
        return reason;
    }

    /** @return the reason an admission should carry instead of OK, null for OK */
    public String admitReason() {
        return admitAs;
    }

    /** @return the technical detail, may be null */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return reason == null ? "CONTINUE" : "DENY " + reason + (detail == null ? "" : " (" + detail + ")");
    }
}
