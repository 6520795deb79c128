package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.terminal.DeviceRole;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Enrollment tokens and enrolled terminals (tokens of both kinds are stored as SHA-256 hashes only). */
public final class DeviceStore {

    /** An enrolled terminal; {@code role}: gate, kiosk or box office (from its enrollment token). */
    public record DeviceRow(
            String id,
            String name,
            String model,
            String gateId,
            boolean revoked,
            Instant createdAt,
            Instant revokedAt,
            Instant lastSeenAt,
            DeviceRole role) {
        /** A gate (the role of every device before roles existed). */
        public DeviceRow(
                String id,
                String name,
                String model,
                String gateId,
                boolean revoked,
                Instant createdAt,
                Instant revokedAt,
                Instant lastSeenAt) {
            this(id, name, model, gateId, revoked, createdAt, revokedAt, lastSeenAt, DeviceRole.GATE);
        }
    }

    /** A one-time enrollment token's record. */
    public record TokenRow(
            String tokenHash,
            String gateId,
            String label,
            Instant createdAt,
            Instant expiresAt,
            Instant usedAt,
            String usedBy,
            DeviceRole role) {}

    public void insertToken(Connection c, TokenRow t) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO enrollment_token(token_hash, gate_id, label, created_at, expires_at, role)"
                        + " VALUES (?,?,?,?,?,?)",
                t.tokenHash(),
                t.gateId(),
                t.label(),
                t.createdAt().toEpochMilli(),
                t.expiresAt().toEpochMilli(),
                t.role().name());
    }

    /** Marks an unused, unexpired token used; true when this call consumed it (at most one caller wins). */
    public boolean consumeToken(Connection c, String tokenHash, String deviceId, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE enrollment_token SET used_at=?, used_by=? WHERE token_hash=? AND used_at IS NULL"
                                + " AND expires_at > ?",
                        now.toEpochMilli(),
                        deviceId,
                        tokenHash,
                        now.toEpochMilli())
                == 1;
    }

    public Optional<TokenRow> token(Connection c, String tokenHash) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT * FROM enrollment_token WHERE token_hash=?",
                rs -> new TokenRow(
                        rs.getString("token_hash"),
                        rs.getString("gate_id"),
                        rs.getString("label"),
                        BookingStore.instant(rs, "created_at"),
                        BookingStore.instant(rs, "expires_at"),
                        BookingStore.instant(rs, "used_at"),
                        rs.getString("used_by"),
                        DeviceRole.valueOf(rs.getString("role"))),
                tokenHash);
    }

    /** Inserts a gate. */
    public void insertDevice(
            Connection c, String id, String name, String model, String gateId, String tokenHash, Instant now)
            throws SQLException {
        insertDevice(c, id, name, model, gateId, tokenHash, now, DeviceRole.GATE);
    }

    public void insertDevice(
            Connection c,
            String id,
            String name,
            String model,
            String gateId,
            String tokenHash,
            Instant now,
            DeviceRole role)
            throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO device(id, name, model, gate_id, token_hash, revoked, created_at, role)"
                        + " VALUES (?,?,?,?,?,FALSE,?,?)",
                id,
                name,
                model,
                gateId,
                tokenHash,
                now.toEpochMilli(),
                role.name());
    }

    public Optional<DeviceRow> byTokenHash(Connection c, String tokenHash) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM device WHERE token_hash=?", DeviceStore::device, tokenHash);
    }

    public Optional<DeviceRow> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM device WHERE id=?", DeviceStore::device, id);
    }

    public List<DeviceRow> list(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM device ORDER BY created_at, id", DeviceStore::device);
    }

    public boolean revoke(Connection c, String id, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE device SET revoked=TRUE, revoked_at=? WHERE id=? AND NOT revoked",
                        now.toEpochMilli(),
                        id)
                == 1;
    }

    public void seen(Connection c, String id, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE device SET last_seen_at=? WHERE id=?", now.toEpochMilli(), id);
    }

    private static DeviceRow device(ResultSet rs) throws SQLException {
        return new DeviceRow(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("model"),
                rs.getString("gate_id"),
                rs.getBoolean("revoked"),
                BookingStore.instant(rs, "created_at"),
                BookingStore.instant(rs, "revoked_at"),
                BookingStore.instant(rs, "last_seen_at"),
                DeviceRole.valueOf(rs.getString("role")));
    }
}
