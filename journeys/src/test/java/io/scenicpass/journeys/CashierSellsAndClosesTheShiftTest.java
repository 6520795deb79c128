package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day at the box office: the operator sets up two cashiers and a BOX_OFFICE device; Wang signs in with her PIN and
 * an opening float, sells two tickets for cash and one by the visitor's payment code, refunds one cash ticket before
 * the slot (the gate then refuses it, the other ticket walks in) and closes her shift: the drawer balances and her
 * till agrees with the server. Zhao's shift after hers is 10 yuan short when counted: the report shows the difference.
 */
class CashierSellsAndClosesTheShiftTest {
    @TempDir
    Path dir;

    @Test
    void sellCashAndCodeRefundOneAndCloseTheShift() throws Exception {
        try (Park park = Park.open(dir)) {
            assertThat(park.admin(
                                    "POST",
                                    "/admin/v1/cashiers",
                                    "{\"id\":\"wang\",\"name\":\"王芳\",\"role\":\"CASHIER\",\"pin\":\"2580\"}")
                            .status())
                    .isEqualTo(201);
            park.admin("POST", "/admin/v1/cashiers", "{\"id\":\"zhao\",\"name\":\"赵磊\",\"pin\":\"1397\"}");
            BoxOffice window = BoxOffice.enroll(park);

            // Wang opens her shift with 500 yuan in the drawer
            TestServer.Answer wrong = window.post("/terminal/v1/counter/shifts", shiftBody("wang", "0000", 50_000));
            assertThat(wrong.json().get("code").asText()).isEqualTo("WRONG_PIN");
            JsonNode opened = window.post("/terminal/v1/counter/shifts", shiftBody("wang", "2580", 50_000))
                    .json();
            String shift = opened.get("shiftId").asText();

            // what the counter offers today: the park entry (an adult needs no document), a slot later today
            JsonNode offer = window.get("/terminal/v1/counter/catalogue").json();
            JsonNode product = null;
            JsonNode slot = null;
            for (JsonNode p : offer.get("products")) {
                for (JsonNode s : p.get("slots")) {
                    if (slot == null
                            && p.get("id").asText().equals("park-entry")
                            && s.get("remaining").asInt() >= 3
                            && Instant.parse(s.get("start").asText())
                                    .isAfter(park.clock.instant().plusSeconds(3600))) {
                        product = p;
                        slot = s;
                    }
                }
            }
            assertThat(slot).as("a park entry slot later today in %s", offer).isNotNull();
            JsonNode adult = null;
            for (JsonNode u : product.get("units")) {
                adult = adult == null && u.get("type").asText().equals("ADULT") ? u : adult;
            }
            String unit = adult.get("id").asText();
            long price = adult.get("priceFen").asLong();
            String productId = product.get("id").asText();
            String slotId = slot.get("id").asText();
            int remaining = slot.get("remaining").asInt();

            // two tickets for cash, one by the visitor's payment code
            String cashSale = window.sell(productId, slotId, shift, unit, unit);
            JsonNode cash = window.post(
                            "/terminal/v1/counter/sales/" + cashSale + "/payment",
                            "{\"method\":\"CASH\",\"tenderedFen\":" + (2 * price + 1000) + "}")
                    .json();
            assertThat(cash.get("state").asText()).isEqualTo("PAID");
            assertThat(cash.get("tickets")).hasSize(2);
            String codeSale = window.sell(productId, slotId, shift, unit);
            JsonNode code = window.post(
                            "/terminal/v1/counter/sales/" + codeSale + "/payment",
                            "{\"method\":\"CODE\",\"paymentCode\":\"134567890123456789\"}")
                    .json();
            assertThat(code.get("state").asText()).isEqualTo("PAID");

            // one cash visitor cannot come: Wang refunds that ticket from her drawer
            JsonNode refunded = cash.get("tickets").get(1);
            JsonNode refund = window.post(
                            "/terminal/v1/counter/sales/" + cashSale + "/refund",
                            "{\"shiftId\":\"" + shift + "\",\"reason\":\"visitor unwell\",\"passIds\":[\""
                                    + refunded.get("passId").asText() + "\"]}")
                    .json();
            assertThat(refund.get("refund").get("amountFen").asLong()).isEqualTo(price);
            assertThat(refund.get("sale").get("state").asText()).isEqualTo("PAID");
            JsonNode after = window.get("/terminal/v1/counter/catalogue").json();
            assertThat(remainingOf(after, slotId)).isEqualTo(remaining - 2); // 3 sold, 1 given back

            // at the gate in the slot: the refunded ticket is refused, the kept one walks in
            park.timeIs(Instant.parse(slot.get("start").asText()).plus(Duration.ofMinutes(10)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            Decision refusedAtGate = north.scan(refunded.get("qrText").asText());
            assertThat(refusedAtGate.admitted())
                    .as("refunded ticket: %s", refusedAtGate)
                    .isFalse();
            Decision kept = north.scan(cash.get("tickets").get(0).get("qrText").asText());
            assertThat(kept.admitted()).as("kept ticket: %s", kept).isTrue();

            // Wang closes: float + 2 cash tickets − 1 refunded, counted right, her till agrees with the server
            long expected = 50_000 + price;
            JsonNode report = window.post(
                            "/terminal/v1/counter/shifts/" + shift + "/close",
                            "{\"countedCashFen\":" + expected + ",\"deviceTally\":{\"sales\":["
                                    + tally(cashSale, "CASH", 2 * price) + "," + tally(codeSale, "CODE", price)
                                    + "],\"refunds\":[" + tally(cashSale, "CASH", price) + "]}}")
                    .json();
            assertThat(report.get("sales")
                            .get("byMethod")
                            .get("CASH")
                            .get("fen")
                            .asLong())
                    .isEqualTo(2 * price);
            assertThat(report.get("sales")
                            .get("byMethod")
                            .get("CODE")
                            .get("count")
                            .asLong())
                    .isEqualTo(1);
            assertThat(report.get("refunds")
                            .get("byMethod")
                            .get("CASH")
                            .get("fen")
                            .asLong())
                    .isEqualTo(price);
            assertThat(report.get("expectedCashFen").asLong()).isEqualTo(expected);
            assertThat(report.get("differenceFen").asLong()).isZero();
            assertThat(report.get("reconciliation").get("mismatches")).isEmpty();
            assertThat(report.get("balanced").asBoolean()).isTrue();

            // Zhao's shift: one cash ticket, and the drawer is 10 yuan short at the count
            String zhao = window.post("/terminal/v1/counter/shifts", shiftBody("zhao", "1397", 20_000))
                    .json()
                    .get("shiftId")
                    .asText();
            String late = window.sell(productId, slotId, zhao, unit);
            window.post("/terminal/v1/counter/sales/" + late + "/payment", "{\"method\":\"CASH\"}");
            JsonNode shortReport = window.post(
                            "/terminal/v1/counter/shifts/" + zhao + "/close",
                            "{\"countedCashFen\":" + (20_000 + price - 1000) + ",\"deviceTally\":{\"sales\":["
                                    + tally(late, "CASH", price) + "],\"refunds\":[]}}")
                    .json();
            assertThat(shortReport.get("differenceFen").asLong()).isEqualTo(-1000);
            assertThat(shortReport.get("balanced").asBoolean()).isFalse();

            // the operator sees both shifts of the window with their reports
            JsonNode shifts = park.admin("GET", "/admin/v1/counter/shifts?deviceId=" + window.deviceId, null)
                    .json();
            assertThat(shifts).hasSize(2);
            assertThat(shifts.get(0).get("cashierId").asText()).isEqualTo("wang");
            assertThat(shifts.get(1).get("differenceFen").asLong()).isEqualTo(-1000);
        }
    }

    private static String shiftBody(String cashier, String pin, long floatFen) {
        return "{\"cashierId\":\"" + cashier + "\",\"pin\":\"" + pin + "\",\"openingFloatFen\":" + floatFen + "}";
    }

    private static String tally(String saleId, String method, long fen) {
        return "{\"saleId\":\"" + saleId + "\",\"method\":\"" + method + "\",\"amountFen\":" + fen + "}";
    }

    private static int remainingOf(JsonNode offer, String slotId) {
        for (JsonNode p : offer.get("products")) {
            for (JsonNode s : p.get("slots")) {
                if (s.get("id").asText().equals(slotId)) {
                    return s.get("remaining").asInt();
                }
            }
        }
        throw new AssertionError("no slot " + slotId);
    }

    /** The box office window: a device enrolled as BOX_OFFICE over the real enrollment, calling the counter API. */
    private record BoxOffice(Park park, String token, String deviceId) {
        static BoxOffice enroll(Park park) {
            TestServer.Answer t = park.admin(
                    "POST",
                    "/admin/v1/enrollment-tokens",
                    "{\"gateId\":\"gate-north\",\"label\":\"window 1\",\"role\":\"BOX_OFFICE\"}");
            assertThat(t.status()).as(t.body()).isEqualTo(201);
            TestServer.Answer e = park.server.post(
                    "/terminal/v1/enroll",
                    null,
                    "{\"token\":\"" + t.json().get("token").asText() + "\",\"deviceName\":\"window 1\"}");
            assertThat(e.status()).as(e.body()).isEqualTo(200);
            return new BoxOffice(
                    park,
                    e.json().get("deviceToken").asText(),
                    e.json().get("deviceId").asText());
        }

        TestServer.Answer post(String path, String json) {
            return park.server.send("POST", path, null, json, Map.of("Authorization", "Device " + token));
        }

        TestServer.Answer get(String path) {
            return park.server.send("GET", path, null, null, Map.of("Authorization", "Device " + token));
        }

        String sell(String productId, String slotId, String shiftId, String... units) {
            String id = UUID.randomUUID().toString();
            StringBuilder items = new StringBuilder();
            for (String u : units) {
                items.append(items.length() == 0 ? "" : ",")
                        .append("{\"unitId\":\"")
                        .append(u)
                        .append("\"}");
            }
            TestServer.Answer a = post(
                    "/terminal/v1/counter/sales",
                    "{\"saleId\":\"" + id + "\",\"productId\":\"" + productId + "\",\"slotId\":\"" + slotId
                            + "\",\"shiftId\":\"" + shiftId + "\",\"items\":[" + items + "]}");
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            return id;
        }
    }
}
