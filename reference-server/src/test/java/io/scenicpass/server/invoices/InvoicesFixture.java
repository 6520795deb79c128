package io.scenicpass.server.invoices;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.invoices.internal.CjkFont;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A real server with product "tour" (adult 100.00, child 50.00), channel "ota", and optionally a real SMTP server
 * ({@link Mailbox}) the invoices are mailed through; {@link #paidBooking} books and confirms over OCTO.
 */
final class InvoicesFixture implements AutoCloseable {
    static final String SLOT = "2026-06-02T10:00:00+08:00";

    final TestServer ts;
    final Mailbox mailbox;
    final String key;

    private InvoicesFixture(TestServer ts, Mailbox mailbox) {
        this.ts = ts;
        this.mailbox = mailbox;
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        key = ts.channel("ota", 10_000, 10_000, null);
    }

    /** Skips (loudly) where the machine has no Chinese TrueType font: the demo PDFs cannot be rendered. */
    static void requireFont() {
        assumeTrue(
                CjkFont.find(null).isPresent(),
                "SKIPPED: no Chinese TrueType font for the invoice PDFs (" + CjkFont.CANDIDATES
                        + "): install fonts-wqy-microhei (./scenicpass test does)");
    }

    /** Without mail. */
    static InvoicesFixture start(Path dir) {
        return start(dir, Map.of());
    }

    /** On a new database of the test PostgreSQL server, without mail. */
    static InvoicesFixture postgres(Path dir) {
        requireFont();
        return new InvoicesFixture(
                new TestServer(
                        dir,
                        io.scenicpass.server.testing.PostgresServer.get().newDatabase(),
                        new MutableClock(TestServer.START),
                        Map.of()),
                null);
    }

    /** With these settings and no SMTP server of its own. */
    static InvoicesFixture start(Path dir, Map<String, String> cfg) {
        requireFont();
        return new InvoicesFixture(new TestServer(dir, null, new MutableClock(TestServer.START), cfg), null);
    }

    /** With mail through a {@link Mailbox} on a free port (started here) plus {@code extra} settings. */
    static InvoicesFixture withMail(Path dir, Map<String, String> extra) {
        requireFont();
        Mailbox mailbox = Mailbox.start();
        Map<String, String> cfg = mailbox.settings("mail.from", "invoices@park.example");
        cfg.putAll(extra);
        return new InvoicesFixture(new TestServer(dir, null, new MutableClock(TestServer.START), cfg), mailbox);
    }

    MutableClock clock() {
        return ts.clock;
    }

    /** Reserves and confirms two adults and a child (250.00): the booking's uuid. */
    String paidBooking(String uuid) {
        String held = held(uuid);
        TestServer.Answer ok = ts.post("/octo/bookings/" + held + "/confirm", key, "{}");
        if (ok.status() != 200) {
            throw new AssertionError(ok.body());
        }
        return held;
    }

    /** Reserves (not confirmed) two adults and a child. */
    String held(String uuid) {
        TestServer.Answer r = ts.post(
                "/octo/bookings",
                key,
                TestServer.reserve(uuid, "tour", SLOT, "tour-adult", "tour-adult", "tour-child"));
        if (r.status() != 200) {
            throw new AssertionError(r.body());
        }
        return uuid;
    }

    /** The booking's supplier reference (the order reference on the invoice). */
    String reference(String uuid) {
        JsonNode b = ts.get("/octo/bookings/" + uuid, key).json();
        return b.get("supplierReference").asText();
    }

    static String text(byte[] pdf) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        ts.close();
        if (mailbox != null) {
            mailbox.close();
        }
    }
}
