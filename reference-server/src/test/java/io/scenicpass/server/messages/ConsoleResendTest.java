package io.scenicpass.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator resends a shop booking's tickets from the console (and the admin API): the confirmation with the link to
 * the tickets goes again, through the messages module, to the visitor's own address (a real SMTP server); a booking no
 * shop visitor owns is refused with its code, nothing sent; audited.
 */
class ConsoleResendTest {
    static final String SLOT = "2026-06-05T10:00:00+08:00";

    @TempDir
    Path dir;

    @Test
    void theOperatorResendsAShopBookingsTicketsToTheVisitorsOwnAddress() throws Exception {
        // over http: the console's session cookie is Secure when the public address is https
        try (MessagesFixture f = new MessagesFixture(dir, Map.of("http.publicUrl", "http://tickets.park.example"))) {
            long v = f.visitor("zoe@example.com", "en");
            String uuid = f.shopBooking("b-resend-1", SLOT, v);
            assertThat(f.messages().deliverDue()).isEqualTo(1); // the confirmation
            PageClient c = ConsoleSignIn.as(f.ts, "admin", ConsoleSignIn.adminPassword(f.ts));
            c.get("/console/bookings");

            Page sent = c.post("/console/bookings/resend", Map.of("uuid", uuid));
            assertThat(sent.status()).as(sent.body()).isEqualTo(303);
            assertThat(f.messages().deliverDue()).isEqualTo(1);
            List<MimeMessage> mails = f.mails();
            assertThat(mails).hasSize(2);
            MimeMessage again = mails.get(1);
            assertThat(again.getAllRecipients()[0].toString()).isEqualTo("zoe@example.com");
            assertThat(Mailbox.body(again)).contains("http://tickets.park.example/shop/orders/" + uuid);

            // a reseller's booking: no shop visitor owns it, nothing goes
            f.ts.post("/octo/bookings", f.key, TestServer.reserve("b-ota-1", "tour", SLOT, "tour-adult"));
            f.ts.post("/octo/bookings/b-ota-1/confirm", f.key, "{}");
            Page refused = c.post("/console/bookings/resend", Map.of("uuid", "b-ota-1"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("NOT_A_SHOP_ORDER");
            assertThat(f.messages().deliverDue()).isZero();

            // the admin API does the same
            assertThat(f.ts.post("/admin/v1/bookings/" + uuid + "/resend", TestServer.ADMIN, "")
                            .status())
                    .isEqualTo(200);
            assertThat(f.ts.post("/admin/v1/bookings/b-ota-1/resend", TestServer.ADMIN, "")
                            .status())
                    .isEqualTo(404);
            assertThat(f.messages().deliverDue()).isEqualTo(1);
            assertThat(f.ts.get("/admin/v1/audit?action=resend", TestServer.ADMIN)
                            .body())
                    .contains("console: resend tickets", "bookingId=" + uuid)
                    .doesNotContain("zoe@example.com");
        }
    }
}
