package io.scenicpass.server.invoices.store;

import static io.scenicpass.server.sales.store.BookingStore.instant;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.invoices.Invoice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Invoices: one row per booking; contact fields and PDF hold ciphertext (the service encrypts and decrypts). */
public final class InvoiceStore {

    /** A stored invoice; {@code buyerTitle}, {@code taxNumber}, {@code email}, {@code pdf}: ciphertext or null. */
    public record Row(
            String id,
            String bookingUuid,
            Invoice.State state,
            String source,
            String provider,
            String number,
            String currency,
            long totalFen,
            String buyerTitle,
            String taxNumber,
            String email,
            String pdf,
            Invoice.MailState mailState,
            int mailAttempts,
            Instant createdAt,
            Instant issuedAt,
            Instant mailedAt,
            Instant erasedAt) {}

    /** Inserts an ISSUING row unless the booking has one already; true when this one was inserted. */
    public boolean insertIfAbsent(Connection c, Row r) throws SQLException {
        return Jdbc.update(
                        c,
                        "INSERT INTO invoice(id, booking_uuid, state, source, provider, currency, total_fen,"
                                + " buyer_title, tax_number, email, mail_state, created_at)"
                                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                        r.id(),
                        r.bookingUuid(),
                        r.state().name(),
                        r.source(),
                        r.provider(),
                        r.currency(),
                        r.totalFen(),
                        r.buyerTitle(),
                        r.taxNumber(),
                        r.email(),
                        r.mailState().name(),
                        r.createdAt().toEpochMilli())
                == 1;
    }

    public Optional<Row> get(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM invoice WHERE id=?", InvoiceStore::row, id);
    }

    public Optional<Row> byBooking(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM invoice WHERE booking_uuid=?", InvoiceStore::row, bookingUuid);
    }

    /** Newest first; {@code bookingUuid} null for all. */
    public List<Row> list(Connection c, String bookingUuid, int limit) throws SQLException {
        return bookingUuid == null
                ? Jdbc.list(
                        c, "SELECT * FROM invoice ORDER BY created_at DESC, id DESC LIMIT ?", InvoiceStore::row, limit)
                : Jdbc.list(
                        c,
                        "SELECT * FROM invoice WHERE booking_uuid=? ORDER BY created_at DESC, id DESC LIMIT ?",
                        InvoiceStore::row,
                        bookingUuid,
                        limit);
    }

    /** ISSUING → ISSUED with the provider's answer; false when another request finished it first. */
    public boolean issued(Connection c, String id, String number, String pdf, Instant at, Invoice.MailState mail)
            throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE invoice SET state='ISSUED', number=?, pdf=?, issued_at=?, mail_state=?"
                                + " WHERE id=? AND state='ISSUING'",
                        number,
                        pdf,
                        at.toEpochMilli(),
                        mail.name(),
                        id)
                == 1;
    }

    /** The issued invoices whose mail is due (PENDING), issued before {@code before}, oldest first. */
    public List<String> mailDue(Connection c, Instant before, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id FROM invoice WHERE mail_state='PENDING' AND state='ISSUED' AND issued_at < ?"
                        + " ORDER BY created_at LIMIT ?",
                rs -> rs.getString(1),
                before.toEpochMilli(),
                limit);
    }

    /** Records a mail attempt: SENT, or still PENDING, or FAILED after the last attempt. */
    public void mailed(Connection c, String id, Invoice.MailState state, Instant at) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE invoice SET mail_state=?, mail_attempts=mail_attempts+1, mailed_at=? WHERE id=?"
                        + " AND mail_state='PENDING'",
                state.name(),
                state == Invoice.MailState.SENT ? at.toEpochMilli() : null,
                id);
    }

    /** The ids of issued invoices created before {@code before} whose contact data is still there. */
    public List<String> erasable(Connection c, Instant before, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id FROM invoice WHERE erased_at IS NULL AND state='ISSUED' AND created_at < ?"
                        + " ORDER BY created_at LIMIT ?",
                rs -> rs.getString(1),
                before.toEpochMilli(),
                limit);
    }

    /** Drops the contact data and the PDF (an unsent mail is given up); true when something was erased. */
    public boolean erase(Connection c, String id, Instant at) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE invoice SET buyer_title=NULL, tax_number=NULL, email=NULL, pdf=NULL, erased_at=?,"
                                + " mail_state=CASE WHEN mail_state='PENDING' THEN 'ERASED' ELSE mail_state END"
                                + " WHERE id=? AND erased_at IS NULL AND state='ISSUED'",
                        at.toEpochMilli(),
                        id)
                == 1;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("booking_uuid"),
                Invoice.State.valueOf(rs.getString("state")),
                rs.getString("source"),
                rs.getString("provider"),
                rs.getString("number"),
                rs.getString("currency"),
                rs.getLong("total_fen"),
                rs.getString("buyer_title"),
                rs.getString("tax_number"),
                rs.getString("email"),
                rs.getString("pdf"),
                Invoice.MailState.valueOf(rs.getString("mail_state")),
                rs.getInt("mail_attempts"),
                instant(rs, "created_at"),
                instant(rs, "issued_at"),
                instant(rs, "mailed_at"),
                instant(rs, "erased_at"));
    }
}
