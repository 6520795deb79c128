package io.scenicpass.server.shop.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.console.Role;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator refunds a shop order paid through the park's own payments (simulated provider) from the console, after
 * the visitor's cutoff, with a reason: some passes, then the rest; the provider pays back once however often the form
 * is posted, the passes are revoked (in the gates' revocation feed). The bookings page's plain cancel, which would
 * keep the money, is refused for such orders. A read-only operator is refused on the page and the API alike.
 */
class ConsoleRefundsTest {
    /** 09:30 in Asia/Shanghai: past the 60-minute cutoff of the 10:00 slot, before it ends. */
    static final Instant AFTER_CUTOFF = Instant.parse("2026-06-02T01:30:00Z");

    @TempDir
    static Path dir;

    static TestServer ts;
    static ShopOrders shop;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        shop = new ShopOrders(ts);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void anOperatorRefundsAfterTheCutoffOnceHoweverOftenPostedAndThePassesAreRevoked() {
        Booking b = shop.order("tour", ShopOrders.SLOT, "tour-adult", "tour-child");
        String adult = b.unitItems().get(0).passId();
        String child = b.unitItems().get(1).passId();
        ts.clock.set(AFTER_CUTOFF);
        try {
            assertThatThrownBy(() -> ts.server.tickets().refunds.refund(b.uuid(), List.of()))
                    .isInstanceOfSatisfying(
                            TicketRefusal.class, e -> assertThat(e.code()).isEqualTo(TicketRefusal.Code.CUTOFF_PASSED));
            PageClient c = ConsoleSignIn.as(ts, "admin", ConsoleSignIn.adminPassword(ts));
            Page list = c.get("/console/bookings?ref=" + b.uuid());
            assertThat(list.body())
                    .contains("data-refund-link=\"" + b.uuid() + "\"")
                    .doesNotContain("action=\"/console/bookings/cancel\"");
            Page cancel = c.post("/console/bookings/cancel", Map.of("uuid", b.uuid(), "reason", "keeps the money"));
            assertThat(cancel.status()).isEqualTo(409);
            assertThat(shop.booking(b.uuid()).status()).isEqualTo(BookingState.CONFIRMED);

            Page page = c.get("/console/bookings/refund?uuid=" + b.uuid());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("data-status=\"CONFIRMED\"", "<span id=\"paid\">150.00</span>");
            Page noReason =
                    c.post("/console/bookings/refund", Map.of("uuid", b.uuid(), "passId", child, "reason", " "));
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.errorCode()).isEqualTo("BAD_REQUEST");

            Map<String, String> form = Map.of("uuid", b.uuid(), "passId", child, "reason", "ropeway closed");
            Page part = c.post("/console/bookings/refund", form);
            assertThat(part.status()).as(part.body()).isEqualTo(303);
            assertThat(c.post("/console/bookings/refund", form).status()).isEqualTo(303); // a double click
            Payment p = shop.payment(b.uuid());
            assertThat(p.refundedFen()).isEqualTo(5000);
            assertThat(ts.server.payments().payments.refunds(p.id())).hasSize(1);
            assertThat(shop.revoked(child)).isTrue();
            assertThat(shop.revoked(adult)).isFalse();
            assertThat(ts.server.passes().revocationsSince(0, 1000))
                    .anySatisfy(r -> assertThat(r.passId()).isEqualTo(child));

            Page rest = c.post("/console/bookings/refund", Map.of("uuid", b.uuid(), "reason", "the rest"));
            assertThat(rest.status()).as(rest.body()).isEqualTo(303);
            assertThat(c.follow(rest).body())
                    .contains("data-done=\"refund\"", "data-status=\"CANCELLED\"", "<span id=\"refunded\">150.00");
            assertThat(shop.payment(b.uuid()).state()).isEqualTo(Payment.State.REFUNDED);
            assertThat(shop.revoked(adult)).isTrue();
            assertThat(ts.get("/admin/v1/audit?action=refund", TestServer.ADMIN).body())
                    .contains("console: refund shop order", "bookingId=" + b.uuid());
        } finally {
            ts.clock.set(TestServer.START);
        }
    }

    @Test
    void theAdminApiRefundsTooAndAReadOnlyOperatorIsRefusedOnPageAndApiAlike() {
        Booking b = shop.order("tour", ShopOrders.SLOT, "tour-adult");
        var ops = ts.server.console().operators;
        String id =
                ops.create("ruth", "Ruth", Role.READ_ONLY, "read only password").id();
        String token = ops.createToken(id, "script").token();
        PageClient c = ConsoleSignIn.as(ts, "ruth", "read only password");
        Page page = c.get("/console/bookings/refund?uuid=" + b.uuid());
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorCode()).isEqualTo("FORBIDDEN");
        String path = "/admin/v1/bookings/" + b.uuid() + "/refund";
        assertThat(ts.post(path, token, "{\"reason\":\"no right\"}").status()).isEqualTo(403);
        assertThat(shop.booking(b.uuid()).status()).isEqualTo(BookingState.CONFIRMED);

        Answer bad = ts.post(path, TestServer.ADMIN, "{}");
        assertThat(bad.status()).isEqualTo(400);
        Answer done = ts.post(path, TestServer.ADMIN, "{\"reason\":\"by script\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(ts.post(path, TestServer.ADMIN, "{\"reason\":\"by script\"}")
                        .json()
                        .get("id")
                        .asText())
                .isEqualTo(done.json().get("id").asText());
        assertThat(ts.post("/admin/v1/bookings/nope/refund", TestServer.ADMIN, "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
    }
}
