package io.scenicpass.terminal.rules;

import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.RuleConfig;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule 11, {@value #NAME}: the operator's extra rules from {@code DeviceConfig.rules}, re-read whenever the
 * config changes. Known types (case-insensitive), all denying RULE_DENIED:
 * <ul>
 *   <li>{@code WEEKDAYS} — params {@code days} (list such as {@code ["MON","TUE"]}), optional {@code timeZone};</li>
 *   <li>{@code HOURS} — params {@code from}, {@code to} ({@code "HH:mm"}), optional {@code timeZone};</li>
 *   <li>{@code PRODUCTS} — params {@code products} and/or {@code kinds} (allowed product ids, pass kinds).</li>
 * </ul>
 * The time zone defaults to the device's. An unknown type or bad params are logged and the rule is skipped,
 * so a config from a newer server never locks the gate.
 */
public final class OperatorRules implements GateRule {
    /** The rule's name. */
    public static final String NAME = "operator";

    private static final Logger LOG = LoggerFactory.getLogger(OperatorRules.class);

    private volatile DeviceConfig seen;
    private volatile List<GateRule> rules = Collections.emptyList();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        DeviceConfig cfg = check.config().orElse(null);
        if (cfg != seen) {
            rules = cfg == null ? Collections.<GateRule>emptyList() : fromConfig(cfg.rules());
            seen = cfg;
        }
        for (GateRule r : rules) {
            RuleResult res = r.check(check);
            if (res.denied()) {
                return res;
            }
        }
        return RuleResult.CONTINUE;
    }

    /**
     * @param configs rule configs from the device config (may be null)
     * @return the rules that could be built
     */
    public static List<GateRule> fromConfig(List<RuleConfig> configs) {
        List<GateRule> out = new ArrayList<>();
        if (configs == null) {
            return out;
        }
        for (RuleConfig rc : configs) {
            try {
                GateRule r = build(
                        rc.type() == null ? "" : rc.type().toUpperCase(Locale.ROOT),
                        rc.params() == null ? Collections.<String, Object>emptyMap() : rc.params());
                if (r == null) {
                    LOG.warn("ignoring operator rule of unknown type '{}'", rc.type());
                } else {
                    out.add(r);
                }
            } catch (RuntimeException e) {
                LOG.warn("ignoring operator rule '{}' with bad params: {}", rc.type(), e.toString());
            }
        }
        return out;
    }

    private static GateRule build(String type, Map<String, Object> p) {
        ZoneId zone = p.get("timeZone") == null
                ? ZoneId.systemDefault()
                : ZoneId.of(p.get("timeZone").toString());
        switch (type) {
            case "WEEKDAYS":
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (String d : strings(p.get("days"))) {
                    days.add(day(d));
                }
                return new WeekdayRule(days, zone);
            case "HOURS":
                return new OpeningHoursRule(
                        LocalTime.parse(p.get("from").toString()),
                        LocalTime.parse(p.get("to").toString()),
                        zone);
            case "PRODUCTS":
                return new ProductRule(strings(p.get("products")), strings(p.get("kinds")));
            default:
                return null;
        }
    }

    private static DayOfWeek day(String s) {
        String u = s.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(u.length() >= 3 ? u.substring(0, 3) : u)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown day " + s);
    }

    private static Set<String> strings(Object o) {
        Set<String> out = new HashSet<>();
        if (o instanceof Collection) {
            for (Object x : (Collection<?>) o) {
                out.add(String.valueOf(x));
            }
        } else if (o != null) {
            for (String s : o.toString().split(",")) {
                if (!s.trim().isEmpty()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
