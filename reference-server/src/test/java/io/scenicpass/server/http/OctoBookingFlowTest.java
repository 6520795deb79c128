package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full OCTO booking flows over real HTTP (OkHttp) against a real server on H2. */
class OctoBookingFlowTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";

    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;
    static String other;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        ts.product("group", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, true, 60, null);
        key = ts.channel("ota-a", 1000, 1000, null);
        other = ts.channel("ota-b", 1000, 1000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    private static int vacancies(String product, String slot) {
        Answer a = ts.post(
                "/octo/availability",
                key,
                "{\"productId\":\"" + product + "\",\"optionId\":\"" + product + "-opt\",\"availabilityIds\":[\"" + slot
                        + "\"]}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get(0).get("vacancies").asInt();
    }

    private static KeySet keySet() {
        String json = ts.get("/admin/v1/keyset", TestServer.ADMIN).body();
        return SignedKeySet.fromJson(json).verify(ts.server.keys().root().publicKey());
    }

    @Test
    void reserveConfirmIssuesVerifiablePassesAndCancelRevokesThem() throws Exception {
        int before = vacancies("tour", SLOT);
        Answer held =
                ts.post("/octo/bookings", key, TestServer.reserve("flow-1", "tour", SLOT, "tour-adult", "tour-child"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.json().get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(held.json().get("utcExpiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(vacancies("tour", SLOT)).isEqualTo(before - 2);

        Answer confirmed = ts.send(
                "POST",
                "/octo/bookings/flow-1/confirm",
                key,
                "{\"resellerReference\":\"R-1\",\"contact\":{\"fullName\":\"Li Lei\"}}",
                Map.of("Octo-Capabilities", "octo/pricing"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode b = confirmed.json();
        assertThat(b.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.headers().get("octo-capabilities")).isEqualTo("octo/pricing");
        assertThat(b.get("pricing").get("retail").asInt()).isEqualTo(15000);
        assertThat(b.get("contact").get("fullName").asText()).isEqualTo("Li Lei");
        List<String> texts = new ArrayList<>();
        for (JsonNode item : b.get("unitItems")) {
            JsonNode opt = item.get("ticket").get("deliveryOptions").get(0);
            assertThat(opt.get("deliveryFormat").asText()).isEqualTo("QRCODE");
            texts.add(opt.get("deliveryValue").asText());
        }
        assertThat(texts).hasSize(2).doesNotHaveDuplicates();
        PassVerifier verifier = new PassVerifier(keySet());
        Pass pass = ts.server.keys().codes().resolve(verifier.decodeAndVerify(texts.get(0), ts.clock.instant()));
        assertThat(PassCodec.decode(texts.get(0)).claims().productId()).startsWith("#"); // a code for "tour"
        assertThat(pass.claims().productId()).isEqualTo("tour");
        assertThat(pass.claims().kind()).isEqualTo(PassKind.TIMED_SLOT);
        assertThat(pass.claims().slotStart()).contains(Instant.parse("2026-06-02T02:00:00Z"));
        assertThat(pass.claims().channelId()).isEmpty(); // the server knows the channel from the booking
        assertThat(verifier.decodeAndVerify(texts.get(1), ts.clock.instant())
                        .claims()
                        .concession())
                .isTrue();

        // a retried confirm never issues a second set of tickets
        Answer again = ts.post("/octo/bookings/flow-1/confirm", key, null);
        List<String> again2 = new ArrayList<>();
        again.json()
                .get("unitItems")
                .forEach(i -> again2.add(i.get("ticket")
                        .get("deliveryOptions")
                        .get(0)
                        .get("deliveryValue")
                        .asText()));
        assertThat(again2).isEqualTo(texts);

        // the QR image decodes to the pass text
        String passId = pass.claims().passId();
        byte[] png = ts.getBytes("/octo/tickets/" + passId + ".png", key);
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new MultiFormatReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        java.util.Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
        assertThat(decoded).isEqualTo(texts.get(0));
        assertThat(ts.get("/octo/tickets/" + passId + ".png", other).status()).isEqualTo(404);

        // another channel neither sees nor cancels it
        Answer foreign = ts.get("/octo/bookings/flow-1", other);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("error").asText()).isEqualTo("INVALID_BOOKING_UUID");
        assertThat(ts.post("/octo/bookings/flow-1/cancel", other, "{}")
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("INVALID_BOOKING_UUID");
        assertThat(ts.get("/octo/bookings?resellerReference=R-1", other).json()).isEmpty();
        assertThat(ts.get("/octo/bookings?resellerReference=R-1", key).json()).hasSize(1);

        Answer cancelled = ts.post("/octo/bookings/flow-1/cancel", key, "{\"reason\":\"plans changed\"}");
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancellation").get("refund").asText()).isEqualTo("FULL");
        assertThat(vacancies("tour", SLOT)).isEqualTo(before);
        JsonNode revs =
                ts.get("/admin/v1/revocations?since=0", TestServer.ADMIN).json();
        List<String> revoked = new ArrayList<>();
        revs.forEach(r -> revoked.add(r.get("passId").asText()));
        assertThat(revoked).contains(passId);
        assertThat(ts.post("/octo/bookings/flow-1/cancel", key, null)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void reserveIsIdempotentByUuid() {
        String body = TestServer.reserve("idem-1", "tour", SLOT, "tour-adult");
        Answer first = ts.post("/octo/bookings", key, body);
        Answer second = ts.post("/octo/bookings", key, body);
        assertThat(second.json().get("supplierReference"))
                .isEqualTo(first.json().get("supplierReference"));
        Answer different = ts.post("/octo/bookings", key, TestServer.reserve("idem-1", "tour", SLOT, "tour-child"));
        assertThat(different.status()).isEqualTo(400);
        assertThat(different.json().get("error").asText()).isEqualTo("INVALID_BOOKING_UUID");
        assertThat(different.json().get("uuid").asText()).isEqualTo("idem-1");
        Answer stolen = ts.post("/octo/bookings", other, body);
        assertThat(stolen.json().get("error").asText()).isEqualTo("INVALID_BOOKING_UUID");
    }

    @Test
    void groupProductIssuesOneGroupPass() {
        ts.post(
                "/octo/bookings",
                key,
                TestServer.reserve("grp-1", "group", SLOT, "group-adult", "group-adult", "group-child"));
        JsonNode b = ts.post("/octo/bookings/grp-1/confirm", key, null).json();
        String text = b.get("voucher")
                .get("deliveryOptions")
                .get(0)
                .get("deliveryValue")
                .asText();
        Pass pass = new PassVerifier(keySet()).decodeAndVerify(text, ts.clock.instant());
        assertThat(pass.claims().kind()).isEqualTo(PassKind.GROUP);
        assertThat(pass.claims().partySize()).isEqualTo(3);
    }

    @Test
    void expiredHoldGivesCapacityBackAndCannotBeConfirmed() {
        String slot = "2026-06-03T08:00:00+08:00";
        int before = vacancies("tour", slot);
        Answer a = ts.post(
                "/octo/bookings",
                key,
                TestServer.reserve("exp-1", "tour", slot, "tour-adult").replace("}]}", "}],\"expirationMinutes\":5}"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(vacancies("tour", slot)).isEqualTo(before - 1);
        ts.clock.advance(Duration.ofMinutes(6));
        try {
            assertThat(ts.server.inventory().expireDueHolds()).isEqualTo(1); // the scheduled job's work
            assertThat(vacancies("tour", slot)).isEqualTo(before);
            Answer c = ts.post("/octo/bookings/exp-1/confirm", key, null);
            assertThat(c.status()).isEqualTo(400);
            assertThat(c.json().get("error").asText()).isEqualTo("INVALID_BOOKING_UUID");
            assertThat(ts.get("/octo/bookings/exp-1", key).json().get("status").asText())
                    .isEqualTo("EXPIRED");
        } finally {
            ts.clock.advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void lazyExpiryOnReadWithoutTheJob() {
        String slot = "2026-06-03T10:00:00+08:00";
        ts.post(
                "/octo/bookings",
                key,
                TestServer.reserve("exp-2", "tour", slot, "tour-adult").replace("}]}", "}],\"expirationMinutes\":1}"));
        ts.clock.advance(Duration.ofMinutes(2));
        try {
            assertThat(ts.get("/octo/bookings/exp-2", key).json().get("status").asText())
                    .isEqualTo("EXPIRED");
            assertThat(vacancies("tour", slot)).isEqualTo(10);
        } finally {
            ts.clock.advance(Duration.ofMinutes(-2));
        }
    }

    @Test
    void soldOutSlotIsRefusedAndShownSoldOut() {
        String slot = "2026-06-04T08:00:00+08:00";
        for (int i = 0; i < 10; i++) {
            assertThat(ts.post("/octo/bookings", key, TestServer.reserve("so-" + i, "tour", slot, "tour-adult"))
                            .status())
                    .isEqualTo(200);
        }
        Answer refused = ts.post("/octo/bookings", key, TestServer.reserve("so-x", "tour", slot, "tour-adult"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        JsonNode av = ts.post("/octo/availability", key, "{\"productId\":\"tour\",\"localDate\":\"2026-06-04\"}")
                .json();
        assertThat(av.get(0).get("status").asText()).isEqualTo("SOLD_OUT");
        assertThat(av.get(1).get("status").asText()).isEqualTo("AVAILABLE");
        JsonNode cal = ts.post(
                        "/octo/availability/calendar",
                        key,
                        "{\"productId\":\"tour\",\"localDateStart\":\"2026-06-04\",\"localDateEnd\":\"2026-06-05\"}")
                .json();
        assertThat(cal).hasSize(2);
        assertThat(cal.get(0).get("vacancies").asInt()).isEqualTo(40);
        assertThat(cal.get(1).get("vacancies").asInt()).isEqualTo(50);
    }

    @Test
    void cancelAfterCutoffIsRefused() {
        String slot = "2026-06-01T10:00:00+08:00"; // starts in 2 h; cutoff 60 min
        ts.post("/octo/bookings", key, TestServer.reserve("cut-1", "tour", slot, "tour-adult"));
        ts.post("/octo/bookings/cut-1/confirm", key, null);
        ts.clock.advance(Duration.ofMinutes(61));
        try {
            Answer a = ts.post("/octo/bookings/cut-1/cancel", key, "{}");
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
            assertThat(ts.get("/octo/bookings/cut-1", key)
                            .json()
                            .get("cancellable")
                            .asBoolean())
                    .isFalse();
        } finally {
            ts.clock.advance(Duration.ofMinutes(-61));
        }
    }

    @Test
    void loweringCapacityBelowSoldIsRefusedWithAClearError() {
        String slot = "2026-06-05T12:00:00+08:00";
        ts.post(
                "/octo/bookings",
                key,
                TestServer.reserve("cap-1", "tour", slot, "tour-adult", "tour-adult", "tour-adult"));
        ts.post("/octo/bookings/cap-1/confirm", key, null);
        String slotId = "tour-opt|" + slot;
        String path = "/admin/v1/slots/" + slotId.replace("|", "%7C").replace("+", "%2B") + "/capacity";
        Answer refused = ts.send("PUT", path, TestServer.ADMIN, "{\"capacity\":2}", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("CONFLICT");
        assertThat(refused.json().get("message").asText()).contains("below").contains("sold 3");
        Answer ok = ts.send("PUT", path, TestServer.ADMIN, "{\"capacity\":3}", Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(vacancies("tour", slot)).isZero();
    }

    @Test
    void keyRotationSignsNewPassesWithTheNewKeyAndKeepsTheOldOneVerifiable() {
        String oldKey = ts.server.keys().active().keyId();
        Answer r = ts.post("/admin/v1/keys/rotate", TestServer.ADMIN, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String newKey = r.json().get("activeKeyId").asText();
        assertThat(newKey).isNotEqualTo(oldKey);
        ts.post("/octo/bookings", key, TestServer.reserve("rot-1", "tour", SLOT, "tour-adult"));
        String text = ts.post("/octo/bookings/rot-1/confirm", key, null)
                .json()
                .get("unitItems")
                .get(0)
                .get("ticket")
                .get("deliveryOptions")
                .get(0)
                .get("deliveryValue")
                .asText();
        KeySet ks = keySet();
        assertThat(new PassVerifier(ks)
                        .decodeAndVerify(text, ts.clock.instant())
                        .keyId())
                .isEqualTo(newKey.substring(0, 2)); // passes carry the key id's first byte
        assertThat(ks.find(oldKey)).isPresent();
        assertThat(ks.find(oldKey).get().status().name()).isEqualTo("RETIRED");
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        String slow = ts.channel("slow-ota", 1, 3, null);
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 6; i++) {
            Answer a = ts.get("/octo/supplier", slow);
            if (a.status() == 429) {
                limited++;
                retryAfter = a.headers().get("retry-after");
                assertThat(a.json().get("error").asText()).isEqualTo("TOO_MANY_REQUESTS");
            }
        }
        assertThat(limited).isEqualTo(3); // the clock does not move: exactly the burst passes
        assertThat(Integer.parseInt(retryAfter)).isPositive();
        ts.clock.advance(Duration.ofSeconds(2));
        assertThat(ts.get("/octo/supplier", slow).status()).isEqualTo(200);
    }
}
