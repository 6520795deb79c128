package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.waitlist.WaitlistLinks;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sold-out slot in the demo park: visitor A booked its last places; visitor B joins its waiting list on her phone
 * (real headless Chromium, signed in with the code GreenMail received) and sees she is first in line. A refunds one
 * place; the offers job holds it for B and queues her WAITLIST_OFFER message; B comes back, opens the offer and pays
 * at the demo's cashier: her order is paid, the booking confirmed, the slot sold out again.
 */
@Tag("slow")
class VisitorGetsAPlaceFromTheWaitingListTest {
    static final String EMAIL = "li.na@example.com";

    @TempDir
    Path dir;

    BrowserHarness browser;
    Park park;
    ShopMailbox mailbox;

    @BeforeEach
    void open() throws Exception {
        browser = BrowserHarness.require();
        mailbox = ShopMailbox.of(EMAIL);
        park = Park.open(dir, mailbox.settings("shop.simulatedCashier", "true"));
    }

    @AfterEach
    void close() throws Exception {
        if (mailbox != null) {
            mailbox.close();
        }
        if (park != null) {
            park.close();
        }
    }

    @Test
    void bJoinsAFullSlotARefundsBGetsTheOfferAndPays() {
        TestServer t = park.server;
        JsonNode slot = t.get(
                        "/admin/v1/slots?productId=park-entry&optionId=park-entry-std&from=2026-06-02&to=2026-06-02",
                        TestServer.ADMIN)
                .json()
                .get(0);
        String slotId = slot.get("slotId").asText();
        String availability = slot.get("availabilityId").asText();
        t.send("PUT", "/admin/v1/slots/" + slotId + "/capacity", TestServer.ADMIN, "{\"capacity\":2}", Map.of());
        // visitor A books the last two places (through the shop's channel, as her own order would)
        Channel shop = t.server.shopBook().channel.get();
        String a = "visitor-a";
        t.server
                .bookings()
                .reserve(
                        shop,
                        new BookingCommands.Reserve(
                                a,
                                a,
                                "park-entry",
                                "park-entry-std",
                                availability,
                                List.of(
                                        new BookingCommands.Item("park-entry-adult", null),
                                        new BookingCommands.Item("park-entry-adult", null)),
                                null,
                                null));
        t.server.bookings().confirm(shop, a, new BookingCommands.Confirm(null));

        Map<String, Object> params = Map.of(
                "email",
                EMAIL,
                "codeUrl",
                mailbox.codeUrl(),
                "join",
                WaitlistLinks.slot(slotId),
                "unit",
                "park-entry-adult",
                "count",
                1,
                "viewport",
                Map.of("width", 390, "height", 844));
        BrowserRun joined = browser.run(
                "browser/shop-waitlist-join.cjs",
                t.url(""),
                Paths.get("target/browser", getClass().getSimpleName()),
                params);
        JsonNode j = joined.orFail();
        assertThat(joined.pageErrors()).isEmpty();
        assertThat(j.path("status").asText()).isEqualTo("WAITING");
        assertThat(j.path("place").asText()).isEqualTo("1");

        // A refunds: one place frees up, the job offers it to B
        t.server.bookings().cancel(shop, a, new BookingCommands.Cancel("plans changed"));
        assertThat(t.server.waitlist().offers.run()).isEqualTo(1);
        List<String> kinds = t.server
                .database()
                .read(c -> io.scenicpass.server.db.Jdbc.list(
                        c, "SELECT kind FROM message_outbox WHERE kind='WAITLIST_OFFER'", rs -> rs.getString(1)));
        assertThat(kinds).as("B's offer message").hasSize(1);

        BrowserRun paid = browser.run(
                "browser/shop-waitlist-pay.cjs",
                t.url(""),
                Paths.get("target/browser", getClass().getSimpleName()),
                params);
        JsonNode p = paid.orFail();
        assertThat(paid.pageErrors()).isEmpty();
        assertThat(p.path("state").asText()).isEqualTo("PAID");
        assertThat(p.path("ref").asText()).startsWith("WL");
        assertThat(t.server
                        .bookings()
                        .get(shop, ShopCheckout.bookingUuid(p.path("ref").asText()))
                        .status())
                .isEqualTo(BookingState.CONFIRMED);
        assertThat(t.server.inventory().findSlot(slotId).orElseThrow().sold()).isEqualTo(1);
    }
}
