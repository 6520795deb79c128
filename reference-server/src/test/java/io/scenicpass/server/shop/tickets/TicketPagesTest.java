package io.scenicpass.server.shop.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "My tickets" over real HTTP (signed in with a code from a real SMTP server): the visitor's own orders only (another
 * visitor's is a 404), QR images that decode to the pass, the .ics, the real-name note, refund and date change forms
 * with CSRF, refusals typed in zh-CN and en.
 */
class TicketPagesTest {
    @TempDir
    Path dir;

    Mailbox mailbox;
    TestServer ts;
    ShopOrders shop;
    PageClient alice;
    PageClient bob;
    long aliceId;
    long bobId;

    @BeforeEach
    void start() throws Exception {
        mailbox = Mailbox.start();
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), mailbox.settings());
        shop = new ShopOrders(ts);
        alice = new PageClient(ts.url(""));
        ShopSignIn.signIn(alice, mailbox, "alice@example.com");
        bob = new PageClient(ts.url(""));
        ShopSignIn.signIn(bob, mailbox, "bob@example.com");
        List<Long> ids = ts.server
                .database()
                .read(c -> io.scenicpass.server.db.Jdbc.list(
                        c, "SELECT id FROM shop_visitor WHERE id <> ? ORDER BY id", rs -> rs.getLong(1), shop.visitor));
        aliceId = ids.get(0);
        bobId = ids.get(1);
    }

    @AfterEach
    void stop() {
        ts.close();
        mailbox.close();
    }

    Booking order(long visitor, String... units) {
        return shop.order(
                visitor,
                "tour",
                ShopOrders.SLOT,
                java.util.Arrays.stream(units)
                        .map(u -> new ShopCheckout.Line(u, null))
                        .toList());
    }

    @Test
    void theVisitorSeesOnlyTheirOwnOrdersWithQrCodesThatDecodeToThePasses() throws Exception {
        Booking mine = order(aliceId, "tour-adult", "tour-child");
        Booking theirs = order(bobId, "tour-adult");
        String ref = ShopOrders.ref(mine);

        Page list = alice.get("/shop/tickets");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("我的门票").contains("/shop/orders/" + ref).doesNotContain(ShopOrders.ref(theirs));
        assertThat(list.body()).contains("src=\"/shop/tickets.js\"").contains("data-offline-note hidden");
        assertThat(alice.get("/shop/tickets?lang=en").body())
                .contains("My tickets")
                .contains("Upcoming");

        Page page = alice.get("/shop/orders/" + ref);
        assertThat(page.status()).isEqualTo(200);
        List<PassRecord> passes = shop.passes(mine.uuid());
        for (PassRecord p : passes) {
            assertThat(page.body()).contains("data-pass-id=\"" + p.passId() + "\"");
            byte[] png = bytes(alice, "/shop/orders/" + ref + "/passes/" + p.passId() + "/qr.png");
            var img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img.getWidth()).isGreaterThanOrEqualTo(400);
            String decoded = new MultiFormatReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))))
                    .getText();
            assertThat(decoded).isEqualTo(p.passText());
        }
        assertThat(page.body())
                .contains("2026-06-02")
                .contains("10:00–12:00")
                .contains("¥150.00")
                .contains("2026-06-02 09:00");

        // another visitor's order, its QR and calendar, and a made-up reference: not found, nothing shown
        for (String path : List.of(
                "/shop/orders/" + ref,
                "/shop/orders/" + ref + "/calendar.ics",
                "/shop/orders/" + ref + "/passes/" + passes.get(0).passId() + "/qr.png",
                "/shop/orders/" + ref + "/refund")) {
            Page other = bob.get(path);
            assertThat(other.status()).as(path).isEqualTo(404);
            assertThat(other.errorCode()).as(path).isEqualTo("ORDER_NOT_FOUND");
            assertThat(other.body())
                    .doesNotContain("data-pass-id")
                    .doesNotContain(passes.get(0).passText());
        }
        assertThat(alice.get("/shop/orders/not-a-ref").status()).isEqualTo(404);
        // signed out: to sign-in and back
        Page out = new PageClient(ts.url("")).get("/shop/orders/" + ref);
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location()).startsWith("/shop/sign-in?next=");
    }

    @Test
    void theCalendarFileHasTheVisitInTheParksTimeZone() {
        Booking mine = order(aliceId, "tour-adult");
        Page ics = alice.get("/shop/orders/" + ShopOrders.ref(mine) + "/calendar.ics");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.headers().get("content-type")).startsWith("text/calendar");
        CalendarFileTest.Calendar cal = CalendarFileTest.Calendar.read(ics.body());
        var e = cal.events().get(0);
        assertThat(cal.instant(e.get("DTSTART"))).isEqualTo(Instant.parse("2026-06-02T02:00:00Z"));
        assertThat(e.get("DTSTART").param("TZID")).isEqualTo("Asia/Shanghai");
        assertThat(e.get("UID").value()).isEqualTo(mine.uuid() + "@scenicpass");
        assertThat(ics.headers().get("content-disposition")).contains(ShopOrders.ref(mine) + ".ics");
    }

    @Test
    void aRealNamePassExplainsTheIdCardEntryWithTheHolderMasked() throws Exception {
        IdentityFixture.product(ts, "rn", false);
        String number = IdentityFixture.cnId("19800101", "555");
        String traveller = ts.server
                .shopBook()
                .travellers
                .add(aliceId, new IdentityInput("CN_ID", number, "张三", null))
                .id();
        Booking b =
                shop.order(aliceId, "rn", IdentityFixture.SLOT, List.of(new ShopCheckout.Line("rn-adult", traveller)));
        Page zh = alice.get("/shop/orders/" + ShopOrders.ref(b));
        assertThat(zh.body()).contains("data-document-entry").contains("身份证即门票").contains("张*");
        assertThat(zh.body()).doesNotContain(number).doesNotContain("张三");
        assertThat(alice.get("/shop/orders/" + ShopOrders.ref(b) + "?lang=en").body())
                .contains("Your ID card is your ticket");
    }

    @Test
    void refundAndDateChangeThroughTheFormsWithCsrfAndTypedRefusals() {
        Booking toRefund = order(aliceId, "tour-adult", "tour-child");
        Booking toMove = order(aliceId, "tour-adult");
        String r1 = ShopOrders.ref(toRefund);
        String r2 = ShopOrders.ref(toMove);

        // a form post without the session's token: refused, nothing refunded
        Page forged = alice.post("/shop/orders/" + r1 + "/refund", Map.of("_csrf", "forged", "passId", "all"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.errorCode()).isEqualTo("CSRF");
        assertThat(shop.booking(toRefund.uuid()).status()).isEqualTo(BookingState.CONFIRMED);

        Page form = alice.get("/shop/orders/" + r1 + "/refund");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("data-form=\"refund\"").contains("name=\"_csrf\"");
        Page done = alice.post("/shop/orders/" + r1 + "/refund", Map.of("passId", "all"));
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.location()).isEqualTo("/shop/orders/" + r1 + "?done=refund");
        Page after = alice.follow(done);
        assertThat(after.body())
                .contains("data-status=\"CANCELLED\"")
                .contains("已退款")
                .contains("data-refund");
        assertThat(after.body()).doesNotContain("data-pass-id");
        assertThat(shop.booking(toRefund.uuid()).status()).isEqualTo(BookingState.CANCELLED);
        assertThat(shop.payment(toRefund.uuid()).refundedFen()).isEqualTo(15000);

        // date change: the next day's slots, then the move
        Page change = alice.get("/shop/orders/" + r2 + "/change?date=2026-06-03");
        assertThat(change.status()).isEqualTo(200);
        assertThat(change.body()).contains("value=\"" + ShopOrders.NEXT_DAY + "\"");
        String oldPass = shop.passes(toMove.uuid()).get(0).passId();
        Page moved = alice.post("/shop/orders/" + r2 + "/change", Map.of("availabilityId", ShopOrders.NEXT_DAY));
        assertThat(moved.status()).isEqualTo(303);
        Page now = alice.follow(moved);
        assertThat(now.body()).contains("2026-06-03").contains("10:00–12:00").contains("data-done");
        assertThat(now.body()).doesNotContain(oldPass);
        assertThat(shop.revoked(oldPass)).isTrue();

        // a made-up slot, in English: typed refusal, the form again
        Page bad = alice.post("/shop/orders/" + r2 + "/change?lang=en", Map.of("availabilityId", "2026-13-01"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorCode()).isEqualTo("BAD_SLOT");
        assertThat(bad.body()).contains("Choose another time that is still open");

        // after the cutoff (09:00 on the visit day for 10:00 tomorrow's…): refused in the visitor's language
        ts.clock.set(Instant.parse("2026-06-03T01:30:00Z"));
        Page late = alice.post("/shop/orders/" + r2 + "/refund?lang=zh-CN", Map.of("passId", "all"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.errorCode()).isEqualTo("CUTOFF_PASSED");
        assertThat(late.body()).contains("已超过退改截止时间");
        assertThat(alice.get("/shop/orders/" + r2).body()).doesNotContain("data-action=\"refund\"");
        assertThat(shop.booking(toMove.uuid()).status()).isEqualTo(BookingState.CONFIRMED);
    }

    /** The bytes of an image the signed-in {@code client} fetches (its session cookie sent along). */
    private byte[] bytes(PageClient client, String path) throws Exception {
        okhttp3.Cookie session = client.cookie("sp_shop");
        Request req = new Request.Builder()
                .url(ts.url(path))
                .header("Cookie", session.name() + "=" + session.value())
                .build();
        try (Response r = ts.http.newCall(req).execute()) {
            assertThat(r.code()).as(path).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("image/png");
            return r.body().bytes();
        }
    }
}
