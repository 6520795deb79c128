package io.scenicpass.server.identity.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The real-name policy per product ({@code identity_policy}); a product without a row is NONE, without limit. */
public final class PolicyStore {
    /**
     * {@code realName}: NONE, BOOKER or EVERY_VISITOR; {@code dailyLimit}: bookings one document may hold per visit
     * day (null: no limit); {@code limitScope}: PRODUCT (this product) or SITE (every SITE-scoped product together).
     */
    public record Policy(String productId, String realName, Integer dailyLimit, String limitScope) {
        public static Policy none(String productId) {
            return new Policy(productId, "NONE", null, "PRODUCT");
        }
    }

    public Optional<Policy> get(Connection c, String productId) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT * FROM identity_policy WHERE product_id=?",
                rs -> new Policy(
                        rs.getString("product_id"),
                        rs.getString("real_name"),
                        Jdbc.intOrNull(rs, "daily_limit"),
                        rs.getString("limit_scope")),
                productId);
    }

    public void put(Connection c, Policy p) throws SQLException {
        Jdbc.update(c, "DELETE FROM identity_policy WHERE product_id=?", p.productId());
        Jdbc.update(
                c,
                "INSERT INTO identity_policy(product_id, real_name, daily_limit, limit_scope) VALUES (?,?,?,?)",
                p.productId(),
                p.realName(),
                p.dailyLimit(),
                p.limitScope());
    }

    /** Marks every unit of a product {@code idRequired} (OCTO's {@code restrictions.idRequired}). */
    public void requireIdOnEveryUnit(Connection c, String productId) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE unit SET id_required=TRUE WHERE option_id IN (SELECT id FROM product_option WHERE product_id=?)",
                productId);
    }
}
