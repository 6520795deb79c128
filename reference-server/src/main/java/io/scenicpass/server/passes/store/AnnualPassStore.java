package io.scenicpass.server.passes.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.passes.AnnualPass;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code annual_pass} table: a pass's whole state is written back at each change (with its own row lock). */
public final class AnnualPassStore {
    public void insert(Connection c, AnnualPass p, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO annual_pass(id, pass_id, booking_uuid, product_id, state, price, currency, purchased_at,"
                        + " activate_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                p.id(),
                p.passId(),
                p.bookingUuid(),
                p.productId(),
                p.state(),
                p.price(),
                p.currency(),
                p.purchasedAt().toEpochMilli(),
                p.activateBy().toEpochMilli(),
                now.toEpochMilli());
    }

    /** Writes back every changeable column. */
    public void update(Connection c, AnnualPass p, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE annual_pass SET pass_id=?, state=?, activated_at=?, valid_from=?, valid_until=?,"
                        + " holder_binding=?, holder_masked=?, enrolment_source=?, enrolment_ref=?, freeze_reason=?,"
                        + " appeal=?, refunded=?, updated_at=? WHERE id=?",
                p.passId(),
                p.state(),
                millis(p.activatedAt()),
                millis(p.validFrom()),
                millis(p.validUntil()),
                p.holderBinding(),
                p.holderMasked(),
                p.enrolmentSource(),
                p.enrolmentRef(),
                p.freezeReason(),
                p.appeal(),
                p.refunded(),
                now.toEpochMilli(),
                p.id());
    }

    /** The pass by its stable id or by the id of any signed pass that stood for it, locked for update. */
    public Optional<AnnualPass> lock(Connection c, String id) throws SQLException {
        Optional<AnnualPass> p =
                Jdbc.one(c, "SELECT * FROM annual_pass WHERE id=? FOR UPDATE", AnnualPassStore::row, id);
        return p.isPresent()
                ? p
                : Jdbc.one(c, "SELECT * FROM annual_pass WHERE pass_id=? FOR UPDATE", AnnualPassStore::row, id);
    }

    /** The pass by its stable id or its current signed pass id. */
    public Optional<AnnualPass> find(Connection c, String id) throws SQLException {
        Optional<AnnualPass> p = Jdbc.one(c, "SELECT * FROM annual_pass WHERE id=?", AnnualPassStore::row, id);
        return p.isPresent() ? p : Jdbc.one(c, "SELECT * FROM annual_pass WHERE pass_id=?", AnnualPassStore::row, id);
    }

    /** Newest first, optionally in one state, at most {@code limit}. */
    public List<AnnualPass> list(Connection c, String state, int limit) throws SQLException {
        return state == null
                ? Jdbc.list(
                        c,
                        "SELECT * FROM annual_pass ORDER BY purchased_at DESC, id FETCH FIRST " + limit + " ROWS ONLY",
                        AnnualPassStore::row)
                : Jdbc.list(
                        c,
                        "SELECT * FROM annual_pass WHERE state=? ORDER BY purchased_at DESC, id FETCH FIRST " + limit
                                + " ROWS ONLY",
                        AnnualPassStore::row,
                        state);
    }

    /** The annual passes a booking sold, in id order. */
    public List<AnnualPass> ofBooking(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.list(
                c, "SELECT * FROM annual_pass WHERE booking_uuid=? ORDER BY id", AnnualPassStore::row, bookingUuid);
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant at(ResultSet rs, String col) throws SQLException {
        Long v = Jdbc.longOrNull(rs, col);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    private static AnnualPass row(ResultSet rs) throws SQLException {
        return new AnnualPass(
                rs.getString("id"),
                rs.getString("pass_id"),
                rs.getString("booking_uuid"),
                rs.getString("product_id"),
                rs.getString("state"),
                rs.getLong("price"),
                rs.getString("currency"),
                at(rs, "purchased_at"),
                at(rs, "activate_by"),
                at(rs, "activated_at"),
                at(rs, "valid_from"),
                at(rs, "valid_until"),
                rs.getString("holder_binding"),
                rs.getString("holder_masked"),
                rs.getString("enrolment_source"),
                rs.getString("enrolment_ref"),
                rs.getString("freeze_reason"),
                rs.getString("appeal"),
                Jdbc.longOrNull(rs, "refunded"));
    }
}
