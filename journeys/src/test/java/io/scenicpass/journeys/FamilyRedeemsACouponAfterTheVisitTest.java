package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Direction;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer.Answer;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19's coupons: marketing runs a "come back" campaign (a coupon at the exit). A mother who agreed to marketing
 * books the park in the shop, visits and leaves by the south gate; the visitor hub reports her exit and her mailbox (a
 * real SMTP server) receives a coupon code. She books her next visit in the shop with it: the pay page shows the line
 * "Come back: 30 yuan off" and the lower amount. The same code typed again is refused: COUPON_USED.
 */
class FamilyRedeemsACouponAfterTheVisitTest {
    static final String EMAIL = "liu.yang@example.com";
    static final Pattern COUPON = Pattern.compile("\\b([A-HJ-NP-Z2-9]{12})\\b");

    @TempDir
    Path dir;

    @Test
    void aConsentingVisitorLeavesGetsACouponByMailAndRedeemsItOnceInTheShop() throws Exception {
        try (Mailbox mailbox = Mailbox.start();
                Park park = Park.open(
                        dir, mailbox.settings("mail.from", "tickets@park.example", "shop.simulatedCashier", "true"))) {
            Answer campaign = park.admin(
                    "POST",
                    "/admin/v1/offers",
                    "{\"title\":\"Come back: 30 yuan off\",\"kind\":\"AMOUNT\",\"amount\":3000,"
                            + "\"couponTrigger\":\"EXIT\",\"couponDays\":90}");
            assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
            String key = park.demo.channelKeys().get("ctrip");
            String slot = OtaBooksWithAPromoCodeTest.firstSlot(park, key);

            // she signs in, books the park for the 2nd of June in the shop and pays at the demo's cashier
            PageClient phone = new PageClient(park.server.server.baseUrl()).language("en");
            ShopSignIn.signIn(phone, mailbox, EMAIL);
            String first = book(phone, slot, null);
            assertThat(pay(phone, first)).doesNotContain("id=\"discount\"");
            String booking = "shp-" + first;
            List<String> passes = park.server
                    .server
                    .database()
                    .read(c -> io.scenicpass.server.db.Jdbc.list(
                            c, "SELECT pass_id FROM pass WHERE booking_uuid=?", rs -> rs.getString(1), booking));
            assertThat(passes).hasSize(1);

            // the day: she enters by the north gate; the hub knows her, and she agreed to offers by message
            Instant in = OffsetDateTime.parse(slot).toInstant().plusSeconds(600);
            park.timeIs(in);
            gate(park, passes.get(0), "gate-north", Direction.IN, in);
            var hub = park.server.server.visitors();
            hub.feed().catchUp();
            long her = hub.directory().ofBooking(booking).orElseThrow();
            hub.consent(her, true, "shop");

            // she leaves by the south gate in the afternoon: the exit gives her a coupon by mail
            Instant out = in.plusSeconds(5 * 3600);
            park.timeIs(out);
            gate(park, passes.get(0), "gate-south", Direction.OUT, out);
            hub.feed().catchUp();
            park.server.server.messages().deliverDue();
            MimeMessage mail = mailbox.mails().stream()
                    .filter(m -> Mailbox.subject(m).startsWith("Your coupon"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no coupon mail"));
            Matcher code = COUPON.matcher(mail.getContent().toString());
            assertThat(code.find()).as(mail.getContent().toString()).isTrue();

            // her next visit, booked with the coupon: the pay page says what was taken off and why
            String next = OtaBooksWithAPromoCodeTest.firstSlot(park, key, "2026-06-20");
            String second = book(phone, next, code.group(1).toLowerCase());
            String page = pay(phone, second);
            assertThat(page).contains("id=\"discount\"").contains("Come back: 30 yuan off");
            long paid = park.server
                    .server
                    .database()
                    .read(c -> io.scenicpass.server.db.Jdbc.one(
                                    c, "SELECT amount_fen FROM shop_checkout WHERE ref=?", rs -> rs.getLong(1), second)
                            .orElseThrow());
            long full = park.server
                    .server
                    .bookings()
                    .get(park.server.server.shopBook().channel.get(), booking)
                    .totalRetail();
            assertThat(paid).isEqualTo(full - 3000);

            // the same code again: refused, in her language, nothing held
            Page refused = checkout(phone, next, code.group(1));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.errorCode()).isEqualTo("COUPON_USED");
            assertThat(refused.body()).contains("This coupon was used already.");
        }
    }

    /** Books one adult for {@code slot} in the shop (with {@code code} when not null), pays: the order's reference. */
    static String book(PageClient phone, String slot, String code) {
        Page held = checkout(phone, slot, code);
        assertThat(held.status()).as(held.body()).isEqualTo(303);
        return held.location().replace("/shop/orders/", "").replace("/pay", "");
    }

    private static Page checkout(PageClient phone, String slot, String code) {
        String slotId = "park-entry-std|" + slot;
        Page form = phone.get("/shop/checkout?product=park-entry&slot="
                + slotId.replace("+", "%2B").replace("|", "%7C") + "&n-park-entry-adult=1");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        Map<String, String> f = new HashMap<>();
        for (String name : new String[] {"ref", "product", "slot", "u0"}) {
            Matcher m =
                    Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(m.find()).as(name).isTrue();
            f.put(name, m.group(1).replace("&#43;", "+").replace("&#124;", "|"));
        }
        if (code != null) {
            f.put("offer", code);
        }
        return phone.post("/shop/checkout", f);
    }

    /** Opens the pay page and pays at the simulated cashier: the pay page's text. */
    static String pay(PageClient phone, String ref) {
        Page pay = phone.get("/shop/orders/" + ref + "/pay");
        assertThat(pay.status()).as(pay.body()).isEqualTo(200);
        assertThat(phone.post("/shop/orders/" + ref + "/pay/simulated", Map.of())
                        .status())
                .isEqualTo(303);
        return pay.body();
    }

    /** The gate uploads its event for the pass (as the terminal API takes it). */
    private static void gate(Park park, String passId, String gateId, Direction dir, Instant at) {
        var e = TerminalFixtures.admit(passId, "dev-" + gateId, gateId, at).toBuilder()
                .zoneId("park")
                .direction(dir)
                .build();
        DeviceRow device = new DeviceRow("dev-" + gateId, "Gate", "SP", gateId, false, at, null, null);
        park.server.server.entries().ingest(device, new EntryBatch("dev-" + gateId, List.of(e)));
    }
}
