package io.scenicpass.server.sales;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Product policy: whether a product's passes carry the "online preferred" claim (claim 14), so gates with an online
 * check claim each entry at the server before they open (issue #15). On by default — every product issues
 * entries-limited (single-entry) passes, and an online claim keeps them single across gates; the operator turns it
 * off per product ({@code PUT /admin/v1/products/{id}/online-claim}), e.g. for a product sold to gates that never
 * have a network. Stored as a setting per product, so it needs no catalogue schema change; it applies to passes
 * issued from then on.
 */
public final class OnlineClaimPolicy {
    private static final String PREFIX = "product.onlineClaim.";

    private final Database db;
    private final SettingStore settings;
    private final CatalogueService catalogue;

    public OnlineClaimPolicy(Database db, SettingStore settings, CatalogueService catalogue) {
        this.db = db;
        this.settings = settings;
        this.catalogue = catalogue;
    }

    /** Whether passes of {@code productId} issued now carry the claim (inside the issuing transaction). */
    public boolean preferred(Connection c, String productId) throws SQLException {
        return settings.get(c, PREFIX + productId).map(Boolean::parseBoolean).orElse(true);
    }

    /** The product's policy, or NOT_FOUND. */
    public boolean get(String productId) {
        known(productId);
        return db.read(c -> preferred(c, productId));
    }

    /** Sets the product's policy (for passes issued from now on), or NOT_FOUND. */
    public void set(String productId, boolean onlineClaim) {
        known(productId);
        db.tx(c -> {
            settings.put(c, PREFIX + productId, Boolean.toString(onlineClaim));
            return null;
        });
    }

    private void known(String productId) {
        if (productId == null || !catalogue.exists(productId)) {
            throw new ServiceException(Problem.NOT_FOUND, "unknown product", productId);
        }
    }
}
