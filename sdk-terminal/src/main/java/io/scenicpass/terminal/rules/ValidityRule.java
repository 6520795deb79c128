package io.scenicpass.terminal.rules;

import io.scenicpass.core.Claims;

/**
 * Rule 4, {@value #NAME}: now is within {@code [validFrom - early, validUntil + late]} (both edges
 * included). Denies NOT_YET_VALID or EXPIRED; a pass not activated yet NOT_ACTIVATED (EXPIRED after its activation
 * deadline, its validity's end).
 */
public final class ValidityRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "validity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        Claims c = check.claims();
        if (c.activationRequired() && !check.now().isAfter(c.validUntil().plus(check.lateTolerance()))) {
            return RuleResult.deny(Reason.NOT_ACTIVATED); // sold, not activated: the activated pass is another one
        }
        if (check.now().isBefore(c.validFrom().minus(check.earlyTolerance()))) {
            return RuleResult.deny(Reason.NOT_YET_VALID);
        }
        if (check.now().isAfter(c.validUntil().plus(check.lateTolerance()))) {
            return RuleResult.deny(Reason.EXPIRED);
        }
        return RuleResult.CONTINUE;
    }
}
