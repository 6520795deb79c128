package io.scenicpass.server.terminal;

import io.scenicpass.core.wire.ProductGatePolicy;
import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.util.Map;
import java.util.Set;

/** Checks the operator's per-product gate policies (QR + ID, child policy) before they reach the gates. */
final class ProductPolicies {
    private static final Set<String> CHILD_POLICIES = Set.of(ProductGatePolicy.DOCUMENT, ProductGatePolicy.ATTENDED);

    private ProductPolicies() {}

    /** Product ids not blank, no null policy, a known child policy; a typed BAD_REQUEST otherwise. */
    static void check(Map<String, ProductGatePolicy> policies) {
        Bounds.listSize("productPolicies", policies.keySet());
        for (Map.Entry<String, ProductGatePolicy> e : policies.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, "productPolicies: every product id needs a policy object");
            }
            if (!CHILD_POLICIES.contains(e.getValue().childPolicy())) {
                throw new ServiceException(
                        Problem.BAD_REQUEST,
                        "productPolicies." + e.getKey() + ".childPolicy must be DOCUMENT or ATTENDED");
            }
        }
    }
}
