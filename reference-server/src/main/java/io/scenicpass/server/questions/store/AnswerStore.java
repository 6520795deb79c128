package io.scenicpass.server.questions.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The answers of bookings ({@code question_answer}): item uuid ({@link #BOOKING} for the booking) → question → value. */
public final class AnswerStore {
    /** The item uuid of a booking's own answers. */
    public static final String BOOKING = "";

    /** A booking's answers: item uuid → (question id → value). */
    public Map<String, Map<String, String>> ofBooking(Connection c, String bookingUuid) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        Jdbc.list(
                        c,
                        "SELECT item_uuid, question_id, answer_value FROM question_answer WHERE booking_uuid=?",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                        bookingUuid)
                .forEach(r -> out.computeIfAbsent(r[0], k -> new HashMap<>()).put(r[1], r[2]));
        return out;
    }

    /** Sets one answer (null or blank value: removes it). */
    public void put(Connection c, String bookingUuid, String itemUuid, String questionId, String value, LocalDate visit)
            throws SQLException {
        Jdbc.update(
                c,
                "DELETE FROM question_answer WHERE booking_uuid=? AND item_uuid=? AND question_id=?",
                bookingUuid,
                itemUuid,
                questionId);
        if (value != null && !value.isBlank()) {
            Jdbc.update(
                    c,
                    "INSERT INTO question_answer(booking_uuid, item_uuid, question_id, answer_value, visit_date)"
                            + " VALUES (?,?,?,?,?)",
                    bookingUuid,
                    itemUuid,
                    questionId,
                    value,
                    visit);
        }
    }

    /** Keeps the booking's answers on its new visit date (a move to another day). */
    public void moveVisit(Connection c, String bookingUuid, LocalDate visit) throws SQLException {
        Jdbc.update(c, "UPDATE question_answer SET visit_date=? WHERE booking_uuid=?", visit, bookingUuid);
    }

    /** Bookings with answers whose visit date is before {@code date} (for the retention job). */
    public List<String> bookingsVisitingBefore(Connection c, LocalDate date, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT DISTINCT booking_uuid FROM question_answer WHERE visit_date < ? ORDER BY booking_uuid"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                rs -> rs.getString(1),
                date);
    }

    /** Erases a booking's answers; returns how many. */
    public int eraseBooking(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.update(c, "DELETE FROM question_answer WHERE booking_uuid=?", bookingUuid);
    }
}
