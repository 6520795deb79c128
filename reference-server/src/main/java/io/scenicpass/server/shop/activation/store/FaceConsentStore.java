package io.scenicpass.server.shop.activation.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** SQL of {@code face_consent}: one row per face capture a holder consented to. */
public final class FaceConsentStore {
    /** A recorded consent. */
    public record Consent(
            String reference, String annualId, long shopVisitorId, String lang, String statement, Instant at) {}

    public void insert(Connection c, Consent k) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO face_consent(reference, annual_id, shop_visitor_id, lang, statement, consented_at)"
                        + " VALUES (?,?,?,?,?,?)",
                k.reference(),
                k.annualId(),
                k.shopVisitorId(),
                k.lang(),
                k.statement(),
                k.at().toEpochMilli());
    }

    /** Deletes the consent given with a capture that was discarded (its activation was refused). */
    public void delete(Connection c, String reference) throws SQLException {
        Jdbc.update(c, "DELETE FROM face_consent WHERE reference=?", reference);
    }

    /** The consents given for an annual pass, oldest first. */
    public List<Consent> ofPass(Connection c, String annualId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT reference, annual_id, shop_visitor_id, lang, statement, consented_at FROM face_consent"
                        + " WHERE annual_id=? ORDER BY consented_at, reference",
                rs -> new Consent(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        Instant.ofEpochMilli(rs.getLong(6))),
                annualId);
    }
}
