package io.scenicpass.journeys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.document.ChineseIdNumber;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import io.scenicpass.testing.browser.QrPictures;
import java.net.URLEncoder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's visitor in one piece, on her phone in a real headless Chromium against the demo park: she signs in with
 * the code the real SMTP server received, saves two real-name visitors, books and pays two real-name tickets (the
 * pages of {@code shop-book.cjs}); two more orders of hers through the same pages; then "My tickets"
 * ({@code shop-my-tickets.cjs}): the QR codes shown offline, a refund, a date change. The QR decoded from the offline
 * screenshot is admitted by the north gate on her visit day; the refunded one is not.
 */
@Tag("slow")
class VisitorsWholeShopDayTest {
    static final String EMAIL = "wang.fang@example.com";
    static final String ENTRY_SLOT = "park-entry-std|2026-06-03T10:00:00+08:00";
    static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">");

    @TempDir
    Path dir;

    @Test
    void signsInBooksPaysShowsTheQrOfflineEntersRefundsAndChangesTheDate() throws Exception {
        BrowserHarness browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        ShopMailbox mailbox = ShopMailbox.of(EMAIL);
        try (Park park = Park.open(dir, mailbox.settings("shop.simulatedCashier", "true"))) {
            // 1. sign in, two real-name visitors, a slot by its light, two tickets, the cashier: paid once
            BrowserRun booked = browser.run(
                    "browser/shop-book.cjs",
                    park.server.url(""),
                    dir.resolve("browser-book"),
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
                            List.of(
                                    Map.of("number", cnId("34010219880520001"), "name", "王芳"),
                                    Map.of("number", cnId("34010220160601006"), "name", "李小雨"))));
            JsonNode b = booked.orFail();
            assertThat(booked.pageErrors()).isEmpty();
            assertThat(b.path("state").asText()).isEqualTo("PAID");
            String realNameOrder = "/shop/orders/" + b.path("ref").asText();

            // 2. the same visitor on the same phone later (a new session, the code mailed again): two more orders
            PageClient phone = new PageClient(park.server.url(""));
            ShopSignIn.signIn(phone, mailbox.mail, EMAIL);
            String refundOrder = orderThroughThePages(phone);
            String changeOrder = orderThroughThePages(phone);
            assertThat(park.server.server.payments().simulated.charges()).isEqualTo(3);

            // 3. My tickets: offline QR codes, a refund, a date change
            okhttp3.Cookie session = phone.cookie("sp_shop");
            BrowserRun tickets = browser.run(
                    "browser/shop-my-tickets.cjs",
                    park.server.url(""),
                    dir.resolve("browser-tickets"),
                    Map.of(
                            "cookies",
                            List.of(Map.of(
                                    "name", session.name(), "value", session.value(), "url", park.server.url(""))),
                            "orders",
                            Map.of("view", realNameOrder, "refund", refundOrder, "change", changeOrder),
                            "changeDay",
                            "2026-06-04",
                            "changeTo",
                            "2026-06-04T10:00:00+08:00",
                            "viewport",
                            Map.of("width", 390, "height", 844)));
            JsonNode t = tickets.orFail();
            assertThat(tickets.pageErrors()).isEmpty();
            assertThat(t.path("offlinePasses")).hasSize(2).isEqualTo(t.path("onlinePasses"));
            assertThat(t.path("refundedStatus").asText()).isEqualTo("CANCELLED");
            assertThat(t.path("changeNewPasses")).hasSize(2);
            String shownOffline = QrPictures.decode(shot(tickets, "view-offline-0"));

            // 4. at the north gate on her visit day: the QR her phone showed offline enters
            park.timeIs(Instant.parse("2026-06-02T00:20:00Z"));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            Decision entered = north.scan(shownOffline);
            assertThat(entered.admitted())
                    .as("the QR shown offline: %s", entered)
                    .isTrue();
        } finally {
            mailbox.close();
        }
    }

    /** Two adults of park entry on 2026-06-03 through the pages: checkout form, hold, pay page, the demo cashier. */
    private static String orderThroughThePages(PageClient phone) {
        PageClient.Page form = phone.get("/shop/checkout?product=park-entry&slot="
                + URLEncoder.encode(ENTRY_SLOT, UTF_8) + "&n-park-entry-adult=2");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        Map<String, String> fields = new HashMap<>();
        Matcher h = HIDDEN.matcher(form.body().substring(form.body().indexOf("id=\"checkout\"")));
        while (h.find()) {
            fields.put(h.group(1), h.group(2).replace("&#43;", "+").replace("&amp;", "&"));
        }
        assertThat(phone.post("/shop/checkout", fields).status()).isEqualTo(303);
        String ref = fields.get("ref");
        assertThat(phone.get("/shop/orders/" + ref + "/pay").status()).isEqualTo(200);
        assertThat(phone.post("/shop/orders/" + ref + "/pay/simulated", Map.of())
                        .status())
                .isEqualTo(303);
        assertThat(phone.get("/shop/checkout/" + ref).body()).contains("data-state=\"PAID\"");
        return "/shop/orders/" + ref;
    }

    private static Path shot(BrowserRun run, String name) {
        return run.screenshots().stream()
                .filter(p -> p.getFileName().toString().equals(name + ".png"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no screenshot " + name + " in " + run.screenshots()));
    }

    private static String cnId(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }
}
