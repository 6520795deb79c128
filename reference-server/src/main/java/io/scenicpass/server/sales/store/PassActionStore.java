package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@code pass_action}: passes an operator voided or reissued, with the reason given (V88). */
public final class PassActionStore {
    /** One action: VOID or REISSUE (then {@code newPassId} is the pass signed in its place). */
    public record Action(
            long id,
            String passId,
            String bookingUuid,
            String action,
            String reason,
            String actor,
            String newPassId,
            Instant createdAt) {}

    public void insert(Connection c, Action a) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO pass_action(pass_id, booking_uuid, action, reason, actor, new_pass_id, created_at)"
                        + " VALUES (?,?,?,?,?,?,?)",
                a.passId(),
                a.bookingUuid(),
                a.action(),
                a.reason(),
                a.actor(),
                a.newPassId(),
                a.createdAt().toEpochMilli());
    }

    /** The actions on the passes of a booking, oldest first. */
    public List<Action> ofBooking(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.list(
                c, "SELECT * FROM pass_action WHERE booking_uuid=? ORDER BY id", PassActionStore::row, bookingUuid);
    }

    private static Action row(ResultSet rs) throws SQLException {
        return new Action(
                rs.getLong("id"),
                rs.getString("pass_id"),
                rs.getString("booking_uuid"),
                rs.getString("action"),
                rs.getString("reason"),
                rs.getString("actor"),
                rs.getString("new_pass_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
