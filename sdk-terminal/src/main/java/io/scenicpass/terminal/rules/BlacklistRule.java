package io.scenicpass.terminal.rules;

import io.scenicpass.core.HolderBinding;
import java.util.Optional;

/**
 * Rule 3, {@value #NAME}: none of the pass's holders (the binding in its claims, the bindings its manifest entry
 * lists) nor an ID document presented at the gate is on the person blacklist. Denies BLACKLISTED; FROZEN when the
 * pass itself is (its {@link HolderBinding#frozenPass} entry: the operator froze an annual pass).
 */
public final class BlacklistRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "blacklist";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        if (check.state()
                .blacklist()
                .isBlacklisted(HolderBinding.frozenPass(check.claims().passId()))) {
            return RuleResult.deny(Reason.FROZEN);
        }
        for (byte[] holder : check.holderBindings()) {
            if (check.state().blacklist().isBlacklisted(holder)) {
                return RuleResult.deny(Reason.BLACKLISTED, "pass holder");
            }
        }
        Optional<byte[]> presented = check.presentedBinding();
        if (presented.isPresent() && check.state().blacklist().isBlacklisted(presented.get())) {
            return RuleResult.deny(Reason.BLACKLISTED, "presented document");
        }
        return RuleResult.CONTINUE;
    }
}
