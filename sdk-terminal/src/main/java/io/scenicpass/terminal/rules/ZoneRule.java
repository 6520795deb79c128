package io.scenicpass.terminal.rules;

import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.core.wire.DeviceConfig;
import java.util.List;
import java.util.Optional;

/**
 * Rule 6, {@value #NAME}: the pass is for this scenic area (when the device config names one), this gate
 * serves the zone (when the config lists zones), and the pass allows the zone (an empty zone list on the
 * pass means every zone). Denies WRONG_AREA or WRONG_ZONE.
 */
public final class ZoneRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "zone";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        Optional<DeviceConfig> cfg = check.config();
        String zone = check.zoneId();
        if (cfg.isPresent()) {
            String area = cfg.get().areaId();
            if (area != null
                    && !area.isEmpty()
                    && check.claims().issuerId() != null
                    && !area.equals(check.claims().issuerId())) {
                return RuleResult.deny(Reason.WRONG_AREA);
            }
            List<String> served = cfg.get().zones();
            if (served != null && !served.isEmpty() && zone != null && !served.contains(zone)) {
                return RuleResult.deny(Reason.WRONG_ZONE, "gate does not serve the zone");
            }
        }
        List<ZoneAllowance> allowed = check.claims().zones();
        if (allowed.isEmpty()) {
            return RuleResult.CONTINUE;
        }
        for (ZoneAllowance z : allowed) {
            if (z.zoneId().equals(zone)) {
                return RuleResult.CONTINUE;
            }
        }
        return RuleResult.deny(Reason.WRONG_ZONE);
    }
}
