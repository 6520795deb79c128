package io.scenicpass.server.keys;

import io.scenicpass.core.Delegation;
import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Keys delegated to box offices (table {@code delegation}, V69): public key, scope, validity, revocation. */
public final class DelegationStore {

    /** One delegation; {@code revokedAt} null while in force. */
    public record DelegationRow(
            String keyId,
            String deviceId,
            String publicKeyBase64,
            List<String> productIds,
            Instant visitFrom,
            Instant visitUntil,
            int maxPasses,
            Instant validFrom,
            Instant validUntil,
            Instant createdAt,
            Instant revokedAt,
            String revokedReason) {

        /** The key's entry in the signed key set; a revoked key still honours {@code honoured} (pass ids). */
        public PublicKeyEntry entry(List<String> honoured) {
            Delegation d = Delegation.of(deviceId, productIds, visitFrom, visitUntil, maxPasses);
            return PublicKeyEntry.delegated(
                    Base64.getDecoder().decode(publicKeyBase64),
                    validFrom,
                    validUntil,
                    revokedAt == null ? d : d.revoked(revokedAt, honoured));
        }
    }

    public void insert(Connection c, DelegationRow d) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO delegation(key_id, device_id, public_key, product_ids, visit_from, visit_until, max_passes,"
                        + " valid_from, valid_until, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                d.keyId(),
                d.deviceId(),
                d.publicKeyBase64(),
                String.join(",", d.productIds()),
                d.visitFrom().toEpochMilli(),
                d.visitUntil().toEpochMilli(),
                d.maxPasses(),
                d.validFrom().toEpochMilli(),
                d.validUntil().toEpochMilli(),
                d.createdAt().toEpochMilli());
    }

    public Optional<DelegationRow> byKeyId(Connection c, String keyId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM delegation WHERE key_id=?", DelegationStore::row, keyId);
    }

    /** Marks it revoked unless it already is; whether this call revoked it. */
    public boolean revoke(Connection c, String keyId, Instant at, String reason) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE delegation SET revoked_at=?, revoked_reason=? WHERE key_id=? AND revoked_at IS NULL",
                        at.toEpochMilli(),
                        reason,
                        keyId)
                == 1;
    }

    /** Keeps the key's passes the server holds now (synced sales, not revoked) as honoured after its revocation. */
    public void honourSynced(Connection c, String keyId) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO delegation_honoured(key_id, pass_id) SELECT ?, pass_id FROM pass"
                        + " WHERE key_id=? AND revoked=FALSE",
                keyId,
                keyId);
    }

    /** The passes a revoked key still honours: those kept at its revocation and not revoked since. */
    public List<String> honoured(Connection c, String keyId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT h.pass_id FROM delegation_honoured h JOIN pass p ON p.pass_id=h.pass_id"
                        + " WHERE h.key_id=? AND p.revoked=FALSE ORDER BY h.pass_id",
                rs -> rs.getString(1),
                keyId);
    }

    /** Every delegation whose validity ends after {@code after}, oldest first (what the key set carries). */
    public List<DelegationRow> validAfter(Connection c, Instant after) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM delegation WHERE valid_until > ? ORDER BY created_at, key_id",
                DelegationStore::row,
                after.toEpochMilli());
    }

    /** The newest delegations first, of one device or all ({@code deviceId} null). */
    public List<DelegationRow> list(Connection c, String deviceId, int limit) throws SQLException {
        return deviceId == null
                ? Jdbc.list(
                        c,
                        "SELECT * FROM delegation ORDER BY created_at DESC, key_id LIMIT ?",
                        DelegationStore::row,
                        limit)
                : Jdbc.list(
                        c,
                        "SELECT * FROM delegation WHERE device_id=? ORDER BY created_at DESC, key_id LIMIT ?",
                        DelegationStore::row,
                        deviceId,
                        limit);
    }

    private static DelegationRow row(ResultSet rs) throws SQLException {
        return new DelegationRow(
                rs.getString("key_id"),
                rs.getString("device_id"),
                rs.getString("public_key"),
                Arrays.asList(rs.getString("product_ids").split(",")),
                Instant.ofEpochMilli(rs.getLong("visit_from")),
                Instant.ofEpochMilli(rs.getLong("visit_until")),
                rs.getInt("max_passes"),
                Instant.ofEpochMilli(rs.getLong("valid_from")),
                Instant.ofEpochMilli(rs.getLong("valid_until")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Jdbc.longOrNull(rs, "revoked_at") == null ? null : Instant.ofEpochMilli(rs.getLong("revoked_at")),
                rs.getString("revoked_reason"));
    }
}
