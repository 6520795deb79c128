package io.scenicpass.terminal.rules;

import java.util.HashSet;
import java.util.Set;

/** Operator rule: only passes of some products (or pass kinds) may use this gate. Denies RULE_DENIED. */
public final class ProductRule implements GateRule {
    private final Set<String> products;
    private final Set<String> kinds;

    /**
     * @param products allowed product ids (empty = any)
     * @param kinds allowed pass kinds by name (empty = any)
     */
    public ProductRule(Set<String> products, Set<String> kinds) {
        this.products = new HashSet<>(products);
        this.kinds = new HashSet<>(kinds);
    }

    @Override
    public String name() {
        return "products";
    }

    @Override
    public RuleResult check(PassCheck check) {
        if (!products.isEmpty() && !products.contains(check.claims().productId())) {
            return RuleResult.deny(Reason.RULE_DENIED, "product not allowed at this gate");
        }
        if (!kinds.isEmpty() && !kinds.contains(check.claims().kind().name())) {
            return RuleResult.deny(Reason.RULE_DENIED, "pass kind not allowed at this gate");
        }
        return RuleResult.CONTINUE;
    }
}
