package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest change feed: which passes a terminal should hold locally (valid in the window, not revoked),
 * each with a unique, increasing change sequence. Every writer first locks the single {@code manifest_state}
 * row, so sequences become visible in order and a reader's cursor never skips a change.
 */
public final class ManifestStore {
    public static final String HOLDER_BINDING = "HOLDER_BINDING";
    public static final String CARD_UID = "CARD_UID";
    public static final String BIOMETRIC = "BIOMETRIC";

    /** Receives one manifest row of a page. */
    public interface Sink {
        void row(long seq, String passId, boolean live, String passText) throws IOException;
    }

    /** The extra credentials of one pass. */
    public record Credentials(List<String> holderBindings, List<String> cardUids, List<String> biometricSubjects) {
        public static Credentials empty() {
            return new Credentials(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** How far back the issued-at watermark reaches, so passes of transactions still in flight are not missed. */
    static final long OVERLAP_MILLIS = 5 * 60_000L;

    /**
     * Brings the feed up to date: removes passes revoked (from the revocation log) or expired, adds passes that
     * entered the window {@code valid_until > now AND valid_from < horizon}. After the first run only passes issued
     * since the previous run (minus an overlap) or entering the window are examined, unless {@code full} (the
     * periodic reconcile that also catches passes stored with an older issue time). Returns the changes made.
     */
    public int refresh(Connection c, Instant now, Instant horizon, boolean full) throws SQLException {
        long[] state = lockState(c);
        long seq = state[0];
        long revSeq = state[1];
        long issuedWm = state[2];
        long horizonWm = state[3];
        int changes = 0;
        List<String> gone = new ArrayList<>();
        for (Object[] r : Jdbc.list(
                c,
                "SELECT seq, pass_id FROM revocation WHERE seq > ? ORDER BY seq",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)},
                revSeq)) {
            revSeq = (Long) r[0];
            gone.add((String) r[1]);
        }
        gone.addAll(Jdbc.list(
                c,
                "SELECT pass_id FROM manifest_pass WHERE live AND valid_until <= ?",
                rs -> rs.getString(1),
                now.toEpochMilli()));
        if (!gone.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE manifest_pass SET live=FALSE, pass_text=NULL, seq=? WHERE pass_id=? AND live")) {
                for (String id : gone) {
                    ps.setLong(1, ++seq);
                    ps.setString(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            changes += gone.size();
        }
        String window = " p.valid_until > ? AND p.valid_from < ? AND NOT p.revoked"
                + " AND NOT EXISTS (SELECT 1 FROM manifest_pass m WHERE m.pass_id = p.pass_id)";
        List<Object[]> fresh;
        if (full || horizonWm == 0) {
            fresh = Jdbc.list(
                    c,
                    "SELECT p.pass_id, p.valid_until, p.pass_text FROM pass p WHERE" + window,
                    ManifestStore::candidate,
                    now.toEpochMilli(),
                    horizon.toEpochMilli());
        } else {
            fresh = new ArrayList<>(Jdbc.list(
                    c,
                    "SELECT p.pass_id, p.valid_until, p.pass_text FROM pass p WHERE p.issued_at > ? AND" + window,
                    ManifestStore::candidate,
                    issuedWm - OVERLAP_MILLIS,
                    now.toEpochMilli(),
                    horizon.toEpochMilli()));
            if (horizon.toEpochMilli() > horizonWm) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                fresh.forEach(f -> seen.add((String) f[0]));
                for (Object[] f : Jdbc.list(
                        c,
                        "SELECT p.pass_id, p.valid_until, p.pass_text FROM pass p WHERE p.valid_from >= ? AND" + window,
                        ManifestStore::candidate,
                        horizonWm,
                        now.toEpochMilli(),
                        horizon.toEpochMilli())) {
                    if (seen.add((String) f[0])) {
                        fresh.add(f);
                    }
                }
            }
        }
        if (!fresh.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO manifest_pass(pass_id, seq, live, valid_until, pass_text) VALUES (?,?,TRUE,?,?)")) {
                int n = 0;
                for (Object[] f : fresh) {
                    ps.setString(1, (String) f[0]);
                    ps.setLong(2, ++seq);
                    ps.setLong(3, (Long) f[1]);
                    ps.setString(4, (String) f[2]);
                    ps.addBatch();
                    if (++n % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            changes += fresh.size();
        }
        Jdbc.update(
                c,
                "UPDATE manifest_state SET last_seq=?, rev_seq=?, issued_wm=?, horizon_wm=? WHERE id=1",
                seq,
                revSeq,
                now.toEpochMilli(),
                Math.max(horizonWm, horizon.toEpochMilli()));
        return changes;
    }

    private static Object[] candidate(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)};
    }

    /** Replaces a pass's extra credentials and, when the pass is in the feed, re-announces it. */
    public void putCredentials(Connection c, String passId, Credentials creds) throws SQLException {
        long seq = lockState(c)[0];
        Jdbc.update(c, "DELETE FROM pass_credential WHERE pass_id=?", passId);
        insert(c, passId, HOLDER_BINDING, creds.holderBindings());
        insert(c, passId, CARD_UID, creds.cardUids());
        insert(c, passId, BIOMETRIC, creds.biometricSubjects());
        if (Jdbc.update(c, "UPDATE manifest_pass SET seq=? WHERE pass_id=? AND live", seq + 1, passId) == 1) {
            Jdbc.update(c, "UPDATE manifest_state SET last_seq=? WHERE id=1", seq + 1);
        }
    }

    /** Re-announces a pass still in the feed (its face template changed); false when it is not in the feed. */
    public boolean reannounce(Connection c, String passId) throws SQLException {
        long seq = lockState(c)[0];
        if (Jdbc.update(c, "UPDATE manifest_pass SET seq=? WHERE pass_id=? AND live", seq + 1, passId) != 1) {
            return false;
        }
        Jdbc.update(c, "UPDATE manifest_state SET last_seq=? WHERE id=1", seq + 1);
        return true;
    }

    /**
     * Adds holder bindings (base64url) to a pass being issued, in the issuing transaction: the pass enters the feed
     * later with them, so no re-announcement (and no lock on the feed) is needed.
     */
    public void addHolderBindings(Connection c, String passId, List<String> bindings) throws SQLException {
        insert(c, passId, HOLDER_BINDING, bindings);
    }

    /** The holder bindings (base64url) a pass was issued with: its real-name holders; empty for an anonymous pass. */
    public List<String> holderBindings(Connection c, String passId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT credential_value FROM pass_credential WHERE pass_id=? AND kind=?",
                rs -> rs.getString(1),
                passId,
                HOLDER_BINDING);
    }

    /**
     * Drops the holder bindings of a booking's passes (its identities were erased) and re-announces those still in
     * the feed, so the gates forget them too. Returns the passes changed.
     */
    public int dropHolderBindings(Connection c, String bookingUuid) throws SQLException {
        List<String> passIds = Jdbc.list(
                c,
                "SELECT DISTINCT pc.pass_id FROM pass_credential pc JOIN pass p ON p.pass_id = pc.pass_id"
                        + " WHERE p.booking_uuid=? AND pc.kind=?",
                rs -> rs.getString(1),
                bookingUuid,
                HOLDER_BINDING);
        if (passIds.isEmpty()) {
            return 0;
        }
        long seq = lockState(c)[0];
        for (String passId : passIds) {
            Jdbc.update(c, "DELETE FROM pass_credential WHERE pass_id=? AND kind=?", passId, HOLDER_BINDING);
            if (Jdbc.update(c, "UPDATE manifest_pass SET seq=? WHERE pass_id=? AND live", seq + 1, passId) == 1) {
                seq++;
            }
        }
        Jdbc.update(c, "UPDATE manifest_state SET last_seq=? WHERE id=1", seq);
        return passIds.size();
    }

    /** The time zone of the area's most recently created active product, if any (the manifest's "today"). */
    public java.util.Optional<String> areaTimeZone(Connection c) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT time_zone FROM product WHERE active ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY",
                rs -> rs.getString(1));
    }

    public long lastSeq(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT last_seq FROM manifest_state WHERE id=1", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Highest sequence among the first {@code limit} rows after {@code since}; since when none. */
    public long upper(Connection c, long since, int limit) throws SQLException {
        return RevocationFeedStore.upper(c, "manifest_pass", since, limit);
    }

    public boolean after(Connection c, long seq) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT seq FROM manifest_pass WHERE seq > ? FETCH FIRST 1 ROWS ONLY",
                        rs -> rs.getLong(1),
                        seq)
                .isPresent();
    }

    /** Credentials of the passes whose feed rows are in {@code (since, upper]}. */
    public Map<String, Credentials> credentials(Connection c, long since, long upper) throws SQLException {
        Map<String, Credentials> out = new HashMap<>();
        for (String[] r : Jdbc.list(
                c,
                "SELECT pc.pass_id, pc.kind, pc.credential_value FROM pass_credential pc"
                        + " JOIN manifest_pass m ON m.pass_id = pc.pass_id WHERE m.seq > ? AND m.seq <= ?"
                        + " ORDER BY pc.pass_id, pc.kind, pc.credential_value",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                since,
                upper)) {
            Credentials cr = out.computeIfAbsent(r[0], k -> Credentials.empty());
            (HOLDER_BINDING.equals(r[1])
                            ? cr.holderBindings()
                            : CARD_UID.equals(r[1]) ? cr.cardUids() : cr.biometricSubjects())
                    .add(r[2]);
        }
        return out;
    }

    /** Streams the feed rows {@code (since, upper]} in order with their pass text; returns how many. */
    public int stream(Connection c, long since, long upper, Sink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, pass_id, live, pass_text FROM manifest_pass"
                + " WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            ps.setFetchSize(2000);
            ps.setLong(1, since);
            ps.setLong(2, upper);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.row(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4));
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long[] lockState(Connection c) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT last_seq, rev_seq, issued_wm, horizon_wm FROM manifest_state WHERE id=1 FOR UPDATE",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .orElseThrow();
    }

    private static void insert(Connection c, String passId, String kind, List<String> values) throws SQLException {
        if (values == null) {
            return;
        }
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                Jdbc.update(
                        c,
                        "INSERT INTO pass_credential(pass_id, kind, credential_value) VALUES (?,?,?)"
                                + " ON CONFLICT DO NOTHING",
                        passId,
                        kind,
                        v.trim());
            }
        }
    }
}
