package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.terminal.document.ChineseIdNumber;
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
 * A visitor books in the park's own shop on her phone, in a real headless Chromium against the demo park: she signs
 * in with the code a real SMTP server (GreenMail) received, saves two real-name visitors, chooses a day and a time
 * by its traffic light, two real-name tickets with a saved visitor each, pays at the demo's simulated cashier and
 * lands on her order: paid once, two passes issued, the booking confirmed on the channel {@code shop}.
 */
@Tag("slow")
class VisitorBooksInTheShopTest {
    static final String EMAIL = "wang.fang@example.com";
    static final String MOTHER = cnId("34010219880520001");
    static final String DAUGHTER = cnId("34010220160601006");

    @TempDir
    Path dir;

    BrowserHarness browser;
    Park park;
    ShopMailbox mailbox;

    @BeforeEach
    void open() throws Exception {
        browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
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
    void signsInSavesTwoVisitorsChoosesASlotPaysAndLandsOnHerOrder() {
        BrowserRun run = browser.run(
                "browser/shop-book.cjs",
                park.server.url(""),
                Paths.get("target/browser", getClass().getSimpleName()),
                Map.of(
                        "email",
                        EMAIL,
                        "codeUrl",
                        mailbox.codeUrl(),
                        "product",
                        "park-realname",
                        "unit",
                        "park-realname-adult",
                        "day",
                        "2026-06-02",
                        "viewport",
                        Map.of("width", 390, "height", 844),
                        "travellers",
                        List.of(Map.of("number", MOTHER, "name", "王芳"), Map.of("number", DAUGHTER, "name", "李小雨"))));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).as("no script errors in the page").isEmpty();

        assertThat(r.path("seen").get(0).asText()).isEqualTo("/shop/travellers");
        assertThat(r.path("saved")).hasSize(2);
        assertThat(r.path("saved").toString()).contains("王*").contains("李**").doesNotContain(MOTHER);
        assertThat(r.path("lights").toString()).contains("PLENTY");
        assertThat(r.path("amount").asText()).isEqualTo("¥380.00");
        assertThat(r.path("state").asText()).isEqualTo("PAID");
        assertThat(r.path("passes").asText()).contains("2");
        String ref = r.path("ref").asText();
        assertThat(r.path("path").asText()).isEqualTo("/shop/checkout/" + ref);

        Booking b = park.server
                .server
                .bookings()
                .get(park.server.server.shopBook().channel.get(), ShopCheckout.bookingUuid(ref));
        assertThat(b.status()).isEqualTo(BookingState.CONFIRMED);
        assertThat(b.unitItems())
                .hasSize(2)
                .allSatisfy(i -> assertThat(i.passId()).isNotNull());
        assertThat(park.server.server.payments().simulated.charges()).isEqualTo(1);
    }

    /**
     * The same booking with the keyboard alone (Tab, type, Space, arrows, Enter — no mouse, no programmatic focus),
     * and on every page each form control has a label and each button and link a name.
     */
    @Test
    void booksWithTheKeyboardAloneAndEveryControlIsNamed() {
        BrowserRun run = browser.run(
                "browser/shop-book-keyboard.cjs",
                park.server.url(""),
                Paths.get("target/browser", getClass().getSimpleName() + "-keyboard"),
                Map.of(
                        "email",
                        EMAIL,
                        "codeUrl",
                        mailbox.codeUrl(),
                        "product",
                        "park-realname",
                        "unit",
                        "park-realname-adult",
                        "day",
                        "2026-06-02",
                        "viewport",
                        Map.of("width", 390, "height", 844),
                        "travellers",
                        List.of(Map.of("number", MOTHER, "name", "王芳"), Map.of("number", DAUGHTER, "name", "李小雨"))));
        JsonNode r = run.orFail();
        assertThat(r.path("unlabelled"))
                .as("controls without a label, buttons without a name")
                .isEmpty();
        assertThat(r.path("state").asText()).isEqualTo("PAID");
        assertThat(r.path("passes").asText()).contains("2");
        assertThat(park.server.server.payments().simulated.charges()).isEqualTo(1);
    }

    private static String cnId(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }
}
