package io.scenicpass.server.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.Mailbox;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invoice PDF mailed through a real SMTP server ({@link Mailbox}), and retried until it is delivered. */
class InvoiceMailTest {
    @TempDir
    Path dir;

    @Test
    void theInvoiceIsMailedWithItsPdf() throws Exception {
        try (InvoicesFixture f = InvoicesFixture.withMail(dir, Map.of())) {
            String b = f.paidBooking("b-1");
            Invoice inv = f.ts.server
                    .invoices()
                    .invoices
                    .request(b, new InvoiceInput("王五", null, "wang@example.com"), Invoice.Source.KIOSK);
            assertThat(inv.mail()).isEqualTo(Invoice.MailState.SENT);
            assertThat(f.mailbox.waitFor(1)).isTrue();
            MimeMessage m = f.mailbox.mails().get(0);
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("wang@example.com");
            assertThat(m.getFrom()[0].toString()).isEqualTo("invoices@park.example");
            assertThat(m.getSubject()).contains(inv.number());
            Part pdf = ((Multipart) m.getContent()).getBodyPart(1);
            assertThat(pdf.getFileName()).isEqualTo(inv.number() + ".pdf");
            String text = InvoicesFixture.text(pdf.getInputStream().readAllBytes());
            assertThat(text).contains("王五").contains(inv.number()).contains("250.00");
            // asked again: answered, not mailed twice
            f.ts.server
                    .invoices()
                    .invoices
                    .request(b, new InvoiceInput("王五", null, "wang@example.com"), Invoice.Source.VISITOR);
            assertThat(f.mailbox.mails()).hasSize(1);
        }
    }

    /** With the SMTP server down the mail stays PENDING; the job sends it once the server is back, only once. */
    @Test
    void aMailThatCannotBeSentIsRetriedByTheJob() throws Exception {
        int port = Mailbox.freePort(); // nobody listening while the invoice is issued
        try (InvoicesFixture f = InvoicesFixture.start(dir, Mailbox.settings(port))) {
            String b = f.paidBooking("b-1");
            InvoiceService s = f.ts.server.invoices().invoices;
            Invoice inv = s.request(b, new InvoiceInput("赵六", null, "zhao@example.com"), Invoice.Source.VISITOR);
            assertThat(inv.state()).isEqualTo(Invoice.State.ISSUED);
            assertThat(inv.mail()).isEqualTo(Invoice.MailState.PENDING);
            assertThat(s.mailDue()).isZero(); // within the grace the request had: not yet the job's
            try (Mailbox mailbox = Mailbox.on(port)) {
                f.clock().advance(Duration.ofMinutes(2));
                assertThat(s.mailDue()).isEqualTo(1);
                assertThat(s.mailDue()).isZero();
                assertThat(mailbox.mails()).hasSize(1);
                assertThat(s.get(inv.id()).mail()).isEqualTo(Invoice.MailState.SENT);
                assertThat(s.get(inv.id()).mailedAt()).isEqualTo(f.clock().instant());
            }
        }
    }

    /** After the last attempt the mail is FAILED (the PDF stays downloadable through the link). */
    @Test
    void aMailIsGivenUpAfterItsAttempts() {
        int port = Mailbox.freePort(); // nobody ever listens there
        try (InvoicesFixture f = InvoicesFixture.start(dir, Mailbox.settings(port, "mail.attempts", "2"))) {
            String b = f.paidBooking("b-1");
            InvoiceService s = f.ts.server.invoices().invoices;
            Invoice inv = s.request(b, new InvoiceInput("赵六", null, "zhao@example.com"), Invoice.Source.VISITOR);
            f.clock().advance(Duration.ofMinutes(2));
            assertThat(s.mailDue()).isZero();
            assertThat(s.get(inv.id()).mail()).isEqualTo(Invoice.MailState.FAILED);
            assertThat(s.pdf(inv.id())).isNotEmpty();
        }
    }
}
