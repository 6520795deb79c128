package io.scenicpass.server.offers;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.messages.MessagesFixture;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.server.visitors.VisitEvents.VisitEnded;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coupons after a visit through the real server: at the exit (or the next morning) a consenting visitor's shop account
 * gets a mail (GreenMail) with a single-use code; it is redeemable once (through OCTO here); a second use, an expired
 * coupon and a visitor without consent are handled with typed errors or no coupon at all.
 */
class CouponsTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final LocalDate DAY = LocalDate.of(2026, 6, 2);
    static final Pattern CODE = Pattern.compile("\\b([A-HJ-NP-Z2-9]{12})\\b");

    @TempDir
    Path dir;

    MessagesFixture fx;
    TestServer ts;
    TestHub hub = new TestHub();

    @BeforeEach
    void open() {
        fx = new MessagesFixture(dir, Map.of());
        ts = fx.ts;
        ts.server.offers().hub(hub.hub());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    void campaign(String trigger, int days) {
        Answer a = ts.post(
                "/admin/v1/offers",
                TestServer.ADMIN,
                "{\"title\":\"Come back: 20 yuan off\",\"kind\":\"AMOUNT\",\"amount\":2000,\"couponTrigger\":\""
                        + trigger + "\",\"couponDays\":" + days + "}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    /** A visitor of the hub with a shop account and a sold shop booking, who leaves the park now. */
    long visitAndExit(long hubId, String email, boolean consent, String booking) {
        hub.visitor(hubId, email, consent);
        long account = fx.visitor(email, "en");
        fx.shopBooking(booking, SLOT, account);
        hub.exit(new VisitEnded(hubId, "pass-" + booking, booking, DAY, ts.clock.instant()));
        ts.server.messages().deliverDue();
        return account;
    }

    Answer redeem(String uuid, String code) {
        String body = TestServer.reserve(uuid, "tour", SLOT, "tour-adult");
        return ts.send(
                "POST",
                "/octo/bookings",
                fx.key,
                body.substring(0, body.length() - 1) + ",\"offerCode\":\"" + code + "\"}",
                Map.of("Octo-Capabilities", "octo/pricing, octo/offers"));
    }

    static String code(MimeMessage m) {
        Matcher x = CODE.matcher(Mailbox.body(m));
        assertThat(x.find()).as(Mailbox.body(m)).isTrue();
        return x.group(1);
    }

    @Test
    void aConsentingVisitorGetsACouponMailAtTheExitUsableOnce() {
        campaign("EXIT", 30);
        visitAndExit(42, "family@example.com", true, "visit-1");
        List<MimeMessage> mails = fx.mails().stream()
                .filter(m -> Mailbox.subject(m).startsWith("Your coupon"))
                .toList();
        assertThat(mails).hasSize(1);
        String code = code(mails.get(0));

        Answer first = redeem("r1", code);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("offerCode").asText()).isEqualTo(code);
        assertThat(first.json().get("pricing").get("retail").asInt()).isEqualTo(8000);
        Answer second = redeem("r2", code);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("errorMessage").asText()).startsWith("COUPON_USED");
        // the same exit reported twice gives no second coupon
        hub.exit(new VisitEnded(42, "pass-visit-1", "visit-1", DAY, ts.clock.instant()));
        assertThat(ts.get("/admin/v1/offers", TestServer.ADMIN)
                        .json()
                        .get(0)
                        .get("issued")
                        .asLong())
                .isEqualTo(1);
        assertThat(ts.get("/admin/v1/offers", TestServer.ADMIN)
                        .json()
                        .get(0)
                        .get("redeemed")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void noConsentNoCouponAndAnExpiredCouponIsRefused() {
        campaign("EXIT", 7);
        visitAndExit(1, "noconsent@example.com", false, "visit-a");
        assertThat(fx.mails()).noneMatch(m -> Mailbox.subject(m).startsWith("Your coupon"));

        visitAndExit(2, "late@example.com", true, "visit-b");
        String code = code(fx.mails().stream()
                .filter(m -> Mailbox.subject(m).startsWith("Your coupon"))
                .findFirst()
                .orElseThrow());
        ts.clock.advance(Duration.ofDays(8));
        Answer late = ts.send(
                "POST",
                "/octo/bookings",
                fx.key,
                "{\"uuid\":\"late\",\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":"
                        + "\"2026-06-10T10:00:00+08:00\",\"unitItems\":[{\"unitId\":\"tour-adult\"}],\"offerCode\":\""
                        + code + "\"}",
                Map.of());
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("errorMessage").asText()).startsWith("COUPON_EXPIRED");
    }

    @Test
    void nextMorningCouponsWaitForTheMorningJob() {
        campaign("NEXT_MORNING", 30);
        visitAndExit(5, "morning@example.com", true, "visit-m");
        assertThat(fx.mails()).noneMatch(m -> Mailbox.subject(m).startsWith("Your coupon"));
        // 08:00 in Shanghai the next day is 00:00 UTC on 2026-06-03
        ts.clock.set(Instant.parse("2026-06-03T00:00:00Z"));
        assertThat(ts.server.offers().coupons.sendDue()).isEqualTo(1);
        ts.server.messages().deliverDue();
        assertThat(fx.mails()).anyMatch(m -> Mailbox.subject(m).startsWith("Your coupon"));
        assertThat(ts.server.offers().coupons.sendDue()).isZero();
    }
}
