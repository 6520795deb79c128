package io.scenicpass.terminal.rules;

/** Rule 2, {@value #NAME}: the pass is not in the revocation set. Denies REVOKED. */
public final class RevocationRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "revocation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        return check.state().revocations().isRevoked(check.claims().passId())
                ? RuleResult.deny(Reason.REVOKED)
                : RuleResult.CONTINUE;
    }
}
