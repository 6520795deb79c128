package io.scenicpass.server.face.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Face templates ({@code face_template}): one per pass, sealed by the caller; the rows in a manifest page. */
public final class FaceStore {
    /** A stored template: sealed template (and photo), the pass's zones ("" = every zone), who enrolled it, when. */
    public record Row(
            String passId,
            String subjectId,
            String templateEnc,
            String photoEnc,
            String zones,
            String source,
            String enrolledBy,
            Instant enrolledAt,
            Instant validUntil) {}

    /** The pass a template is bound to: its text, end and whether it was revoked. */
    public record PassRow(String passText, Instant validUntil, boolean revoked) {}

    public Optional<PassRow> pass(Connection c, String passId) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT pass_text, valid_until, revoked FROM pass WHERE pass_id=?",
                rs -> new PassRow(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getBoolean(3)),
                passId);
    }

    /** Inserts or replaces the template of a pass. */
    public void put(Connection c, Row r) throws SQLException {
        Jdbc.update(c, "DELETE FROM face_template WHERE pass_id=?", r.passId());
        Jdbc.update(
                c,
                "INSERT INTO face_template(pass_id, subject_id, template_enc, photo_enc, zones, source, enrolled_by,"
                        + " enrolled_at, valid_until) VALUES (?,?,?,?,?,?,?,?,?)",
                r.passId(),
                r.subjectId(),
                r.templateEnc(),
                r.photoEnc(),
                r.zones(),
                r.source(),
                r.enrolledBy(),
                r.enrolledAt().toEpochMilli(),
                r.validUntil().toEpochMilli());
    }

    public Optional<Row> get(Connection c, String passId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM face_template WHERE pass_id=?", FaceStore::row, passId);
    }

    public boolean delete(Connection c, String passId) throws SQLException {
        return Jdbc.update(c, "DELETE FROM face_template WHERE pass_id=?", passId) == 1;
    }

    /** Deletes the templates of passes that ended before {@code cutoff}; returns their pass ids. */
    public List<String> deleteEndedBefore(Connection c, Instant cutoff) throws SQLException {
        List<String> ids = Jdbc.list(
                c,
                "SELECT pass_id FROM face_template WHERE valid_until < ?",
                rs -> rs.getString(1),
                cutoff.toEpochMilli());
        Jdbc.update(c, "DELETE FROM face_template WHERE valid_until < ?", cutoff.toEpochMilli());
        return ids;
    }

    /** The templates of the passes live in the manifest feed rows {@code (since, upper]}. */
    public List<Row> inManifest(Connection c, long since, long upper) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT f.* FROM face_template f JOIN manifest_pass m ON m.pass_id = f.pass_id"
                        + " WHERE m.seq > ? AND m.seq <= ? AND m.live",
                FaceStore::row,
                since,
                upper);
    }

    /** A face captured before its pass exists (sealed by the caller under {@code face-capture:<reference>}). */
    public record Capture(String reference, String templateEnc, String photoEnc, String source, Instant createdAt) {}

    public void putCapture(Connection c, Capture k) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO face_capture(reference, template_enc, photo_enc, source, created_at) VALUES (?,?,?,?,?)",
                k.reference(),
                k.templateEnc(),
                k.photoEnc(),
                k.source(),
                k.createdAt().toEpochMilli());
    }

    /** Takes a capture (deleted as it is read: it binds to one pass only). */
    public Optional<Capture> takeCapture(Connection c, String reference) throws SQLException {
        Optional<Capture> k = Jdbc.one(
                c,
                "SELECT reference, template_enc, photo_enc, source, created_at FROM face_capture WHERE reference=?",
                rs -> new Capture(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))),
                reference);
        if (k.isPresent()) {
            Jdbc.update(c, "DELETE FROM face_capture WHERE reference=?", reference);
        }
        return k;
    }

    /** Deletes captures never bound to a pass, made before {@code cutoff}; returns how many. */
    public int deleteCapturesBefore(Connection c, Instant cutoff) throws SQLException {
        return Jdbc.update(c, "DELETE FROM face_capture WHERE created_at < ?", cutoff.toEpochMilli());
    }

    /** Moves a pass's template to the pass that now stands for it (renewal), with its new seal and end. */
    public void rebind(Connection c, String oldPassId, Row moved) throws SQLException {
        Jdbc.update(c, "DELETE FROM face_template WHERE pass_id=?", oldPassId);
        put(c, moved);
    }

    /** The pass ended early (refund): retention counts from {@code at}. */
    public void ended(Connection c, String passId, Instant at) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE face_template SET valid_until=? WHERE pass_id=? AND valid_until > ?",
                at.toEpochMilli(),
                passId,
                at.toEpochMilli());
    }

    /** The SHA-256 (hex) of a device's token: the server's half of the device's face key. */
    public Optional<String> deviceTokenHash(Connection c, String deviceId) throws SQLException {
        return Jdbc.one(c, "SELECT token_hash FROM device WHERE id=?", rs -> rs.getString(1), deviceId);
    }

    private static Row row(java.sql.ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("pass_id"),
                rs.getString("subject_id"),
                rs.getString("template_enc"),
                rs.getString("photo_enc"),
                rs.getString("zones"),
                rs.getString("source"),
                rs.getString("enrolled_by"),
                Instant.ofEpochMilli(rs.getLong("enrolled_at")),
                Instant.ofEpochMilli(rs.getLong("valid_until")));
    }
}
