package io.scenicpass.server.counter.offline.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The offline sales devices synced ({@code counter_offline_sale}), once each by the device's sale id. */
public final class OfflineSaleStore {
    /** One synced offline sale and the booking it became. */
    public record Row(
            String saleId,
            String deviceId,
            String slotId,
            String bookingId,
            int quantity,
            long amountFen,
            String method,
            String shiftId,
            Instant soldAt,
            Instant syncedAt) {}

    /** Inserts the sale; a second insert of the same sale id fails on the primary key (the caller's replay check). */
    public void insert(Connection c, Row r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO counter_offline_sale(sale_id, device_id, slot_id, booking_id, quantity, amount_fen, method,"
                        + " shift_id, sold_at, synced_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                r.saleId(),
                r.deviceId(),
                r.slotId(),
                r.bookingId(),
                r.quantity(),
                r.amountFen(),
                r.method(),
                r.shiftId(),
                r.soldAt().toEpochMilli(),
                r.syncedAt().toEpochMilli());
    }

    public Optional<Row> find(Connection c, String saleId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM counter_offline_sale WHERE sale_id = ?", OfflineSaleStore::row, saleId);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("sale_id"),
                rs.getString("device_id"),
                rs.getString("slot_id"),
                rs.getString("booking_id"),
                rs.getInt("quantity"),
                rs.getLong("amount_fen"),
                rs.getString("method"),
                rs.getString("shift_id"),
                Instant.ofEpochMilli(rs.getLong("sold_at")),
                Instant.ofEpochMilli(rs.getLong("synced_at")));
    }
}
