package io.scenicpass.terminal.rules;

import java.util.Objects;

/** The answer of one {@link GateRule}: continue, or deny with a reason code. */
public final class RuleResult {
    /** Admit as far as this rule is concerned; go on with the next one. */
    public static final RuleResult CONTINUE = new RuleResult(null, null);

    private final String reason;
    private final String detail;

    private RuleResult(String reason, String detail) {
        this.reason = reason;
        this.detail = detail;
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

    /** @return the technical detail, may be null */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return reason == null ? "CONTINUE" : "DENY " + reason + (detail == null ? "" : " (" + detail + ")");
    }
}
