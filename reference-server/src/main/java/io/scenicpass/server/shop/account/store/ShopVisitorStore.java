package io.scenicpass.server.shop.account.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** The {@code shop_visitor} table: accounts found by the keyed hash of their address. */
public final class ShopVisitorStore {
    /** A stored account: the address only as ciphertext. */
    public record Row(long id, String addressHash, String kind, String contactEnc, String lang) {}

    private static final String COLS = "id, address_hash, address_kind, contact_enc, lang";

    public Optional<Row> byAddress(Connection c, String addressHash) throws SQLException {
        return Jdbc.one(
                c, "SELECT " + COLS + " FROM shop_visitor WHERE address_hash = ?", ShopVisitorStore::row, addressHash);
    }

    public Optional<Row> byId(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLS + " FROM shop_visitor WHERE id = ?", ShopVisitorStore::row, id);
    }

    /** Inserts an account; its id. */
    public long insert(Connection c, String addressHash, String kind, String contactEnc, String lang, long now)
            throws SQLException {
        try (var ps = c.prepareStatement(
                "INSERT INTO shop_visitor(address_hash, address_kind, contact_enc, lang, created_at) VALUES (?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, addressHash);
            ps.setString(2, kind);
            ps.setString(3, contactEnc);
            ps.setString(4, lang);
            ps.setLong(5, now);
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Row row(java.sql.ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
