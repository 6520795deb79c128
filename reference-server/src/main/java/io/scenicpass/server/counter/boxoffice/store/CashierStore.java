package io.scenicpass.server.counter.boxoffice.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The box office's cashiers (the PIN only as its hash, which never leaves the server). */
public final class CashierStore {
    /** A cashier as stored; {@code pinHash} is for the PIN check only. */
    public record CashierRow(
            String id,
            String name,
            String role,
            String pinHash,
            boolean active,
            Instant createdAt,
            Instant updatedAt) {}

    public void insert(Connection c, CashierRow r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO cashier(id, name, role, pin_hash, active, created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
                r.id(),
                r.name(),
                r.role(),
                r.pinHash(),
                r.active(),
                r.createdAt().toEpochMilli(),
                r.updatedAt().toEpochMilli());
    }

    public void update(Connection c, CashierRow r) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE cashier SET name=?, role=?, pin_hash=?, active=?, updated_at=? WHERE id=?",
                r.name(),
                r.role(),
                r.pinHash(),
                r.active(),
                r.updatedAt().toEpochMilli(),
                r.id());
    }

    public Optional<CashierRow> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM cashier WHERE id=?", CashierStore::row, id);
    }

    public List<CashierRow> list(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM cashier ORDER BY id", CashierStore::row);
    }

    private static CashierRow row(ResultSet rs) throws SQLException {
        return new CashierRow(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("role"),
                rs.getString("pin_hash"),
                rs.getBoolean("active"),
                BookingStore.instant(rs, "created_at"),
                BookingStore.instant(rs, "updated_at"));
    }
}
