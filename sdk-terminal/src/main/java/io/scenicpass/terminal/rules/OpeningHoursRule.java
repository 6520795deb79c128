package io.scenicpass.terminal.rules;

import java.time.LocalTime;
import java.time.ZoneId;

/** Operator rule: entry only between two local times, {@code [from, to)}. Denies RULE_DENIED. */
public final class OpeningHoursRule implements GateRule {
    private final LocalTime from;
    private final LocalTime to;
    private final ZoneId zone;

    /**
     * @param from opening time
     * @param to closing time (exclusive)
     * @param zone time zone of the times
     */
    public OpeningHoursRule(LocalTime from, LocalTime to, ZoneId zone) {
        this.from = from;
        this.to = to;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "hours";
    }

    @Override
    public RuleResult check(PassCheck check) {
        LocalTime t = check.now().atZone(zone).toLocalTime();
        boolean open = from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        return open ? RuleResult.CONTINUE : RuleResult.deny(Reason.RULE_DENIED, "outside opening hours");
    }
}
