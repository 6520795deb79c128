package io.scenicpass.terminal.rules;

import io.scenicpass.core.Claims;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.terminal.state.PassUsage;

/**
 * Rule 7, {@value #NAME}: entry count and re-entry policy (anti-passback), from what this gate's ledger
 * knows. SINGLE: one entry (ALREADY_ENTERED after it); AFTER_EXIT: another entry needs an exit in between
 * (EXIT_REQUIRED); UNLIMITED: no passback check. Every policy is capped by {@code entriesAllowed} and by the
 * zone's allowance (NO_ENTRIES_LEFT; 0 means unlimited).
 */
public final class EntryCountRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "entries";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        Claims c = check.claims();
        PassUsage u = check.usage();
        if (c.reentry() == ReentryPolicy.SINGLE && u.entries() >= 1) {
            return RuleResult.deny(Reason.ALREADY_ENTERED);
        }
        if (c.entriesAllowed() > 0 && u.entries() >= c.entriesAllowed()) {
            return RuleResult.deny(c.entriesAllowed() == 1 ? Reason.ALREADY_ENTERED : Reason.NO_ENTRIES_LEFT);
        }
        for (ZoneAllowance z : c.zones()) {
            if (z.zoneId().equals(check.zoneId()) && z.entries() > 0 && u.entries(z.zoneId()) >= z.entries()) {
                return RuleResult.deny(Reason.NO_ENTRIES_LEFT, "zone allowance used");
            }
        }
        if (c.reentry() == ReentryPolicy.AFTER_EXIT && u.inside()) {
            return RuleResult.deny(Reason.EXIT_REQUIRED);
        }
        return RuleResult.CONTINUE;
    }
}
