package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentProvider;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.checkout.store.CheckoutStore.CheckoutRow;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.terminal.Decision;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import io.scenicpass.testing.browser.QrPictures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's "My tickets" on a phone, in a real headless Chromium: a signed-in visitor opens her order, goes out of
 * signal at the mountain gate and still shows the QR codes (the service worker's copy, saying so); the QR decoded from
 * the screenshot is admitted by the gate engine. She refunds a second order (its QR then refused) and moves a third to
 * the next day: the old QR is refused, the new one admitted on that day.
 */
@Tag("slow")
class VisitorKeepsTicketsOfflineTest {
    static final String SLOT = "2026-06-03T10:00:00+08:00";
    static final String NEXT_DAY = "2026-06-04T10:00:00+08:00";

    @TempDir
    Path dir;

    @Test
    void theQrShowsOfflineAndEntersThenARefundAndADateChange() throws Exception {
        BrowserHarness browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        try (Mailbox mailbox = Mailbox.start();
                Park park = Park.open(dir, mailbox.settings())) {
            PageClient phone = new PageClient(park.server.url(""));
            ShopSignIn.signIn(phone, mailbox, "li.na@example.com");
            long visitor = park.server
                    .server
                    .database()
                    .read(c -> Jdbc.list(c, "SELECT id FROM shop_visitor", rs -> rs.getLong(1)))
                    .get(0);
            Booking view = order(park, visitor);
            Booking refund = order(park, visitor);
            Booking change = order(park, visitor);
            String oldChangeQr = passText(park, change, 0);
            String refundQr = passText(park, refund, 0);

            okhttp3.Cookie session = phone.cookie("sp_shop");
            BrowserRun run = browser.run(
                    "browser/shop-my-tickets.cjs",
                    park.server.url(""),
                    dir.resolve("browser"),
                    Map.of(
                            "cookies",
                            List.of(Map.of(
                                    "name", session.name(), "value", session.value(), "url", park.server.url(""))),
                            "orders",
                            Map.of("view", page(view), "refund", page(refund), "change", page(change)),
                            "changeDay",
                            "2026-06-04",
                            "changeTo",
                            NEXT_DAY,
                            "viewport",
                            Map.of("width", 390, "height", 844)));
            JsonNode r = run.orFail();
            assertThat(run.pageErrors()).isEmpty();

            // offline: the same QR codes, from the phone's copy, which says so
            assertThat(r.path("noteHiddenOnline").asBoolean()).isTrue();
            assertThat(r.path("offlinePasses")).isEqualTo(r.path("onlinePasses"));
            assertThat(r.path("offlinePasses")).hasSize(2);
            assertThat(r.path("offlineNote").asText()).startsWith("离线副本，最后更新于 2026-06-01");
            String shownOffline = QrPictures.decode(shot(run, "view-offline-0"));
            assertThat(shownOffline).isEqualTo(passText(park, view, 0));
            assertThat(QrPictures.decode(shot(run, "view-offline-1"))).isEqualTo(passText(park, view, 1));

            // refunded, and moved to the next day with new passes
            assertThat(r.path("refundedStatus").asText()).isEqualTo("CANCELLED");
            assertThat(r.path("refundLine").asText()).contains("¥");
            assertThat(r.path("changeNewPasses")).hasSize(2);
            assertThat(r.path("changedNote").asText()).contains("2026-06-04");
            String newChangeQr = QrPictures.decode(shot(run, "change-new-0"));
            assertThat(newChangeQr).isNotEqualTo(oldChangeQr).isEqualTo(passText(park, change, 0));

            // at the north gate on the visit day: the offline QR enters, the refunded and the replaced ones do not
            park.timeIs(Instant.parse("2026-06-03T02:20:00Z"));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            Decision entered = north.scan(shownOffline);
            assertThat(entered.admitted())
                    .as("the QR shown offline: %s", entered)
                    .isTrue();
            assertThat(north.scan(refundQr).admitted()).as("a refunded ticket").isFalse();
            assertThat(north.scan(oldChangeQr).admitted())
                    .as("a ticket replaced by a date change")
                    .isFalse();

            park.timeIs(Instant.parse("2026-06-04T02:20:00Z"));
            assertThat(north.syncNow().success()).isTrue();
            Decision moved = north.scan(newChangeQr);
            assertThat(moved.admitted())
                    .as("the new ticket on its day: %s", moved)
                    .isTrue();
        }
    }

    /** Two adults of tomorrow's park entry, held, paid (simulated provider) and confirmed through the shop's checkout. */
    private static Booking order(Park park, long visitor) {
        ShopCheckout checkout = park.server.server.shopBook().checkout;
        String ref = checkout.newRef();
        checkout.hold(
                visitor,
                new ShopCheckout.Order(
                        ref,
                        "park-entry",
                        "park-entry-std|" + SLOT,
                        List.of(
                                new ShopCheckout.Line("park-entry-adult", null),
                                new ShopCheckout.Line("park-entry-adult", null))));
        Payment p = checkout.pay(visitor, ref, new PaymentProvider.Payer("203.0.113.9", null), false);
        assertThat(park.server.server.payments().simulated.visitorPays(p.id())).isTrue();
        CheckoutRow paid = checkout.get(visitor, ref);
        assertThat(paid.state()).isEqualTo(SaleState.PAID);
        return checkout.booking(paid);
    }

    private static String page(Booking b) {
        return "/shop/orders/" + b.uuid().substring(ShopCheckout.bookingUuid("").length());
    }

    /** The QR text of the booking's {@code i}-th valid pass as it is now. */
    private static String passText(Park park, Booking b, int i) {
        Booking now = park.server
                .server
                .bookings()
                .get(park.server.server.shopBook().channel.get(), b.uuid());
        String passId = now.unitItems().get(i).passId();
        return park.server.server.passes().find(passId).orElseThrow().passText();
    }

    private static Path shot(BrowserRun run, String name) {
        return run.screenshots().stream()
                .filter(p -> p.getFileName().toString().equals(name + ".png"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no screenshot " + name + " in " + run.screenshots()));
    }
}
