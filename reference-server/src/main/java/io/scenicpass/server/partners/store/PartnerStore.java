package io.scenicpass.server.partners.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.partners.Partner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Partners and their keys (only the keys' SHA-256 is stored). */
public final class PartnerStore {
    private static final String COLS = "p.id, p.name, p.kind, p.active, p.created_at";

    public void insert(Connection c, Partner p) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO partner(id, name, kind, active, created_at) VALUES (?,?,?,?,?)",
                p.id(),
                p.name(),
                p.kind().name(),
                p.active(),
                p.createdAt().toEpochMilli());
    }

    public Optional<Partner> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLS + " FROM partner p WHERE p.id=?", PartnerStore::row, id);
    }

    public List<Partner> list(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLS + " FROM partner p ORDER BY p.id", PartnerStore::row);
    }

    /** The active partner owning an unrevoked key with this hash. */
    public Optional<Partner> byKeyHash(Connection c, String hash) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT " + COLS + " FROM partner_key k JOIN partner p ON p.id=k.partner_id"
                        + " WHERE k.key_hash=? AND NOT k.revoked AND p.active",
                PartnerStore::row,
                hash);
    }

    public void addKey(Connection c, String partnerId, String hash, String label, Instant at) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO partner_key(key_hash, partner_id, label, created_at) VALUES (?,?,?,?)",
                hash,
                partnerId,
                label,
                at.toEpochMilli());
    }

    /** Revokes every key of the partner; the number revoked. */
    public int revokeKeys(Connection c, String partnerId) throws SQLException {
        return Jdbc.update(c, "UPDATE partner_key SET revoked=TRUE WHERE partner_id=? AND NOT revoked", partnerId);
    }

    private static Partner row(ResultSet rs) throws SQLException {
        return new Partner(
                rs.getString(1),
                rs.getString(2),
                Partner.Kind.valueOf(rs.getString(3)),
                rs.getBoolean(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
