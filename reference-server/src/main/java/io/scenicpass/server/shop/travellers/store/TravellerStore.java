package io.scenicpass.server.shop.travellers.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code shop_traveller} rows: a shop visitor's saved documents, as keyed hash and ciphertexts only. */
public final class TravellerStore {

    /** A saved document as stored (number and name are AES-GCM ciphertexts bound to the row id). */
    public record TravellerRow(
            String id,
            long visitorId,
            String type,
            String lookup,
            String numberEnc,
            String nameEnc,
            String country,
            Instant createdAt) {}

    /** Inserts a traveller; the same document twice for one visitor is a unique violation. */
    public void insert(Connection c, TravellerRow t) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO shop_traveller(id, visitor_id, doc_type, lookup, number_enc, name_enc, country, created_at)"
                        + " VALUES (?,?,?,?,?,?,?,?)",
                t.id(),
                t.visitorId(),
                t.type(),
                t.lookup(),
                t.numberEnc(),
                t.nameEnc(),
                t.country(),
                t.createdAt().toEpochMilli());
    }

    /** The visitor's travellers, oldest first. */
    public List<TravellerRow> ofVisitor(Connection c, long visitorId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM shop_traveller WHERE visitor_id=? ORDER BY created_at, id",
                TravellerStore::row,
                visitorId);
    }

    /** The visitor's traveller {@code id} (another visitor's is none). */
    public Optional<TravellerRow> find(Connection c, long visitorId, String id) throws SQLException {
        return Jdbc.one(
                c, "SELECT * FROM shop_traveller WHERE id=? AND visitor_id=?", TravellerStore::row, id, visitorId);
    }

    /** Deletes the visitor's traveller; true when there was one. */
    public boolean delete(Connection c, long visitorId, String id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM shop_traveller WHERE id=? AND visitor_id=?", id, visitorId) == 1;
    }

    public int count(Connection c, long visitorId) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT COUNT(*) AS n FROM shop_traveller WHERE visitor_id=?",
                        rs -> rs.getInt("n"),
                        visitorId)
                .orElse(0);
    }

    private static TravellerRow row(ResultSet rs) throws SQLException {
        return new TravellerRow(
                rs.getString("id"),
                rs.getLong("visitor_id"),
                rs.getString("doc_type"),
                rs.getString("lookup"),
                rs.getString("number_enc"),
                rs.getString("name_enc"),
                rs.getString("country"),
                BookingStore.instant(rs, "created_at"));
    }
}
