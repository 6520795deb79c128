package io.scenicpass.server.keys;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Public metadata of issuer and root keys (the private keys live encrypted in the data dir). */
public final class IssuerKeyStore {

    /** One key's public record. role is ROOT or ISSUER; status is the sdk-core KeyStatus name. */
    public record KeyRow(
            String keyId,
            String role,
            String publicKeyBase64,
            String status,
            Instant validFrom,
            Instant validUntil,
            Instant createdAt) {}

    public void insert(Connection c, KeyRow k) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO issuer_key(key_id, role, public_key, status, valid_from, valid_until, created_at)"
                        + " VALUES (?,?,?,?,?,?,?)",
                k.keyId(),
                k.role(),
                k.publicKeyBase64(),
                k.status(),
                k.validFrom().toEpochMilli(),
                k.validUntil().toEpochMilli(),
                k.createdAt().toEpochMilli());
    }

    public void setStatus(Connection c, String keyId, String status) throws SQLException {
        Jdbc.update(c, "UPDATE issuer_key SET status=? WHERE key_id=?", status, keyId);
    }

    public List<KeyRow> list(Connection c, String role) throws SQLException {
        return Jdbc.list(
                c, "SELECT * FROM issuer_key WHERE role=? ORDER BY created_at, key_id", IssuerKeyStore::row, role);
    }

    private static KeyRow row(ResultSet rs) throws SQLException {
        return new KeyRow(
                rs.getString("key_id"),
                rs.getString("role"),
                rs.getString("public_key"),
                rs.getString("status"),
                Instant.ofEpochMilli(rs.getLong("valid_from")),
                Instant.ofEpochMilli(rs.getLong("valid_until")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
