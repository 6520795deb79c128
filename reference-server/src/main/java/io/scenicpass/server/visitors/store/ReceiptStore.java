package io.scenicpass.server.visitors.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Receipts of partner tills ({@code visitor_receipt}), once per partner and receipt id. */
public final class ReceiptStore {
    /** A stored receipt (amount in minor units). */
    public record Receipt(
            long id,
            String partnerId,
            String receiptId,
            Long visitorId,
            String passId,
            LocalDate day,
            long amount,
            String currency,
            String bodyHash,
            Instant receivedAt) {}

    private static final String COLS = "id, partner_id, receipt_id, visitor_id, pass_id, receipt_day, amount, currency,"
            + " body_hash, received_at";

    public Optional<Receipt> find(Connection c, String partnerId, String receiptId) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT " + COLS + " FROM visitor_receipt WHERE partner_id=? AND receipt_id=?",
                ReceiptStore::row,
                partnerId,
                receiptId);
    }

    public Receipt insert(Connection c, Receipt r) throws SQLException {
        long id = Rows.insert(
                c,
                "INSERT INTO visitor_receipt(partner_id, receipt_id, visitor_id, pass_id, receipt_day, amount, currency,"
                        + " body_hash, received_at) VALUES (?,?,?,?,?,?,?,?,?)",
                r.partnerId(),
                r.receiptId(),
                r.visitorId(),
                r.passId(),
                Date.valueOf(r.day()),
                r.amount(),
                r.currency(),
                r.bodyHash(),
                r.receivedAt().toEpochMilli());
        return new Receipt(
                id,
                r.partnerId(),
                r.receiptId(),
                r.visitorId(),
                r.passId(),
                r.day(),
                r.amount(),
                r.currency(),
                r.bodyHash(),
                r.receivedAt());
    }

    public List<Receipt> ofVisitor(Connection c, long visitorId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLS + " FROM visitor_receipt WHERE visitor_id=? ORDER BY receipt_day, id",
                ReceiptStore::row,
                visitorId);
    }

    /** Whether a pass was issued (the sales tables). */
    public boolean passExists(Connection c, String passId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM pass WHERE pass_id=?", rs -> 1, passId)
                .isPresent();
    }

    private static Receipt row(ResultSet rs) throws SQLException {
        return new Receipt(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Jdbc.longOrNull(rs, "visitor_id"),
                rs.getString(5),
                rs.getDate(6).toLocalDate(),
                rs.getLong(7),
                rs.getString(8),
                rs.getString(9),
                Instant.ofEpochMilli(rs.getLong(10)));
    }
}
