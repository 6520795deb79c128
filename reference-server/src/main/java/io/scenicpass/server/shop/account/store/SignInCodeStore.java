package io.scenicpass.server.shop.account.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code shop_code} table: one-time sign-in codes, as keyed hashes. */
public final class SignInCodeStore {
    /** A code as stored. */
    public record Row(
            String id,
            String addressHash,
            String addressEnc,
            String codeHash,
            long expiresAt,
            int attempts,
            Long usedAt) {}

    public void insert(
            Connection c,
            String id,
            String addressHash,
            String addressEnc,
            String ipHash,
            String codeHash,
            long now,
            long expires)
            throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO shop_code(id, address_hash, address_enc, ip_hash, code_hash, created_at, expires_at)"
                        + " VALUES (?,?,?,?,?,?,?)",
                id,
                addressHash,
                addressEnc,
                ipHash,
                codeHash,
                now,
                expires);
    }

    /** Codes asked for this address since {@code since}. */
    public int countForAddress(Connection c, String addressHash, long since) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT COUNT(*) FROM shop_code WHERE address_hash = ? AND created_at >= ?",
                        rs -> rs.getInt(1),
                        addressHash,
                        since)
                .orElse(0);
    }

    /** Codes asked from this address of the internet since {@code since}. */
    public int countForIp(Connection c, String ipHash, long since) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT COUNT(*) FROM shop_code WHERE ip_hash = ? AND created_at >= ?",
                        rs -> rs.getInt(1),
                        ipHash,
                        since)
                .orElse(0);
    }

    /** The code, its row locked for the check. */
    public Optional<Row> lock(Connection c, String id) throws SQLException {
        return select(c, id, " FOR UPDATE");
    }

    /** The code, read only (the code page shows where it went). */
    public Optional<Row> find(Connection c, String id) throws SQLException {
        return select(c, id, "");
    }

    private Optional<Row> select(Connection c, String id, String lock) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT id, address_hash, address_enc, code_hash, expires_at, attempts, used_at FROM shop_code"
                        + " WHERE id = ?" + lock,
                rs -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getInt(6),
                        Jdbc.longOrNull(rs, "used_at")),
                id);
    }

    public void countAttempt(Connection c, String id) throws SQLException {
        Jdbc.update(c, "UPDATE shop_code SET attempts = attempts + 1 WHERE id = ?", id);
    }

    public void markUsed(Connection c, String id, long now) throws SQLException {
        Jdbc.update(c, "UPDATE shop_code SET used_at = ? WHERE id = ?", now, id);
    }

    public int purgeBefore(Connection c, long before) throws SQLException {
        return Jdbc.update(c, "DELETE FROM shop_code WHERE created_at < ?", before);
    }
}
