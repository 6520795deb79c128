package io.scenicpass.terminal.rules;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/** Operator rule: entry only on some days of the week (in a given time zone). Denies RULE_DENIED. */
public final class WeekdayRule implements GateRule {
    private final Set<DayOfWeek> days;
    private final ZoneId zone;

    /**
     * @param days allowed days
     * @param zone time zone the days are counted in
     */
    public WeekdayRule(Set<DayOfWeek> days, ZoneId zone) {
        this.days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        this.zone = zone;
    }

    @Override
    public String name() {
        return "weekdays";
    }

    @Override
    public RuleResult check(PassCheck check) {
        DayOfWeek d = check.now().atZone(zone).getDayOfWeek();
        return days.contains(d) ? RuleResult.CONTINUE : RuleResult.deny(Reason.RULE_DENIED, "not on " + d);
    }
}
