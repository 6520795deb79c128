package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.terminal.Decision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19's measures, read by the operator after a small park day on 2 July: a mother who came on 2 June (and left
 * with a "come back" coupon) books again in the shop with her coupon; through Ctrip Mr Wang books one adult and a
 * family of two the park + hotel + bus package; they enter at the north gate and leave at the south gate (real gates'
 * syncs); a partner's till posts two receipts. The day's numbers of {@code GET /admin/v1/measures} and of the console
 * dashboard's card equal the ones computed here by hand from those inputs.
 */
class OperatorReadsTheDaysMeasuresTest {
    static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    static final Map<String, String> OFFERS = Map.of("Octo-Capabilities", "octo/pricing, octo/offers");
    static final String MOTHER = "zhou.li@example.com";

    @TempDir
    Path dir;

    @Test
    void theDaysNumbersEqualTheOnesComputedByHand() throws Exception {
        try (Mailbox mailbox = Mailbox.start();
                Park park = Park.open(
                        dir, mailbox.settings("mail.from", "tickets@park.example", "shop.simulatedCashier", "true"))) {
            String key = park.demo.channelKeys().get("ctrip");
            ChannelClient ctrip = park.reseller("ctrip");
            Answer campaign = park.admin(
                    "POST",
                    "/admin/v1/offers",
                    "{\"title\":\"Come back: 30 yuan off\",\"kind\":\"AMOUNT\",\"amount\":3000,"
                            + "\"couponTrigger\":\"EXIT\",\"couponDays\":90}");
            assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
            Answer regulars = park.admin(
                    "PUT", "/admin/v1/segments/regulars", "{\"name\":\"Regulars\",\"expression\":\"visits12m >= 2\"}");
            assertThat(regulars.status()).as(regulars.body()).isEqualTo(200);
            var hub = park.server.server.visitors();

            // 2 June, last month: the mother's first visit, booked in the shop (one adult), 10:00–15:00; she
            // agreed to offers, so leaving gives her a "come back" coupon (by mail, the shop's messages)
            PageClient phone = new PageClient(park.server.server.baseUrl()).language("en");
            ShopSignIn.signIn(phone, mailbox, MOTHER);
            String june = shop(park, phone, OtaBooksWithAPromoCodeTest.firstSlot(park, key), null);
            EmbeddedGate north = park.gate("gate-north");
            EmbeddedGate south = park.gate("gate-south"); // the exit lanes
            park.timeIs(at("2026-06-02", "10:00"));
            assertThat(north.start().success()).isTrue();
            assertThat(south.start().success()).isTrue();
            assertThat(north.scan(june).admitted()).isTrue();
            north.syncNow();
            hub.feed().catchUp();
            long her = hub.directory().ofBooking(bookingOf(park, june)).orElseThrow();
            Answer consent = park.admin("PUT", "/admin/v1/visitors/" + her + "/consent", "{\"marketing\":true}");
            assertThat(consent.status()).as(consent.body()).isEqualTo(200);
            leave(park, south, june, at("2026-06-02", "15:00"));
            String coupon = park.server
                    .server
                    .database()
                    .read(c -> Jdbc.one(c, "SELECT code FROM coupon WHERE visitor_id=?", rs -> rs.getString(1), her))
                    .orElseThrow(() -> new AssertionError("no coupon after her exit"));

            // 1 July, the bookings for the 2nd: she books again in the shop with her coupon; through Ctrip Mr Wang
            // books one adult and a family of two the park + hotel + bus package
            park.timeIs(at("2026-07-01", "09:00"));
            io.scenicpass.server.packages.PackagesDemo.seed(park.server.server, LocalDate.of(2026, 7, 1));
            String slot = OtaBooksWithAPromoCodeTest.firstSlot(park, key, "2026-07-02");
            ShopSignIn.signIn(phone, mailbox, MOTHER); // a month later: her session has ended
            String again = shop(park, phone, slot, coupon.toLowerCase(java.util.Locale.ROOT));
            String wang = wang(park, key, "wang-1", slot);
            OtaBookingFlow.Result family = new OtaBookingFlow(
                            ctrip,
                            park.clock,
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run("park-hotel-bus", 2, "CT-PKG-7");

            // 2 July at the north gate: everybody in at 10:00; out through the south gate: the family at 12:00,
            // the mother at 14:00; Mr Wang stays past closing (no exit: his visit has no dwell)
            park.timeIs(at("2026-07-02", "10:00"));
            north.syncNow();
            south.syncNow();
            for (String qr : List.of(again, wang, family.qrCodes.get(0), family.qrCodes.get(1))) {
                Decision d = north.scan(qr);
                assertThat(d.admitted()).as("%s", d).isTrue();
            }
            north.syncNow();
            leave(park, south, family.qrCodes.get(0), at("2026-07-02", "12:00"));
            leave(park, south, family.qrCodes.get(1), at("2026-07-02", "12:00"));
            leave(park, south, again, at("2026-07-02", "14:00"));

            // the lake café's till (the hotel's partner credential) posts two receipts in the afternoon
            String till = park.admin("POST", "/admin/v1/partners/lakeside-hotel/token", null)
                    .json()
                    .get("token")
                    .asText();
            receipt(park, till, "CAFE-1", PassHoldersComeBackTest.passId(wang), 6800);
            receipt(park, till, "CAFE-2", PassHoldersComeBackTest.passId(again), 3200);

            // the evening: the operator reads the day's measures (admin API) ...
            park.timeIs(at("2026-07-02", "20:00"));
            JsonNode day = ok(park.admin("GET", "/admin/v1/measures?from=2026-07-02&to=2026-07-02", null));
            JsonNode all = day.get("total");
            JsonNode ctripLine = line(day, "ctrip");
            JsonNode shopLine = line(day, "shop");
            // tickets: Ctrip 190.00 (Wang) + 2 × 680.00 (the package) = 1,550.00; shop 190.00 − 30.00 (coupon)
            // = 160.00; all 1,710.00. Receipts: Ctrip 68.00, shop 32.00; all 100.00
            assertThat(ctripLine.at("/sums/ticketsFen").asLong()).isEqualTo(155000);
            assertThat(shopLine.at("/sums/ticketsFen").asLong()).isEqualTo(16000);
            assertThat(all.at("/sums/receiptsFen").asLong()).isEqualTo(10000);
            // secondary spending share = receipts ÷ (tickets + receipts): all 100 ÷ 1,810 = 0.05524 → 0.0552;
            // Ctrip 68 ÷ 1,618 = 0.04202 → 0.042; shop 32 ÷ 192 = 0.16666 → 0.1667
            measure(all, "secondarySpendingShare", "0.0552");
            measure(ctripLine, "secondarySpendingShare", "0.042");
            measure(shopLine, "secondarySpendingShare", "0.1667");
            // average spend per visitor = (tickets + receipts) ÷ people admitted: all 1,810.00 ÷ 4 = 452.50;
            // Ctrip 1,618.00 ÷ 3 (Wang, the family's two) = 539.333 → 539.33; shop 192.00 ÷ 1
            assertThat(all.at("/measures/averageSpendFen").asLong()).isEqualTo(45250);
            assertThat(ctripLine.at("/measures/averageSpendFen").asLong()).isEqualTo(53933);
            assertThat(shopLine.at("/measures/averageSpendFen").asLong()).isEqualTo(19200);
            // repurchase rate = visitors with a visit in the 12 months before ÷ visitors: the mother (2 June) of
            // the mother, Wang and the family (one visitor: one booking) = 1 ÷ 3; Ctrip 0 ÷ 2; shop 1 ÷ 1
            measure(all, "repurchaseRate", "0.3333");
            measure(ctripLine, "repurchaseRate", "0");
            measure(shopLine, "repurchaseRate", "1");
            // offer conversion = coupons used ÷ coupons issued, by the visit day they were issued for: today's
            // (the mother's exit at 14:00) not used yet = 0 ÷ 1; since 2 June: June's used today = 1 ÷ 2
            measure(all, "offerConversion", "0");
            // package share = package bookings ÷ bookings: 1 ÷ 3; Ctrip 1 ÷ 2; shop 0 ÷ 1
            measure(all, "packageShare", "0.3333");
            measure(ctripLine, "packageShare", "0.5");
            measure(shopLine, "packageShare", "0");
            // dwell of the visits that ended: the family 2 × 120 min, the mother 240 min (Wang did not leave
            // through a gate): all 480 ÷ 3 = 160.0; Ctrip 240 ÷ 2 = 120.0; shop 240.0; segment "regulars"
            // (visits12m >= 2): the mother alone, 240.0
            measure(all, "averageDwellMinutes", "160.0");
            measure(ctripLine, "averageDwellMinutes", "120.0");
            measure(shopLine, "averageDwellMinutes", "240.0");
            JsonNode regular = segment(day, "regulars");
            assertThat(regular.get("size").asLong()).isEqualTo(1);
            assertThat(regular.get("averageDwellMinutes").decimalValue()).isEqualByComparingTo("240.0");

            // ... and since 2 June: tickets 1,710.00 + 190.00 (her June visit) = 1,900.00, 5 admitted, 4
            // visitor-days with 1 returner = 0.25, 2 coupons of which 1 used = 0.5, dwell (480 + 300) ÷ 4 = 195.0
            JsonNode month = ok(park.admin("GET", "/admin/v1/measures?from=2026-06-02&to=2026-07-02", null))
                    .get("total");
            assertThat(month.at("/sums/ticketsFen").asLong()).isEqualTo(190000);
            assertThat(month.at("/sums/admitted").asLong()).isEqualTo(5);
            measure(month, "repurchaseRate", "0.25");
            measure(month, "offerConversion", "0.5");
            measure(month, "averageDwellMinutes", "195.0");

            // ... and on the console's dashboard, signed in: the card and the numbers it shows (its summary)
            PageClient operator = ConsoleSignIn.as(park.server, "admin", ConsoleSignIn.adminPassword(park.server));
            PageClient.Page page = operator.get("/console/dashboard");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"m-secondary\"", "id=\"m-repurchase\"", "id=\"m-segments\"");
            PageClient.Page summary = operator.get("/console/dashboard/summary");
            assertThat(summary.status()).isEqualTo(200);
            JsonNode card = io.scenicpass.server.testing.TestServer.MAPPER
                    .readTree(summary.body())
                    .get("measures");
            assertThat(card.get("total")).isEqualTo(all);
            assertThat(card.get("lines")).isEqualTo(day.get("lines"));
            assertThat(card.get("segments")).isEqualTo(day.get("segments"));
        }
    }

    /** Mr Wang's Ctrip booking of one adult in {@code slot}: his pass's QR text. */
    static String wang(Park park, String key, String uuid, String slot) {
        String body = "{\"uuid\":\"" + uuid + "\",\"productId\":\"park-entry\",\"availabilityId\":\"" + slot
                + "\",\"unitItems\":[{\"unitId\":\"park-entry-adult\"}]}";
        Answer held = park.server.send("POST", "/octo/bookings", key, body, OFFERS);
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        Answer sold = park.server.send(
                "POST",
                "/octo/bookings/" + uuid + "/confirm",
                key,
                "{\"contact\":{\"fullName\":\"Wang Jun\",\"emailAddress\":\"wang.jun@example.com\"}}",
                OFFERS);
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);
        return OtaBookingFlow.qrCodes(park.reseller("ctrip").booking(uuid)).get(0);
    }

    /** One adult booked and paid in the shop for {@code slot} (with a coupon when not null): the pass's QR text. */
    static String shop(Park park, PageClient phone, String slot, String coupon) {
        String order = FamilyRedeemsACouponAfterTheVisitTest.book(phone, slot, coupon);
        FamilyRedeemsACouponAfterTheVisitTest.pay(phone, order);
        return park.server // the QR her phone shows on the order's ticket page
                .server
                .database()
                .read(c -> Jdbc.one(
                        c, "SELECT pass_text FROM pass WHERE booking_uuid=?", rs -> rs.getString(1), "shp-" + order))
                .orElseThrow();
    }

    static String bookingOf(Park park, String qr) {
        return park.server
                .server
                .database()
                .read(c -> Jdbc.one(
                        c,
                        "SELECT booking_uuid FROM pass WHERE pass_id=?",
                        rs -> rs.getString(1),
                        PassHoldersComeBackTest.passId(qr)))
                .orElseThrow();
    }

    /** The visitor leaves through the gate at {@code when}; the gate uploads, the hub takes it in. */
    static void leave(Park park, EmbeddedGate gate, String qr, Instant when) {
        park.timeIs(when);
        Decision d = PassHoldersComeBackTest.exit(gate, qr);
        assertThat(d.admitted()).as("%s", d).isTrue();
        gate.syncNow();
        park.server.server.visitors().feed().catchUp();
    }

    static void receipt(Park park, String till, String id, String passId, long fen) {
        Answer a = park.server.post(
                "/partner/v1/receipts",
                till,
                "{\"receiptId\":\"" + id + "\",\"passId\":\"" + passId + "\",\"amount\":" + fen
                        + ",\"currency\":\"CNY\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    static JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** The answer's line of {@code channel} (its only day). */
    static JsonNode line(JsonNode answer, String channel) {
        for (JsonNode l : answer.get("lines")) {
            if (l.get("channelId").asText().equals(channel)) {
                return l;
            }
        }
        throw new AssertionError("no line of " + channel + " in " + answer);
    }

    static JsonNode segment(JsonNode answer, String code) {
        for (JsonNode s : answer.get("segments")) {
            if (s.get("code").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no segment " + code + " in " + answer);
    }

    static void measure(JsonNode line, String name, String expected) {
        assertThat(line.at("/measures/" + name).decimalValue())
                .as(name + " of " + line)
                .isEqualByComparingTo(expected);
    }

    static Instant at(String day, String time) {
        return LocalDateTime.of(LocalDate.parse(day), java.time.LocalTime.parse(time))
                .atZone(PARK)
                .toInstant();
    }
}
