package io.scenicpass.terminal.rules;

import io.scenicpass.core.Claims;
import java.time.Instant;

/**
 * Rule 5, {@value #NAME}: a pass with a timed slot enters within {@code [slotStart - early, slotEnd + late]}
 * (edges included). Passes without a slot continue. Denies OUTSIDE_SLOT.
 */
public final class SlotRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "slot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        Claims c = check.claims();
        Instant now = check.now();
        if (c.slotStart().isPresent() && now.isBefore(c.slotStart().get().minus(check.earlyTolerance()))) {
            return RuleResult.deny(Reason.OUTSIDE_SLOT, "before slot");
        }
        if (c.slotEnd().isPresent() && now.isAfter(c.slotEnd().get().plus(check.lateTolerance()))) {
            return RuleResult.deny(Reason.OUTSIDE_SLOT, "after slot");
        }
        return RuleResult.CONTINUE;
    }
}
