package io.scenicpass.server.identity;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.store.PolicyStore;
import io.scenicpass.server.identity.store.PolicyStore.Policy;
import io.scenicpass.server.sales.CatalogueService;
import java.util.Set;

/**
 * The real-name policy of each product: NONE, BOOKER (the first unit item's document) or EVERY_VISITOR, and the
 * per-document daily limit. EVERY_VISITOR marks every unit of the product {@code idRequired}, which is what OCTO
 * shows as {@code restrictions.idRequired}; a unit can also be real-name on its own (its {@code idRequired}).
 */
public final class IdentityPolicies {
    static final Set<String> REAL_NAME = Set.of("NONE", "BOOKER", "EVERY_VISITOR");
    static final Set<String> SCOPES = Set.of("PRODUCT", "SITE");
    /** Highest daily limit per document. */
    static final int MAX_LIMIT = 100;

    private final Database db;
    private final CatalogueService catalogue;
    private final PolicyStore store = new PolicyStore();

    public IdentityPolicies(Database db, CatalogueService catalogue) {
        this.db = db;
        this.catalogue = catalogue;
    }

    public Policy get(String productId) {
        known(productId);
        return db.read(c -> store.get(c, productId).orElse(Policy.none(productId)));
    }

    /** Sets a product's policy (checked: 400 naming the field); returns it. */
    public Policy put(Policy p) {
        known(p.productId());
        if (!REAL_NAME.contains(p.realName())) {
            throw new ServiceException(Problem.BAD_REQUEST, "realName must be NONE, BOOKER or EVERY_VISITOR");
        }
        if (p.dailyLimit() != null && (p.dailyLimit() < 1 || p.dailyLimit() > MAX_LIMIT)) {
            throw new ServiceException(Problem.BAD_REQUEST, "dailyLimit must be 1.." + MAX_LIMIT + " (or absent)");
        }
        if (!SCOPES.contains(p.limitScope())) {
            throw new ServiceException(Problem.BAD_REQUEST, "limitScope must be PRODUCT or SITE");
        }
        db.tx(c -> {
            store.put(c, p);
            if (p.realName().equals("EVERY_VISITOR")) {
                store.requireIdOnEveryUnit(c, p.productId());
            }
            return null;
        });
        catalogue.changed();
        return p;
    }

    private void known(String productId) {
        if (productId == null || !catalogue.exists(productId)) {
            throw new ServiceException(Problem.NOT_FOUND, "unknown product", productId);
        }
    }
}
