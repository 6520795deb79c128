package io.scenicpass.terminal.rules;

import io.scenicpass.core.wire.ProductGatePolicy;

/**
 * Rule 9, {@value #NAME}: for a product whose gate policy says {@code idWithPass} (QR + ID), the pass and the
 * holder's ID document must both be shown and match. Denies PASS_REQUIRED (the ID alone found the pass),
 * ID_CHECK_REQUIRED (the pass came without a document) or HOLDER_MISMATCH (the document is not one of the pass's
 * holders). A pass with no holder binding at all is let through: there is nothing to compare (the server binds
 * real-name passes; docs/terminal-integration.md).
 */
public final class HolderRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "holder";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        if (!check.policy().map(ProductGatePolicy::idWithPass).orElse(false)) {
            return RuleResult.CONTINUE;
        }
        if (!check.credential().isPass()) {
            return check.credential().document().isPresent()
                    ? RuleResult.deny(Reason.PASS_REQUIRED)
                    : RuleResult.CONTINUE; // card or face: the product's policy is about documents only
        }
        if (check.holderBindings().isEmpty()) {
            return RuleResult.CONTINUE;
        }
        if (!check.presentedDocument().isPresent()) {
            return RuleResult.deny(Reason.ID_CHECK_REQUIRED, "QR + ID product");
        }
        return check.presentedIsHolder()
                ? RuleResult.CONTINUE
                : RuleResult.deny(Reason.HOLDER_MISMATCH, "not the holder's document");
    }
}
