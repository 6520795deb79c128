package io.scenicpass.terminal.rules;

/** Rule 8, {@value #NAME}: no more people pass than the pass covers. Denies PARTY_TOO_LARGE. */
public final class PartySizeRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "party";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        int covered = Math.max(1, check.claims().partySize());
        return check.partyCount() > covered
                ? RuleResult.deny(Reason.PARTY_TOO_LARGE, check.partyCount() + " > " + covered)
                : RuleResult.CONTINUE;
    }
}
