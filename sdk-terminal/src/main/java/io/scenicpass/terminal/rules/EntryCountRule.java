package io.scenicpass.terminal.rules;

import io.scenicpass.core.Claims;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.terminal.state.PassUsage;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Rule 7, {@value #NAME}: entry count and re-entry policy (anti-passback), from what this gate's ledger
 * knows. SINGLE: one entry (ALREADY_ENTERED after it); AFTER_EXIT: another entry needs an exit in between
 * (EXIT_REQUIRED); UNLIMITED: no passback check. Every policy is capped by {@code entriesAllowed} and by the
 * zone's allowance (NO_ENTRIES_LEFT; 0 means unlimited). Daily terms (sdk-core claims 17/18): entries per day of the
 * pass (ALREADY_ENTERED_TODAY) and days of the window used (DAYS_USED_UP); such a pass need not exit before its first
 * entry of a new day.
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
        boolean daily = c.entriesPerDay() > 0 || c.daysAllowed() > 0;
        long today = c.dayOf(check.now());
        if (daily) {
            int todays = 0;
            Set<Long> days = new HashSet<>();
            for (Instant t : u.entryTimes()) {
                long d = c.dayOf(t);
                days.add(d);
                todays += d == today ? 1 : 0;
            }
            if (c.entriesPerDay() > 0 && todays >= c.entriesPerDay()) {
                return RuleResult.deny(Reason.ALREADY_ENTERED_TODAY);
            }
            if (c.daysAllowed() > 0 && todays == 0 && days.size() >= c.daysAllowed()) {
                return RuleResult.deny(Reason.DAYS_USED_UP);
            }
        }
        // a pass with daily terms starts each day outside: an exit not scanned yesterday does not lock it out today
        boolean insideToday = u.inside()
                && (!daily || u.lastTime().map(t -> c.dayOf(t) == today).orElse(true));
        if (c.reentry() == ReentryPolicy.AFTER_EXIT && insideToday) {
            return RuleResult.deny(Reason.EXIT_REQUIRED);
        }
        return RuleResult.CONTINUE;
    }
}
