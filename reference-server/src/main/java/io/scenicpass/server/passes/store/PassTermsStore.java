package io.scenicpass.server.passes.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.passes.PassTerms;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code pass_terms} table: one row per product with terms beyond single entry. */
public final class PassTermsStore {
    public Optional<PassTerms> get(Connection c, String productId) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT * FROM pass_terms WHERE product_id=?",
                rs -> new PassTerms(
                        rs.getString("reentry"),
                        rs.getInt("entries_allowed"),
                        rs.getInt("entries_per_day"),
                        rs.getInt("days_allowed"),
                        rs.getInt("window_days"),
                        rs.getInt("validity_months"),
                        rs.getInt("activation_days"),
                        rs.getLong("refund_fee")),
                productId);
    }

    /** Creates or replaces the product's terms. */
    public void put(Connection c, String productId, PassTerms t, Instant now) throws SQLException {
        Object[] values = {
            t.reentry(),
            t.entriesAllowed(),
            t.entriesPerDay(),
            t.daysAllowed(),
            t.windowDays(),
            t.validityMonths(),
            t.activationDays(),
            t.refundFee(),
            now.toEpochMilli(),
            productId
        };
        if (Jdbc.update(
                        c,
                        "UPDATE pass_terms SET reentry=?, entries_allowed=?, entries_per_day=?, days_allowed=?,"
                                + " window_days=?, validity_months=?, activation_days=?, refund_fee=?, updated_at=?"
                                + " WHERE product_id=?",
                        values)
                == 0) {
            Jdbc.update(
                    c,
                    "INSERT INTO pass_terms(reentry, entries_allowed, entries_per_day, days_allowed, window_days,"
                            + " validity_months, activation_days, refund_fee, updated_at, product_id)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?)",
                    values);
        }
    }
}
