package io.scenicpass.terminal.internal.gate;

import io.scenicpass.core.Direction;
import io.scenicpass.terminal.rules.GateRule;
import io.scenicpass.terminal.rules.PassCheck;
import io.scenicpass.terminal.rules.RuleResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the rules in order and reports the first denial (and how far the pass got). */
public final class RuleChain {
    private static final Logger LOG = LoggerFactory.getLogger(RuleChain.class);
    private final List<GateRule> rules;

    /** Result of running the chain. */
    public static final class Outcome {
        /** Reason code; "OK" (or another admitting code, such as STAFF_CONFIRMED) when admitted. */
        public final String reason;
        /** Denying rule's name, null when admitted. */
        public final String rule;
        /** Index of the denying rule; the rule count when admitted (higher = got further). */
        public final int depth;

        Outcome(String reason, String rule, int depth) {
            this.reason = reason;
            this.rule = rule;
            this.depth = depth;
        }

        /** @return whether every rule let the pass continue */
        public boolean admitted() {
            return rule == null;
        }
    }

    /** @param rules in order */
    public RuleChain(List<GateRule> rules) {
        this.rules = Collections.unmodifiableList(new ArrayList<>(rules));
    }

    /** @return the rules in order */
    public List<GateRule> rules() {
        return rules;
    }

    /**
     * @param check the situation
     * @return the outcome
     */
    public Outcome run(PassCheck check) {
        boolean exit = check.direction() == Direction.OUT;
        String admitAs = "OK";
        for (int i = 0; i < rules.size(); i++) {
            GateRule r = rules.get(i);
            if (exit && !r.appliesToExit()) {
                continue;
            }
            RuleResult res;
            try {
                res = r.check(check);
            } catch (RuntimeException e) {
                LOG.error("rule {} failed; denying", r.name(), e);
                res = RuleResult.deny("RULE_DENIED", "rule error");
            }
            if (res.denied()) {
                return new Outcome(res.reason(), r.name(), i);
            }
            if (res.admitReason() != null) {
                admitAs = res.admitReason();
            }
        }
        return new Outcome(admitAs, null, rules.size());
    }
}
