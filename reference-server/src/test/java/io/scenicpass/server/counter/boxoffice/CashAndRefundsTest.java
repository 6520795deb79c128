package io.scenicpass.server.counter.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cash sales into the shift's drawer and refunds at the box office on a real server: the rules (unused passes, before
 * the slot ends, a supervisor once it started), places back, passes revoked in the gates' feed, cash from the drawer
 * and electronic refunds through the payment, all in the cash-up.
 */
class CashAndRefundsTest {
    private static final String CODE = "{\"method\":\"CODE\",\"paymentCode\":\"134567890123456789\"}";
    private static final String CASH = "{\"method\":\"CASH\",\"tenderedFen\":20000}";

    @TempDir
    Path dir;

    @Test
    void cashNeedsTheDevicesOpenShiftAndLandsInItsCashUp() {
        try (TestServer ts = TestServer.h2(dir.resolve("server"))) {
            BoxOfficeFixture box = new BoxOfficeFixture(ts);
            box.cashier("wang", "CASHIER", "4711");
            String device = box.counter.boxOffice;
            String shift =
                    box.openShift(device, "wang", "4711", 50_000).get("shiftId").asText();

            // cash without a shift: refused, nothing sold
            String noShift = box.counter.sell(device, "tour-adult");
            TestServer.Answer refused =
                    box.as(device, "POST", "/terminal/v1/counter/sales/" + noShift + "/payment", CASH);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
            assertThat(box.counter.sale(device, noShift).get("state").asText()).isEqualTo("AWAITING_PAYMENT");
            // another device's shift, or a kiosk naming one: refused at the sale
            String other = box.counter.enroll("BOX_OFFICE");
            assertThat(box.sellAnswer(other, shift, "tour-adult").status()).isEqualTo(404);
            assertThat(box.sellAnswer(box.counter.kiosk, shift, "tour-adult")
                            .json()
                            .get("code")
                            .asText())
                    .isEqualTo("BOX_OFFICE_ONLY");

            String cash = box.sell(device, shift, "tour-adult", "tour-child");
            JsonNode paid = box.counter.pay(device, cash, CASH);
            assertThat(paid.get("state").asText()).isEqualTo("PAID");
            assertThat(paid.get("tickets")).hasSize(2);
            String code = box.sell(device, shift, "tour-adult");
            assertThat(box.counter.pay(device, code, CODE).get("state").asText())
                    .isEqualTo("PAID");

            JsonNode live = box.as(device, "GET", "/terminal/v1/counter/shifts/current", null)
                    .json();
            assertThat(live.get("sales").get("byMethod").get("CASH").get("fen").asLong())
                    .isEqualTo(15_000);
            assertThat(live.get("sales").get("byMethod").get("CODE").get("fen").asLong())
                    .isEqualTo(10_000);
            assertThat(live.get("expectedCashFen").asLong()).isEqualTo(65_000);

            String late = box.sell(device, shift, "tour-adult");
            JsonNode r = box.as(
                            device,
                            "POST",
                            "/terminal/v1/counter/shifts/" + shift + "/close",
                            "{\"countedCashFen\":65000,\"deviceTally\":{\"sales\":["
                                    + "{\"saleId\":\"" + cash + "\",\"method\":\"CASH\",\"amountFen\":15000},"
                                    + "{\"saleId\":\"" + code + "\",\"method\":\"CODE\",\"amountFen\":10000}],"
                                    + "\"refunds\":[]}}")
                    .json();
            assertThat(r.get("differenceFen").asLong()).isZero();
            assertThat(r.get("reconciliation").get("mismatches")).isEmpty();
            assertThat(r.get("balanced").asBoolean()).isTrue();
            // the shift is closed: its drawer takes no more cash
            TestServer.Answer closed = box.as(device, "POST", "/terminal/v1/counter/sales/" + late + "/payment", CASH);
            assertThat(closed.status()).isEqualTo(409);
            assertThat(box.counter.sale(device, late).get("state").asText()).isEqualTo("AWAITING_PAYMENT");
        }
    }

    @Test
    void refundsFollowTheRulesAndGoThroughTheBookingAndThePayment() {
        try (TestServer ts = TestServer.h2(dir.resolve("server"))) {
            BoxOfficeFixture box = new BoxOfficeFixture(ts);
            box.cashier("wang", "CASHIER", "4711");
            box.cashier("li", "SUPERVISOR", "8642");
            String device = box.counter.boxOffice;
            String shift =
                    box.openShift(device, "wang", "4711", 0).get("shiftId").asText();
            String cash = box.sell(device, shift, "tour-adult", "tour-child");
            JsonNode sold = box.counter.pay(device, cash, CASH);
            String adultPass = sold.get("tickets").get(0).get("passId").asText();
            String childPass = sold.get("tickets").get(1).get("passId").asText();
            assertThat(box.counter.remaining()).isEqualTo(98);

            // bad input and the kiosk: typed errors, nothing refunded
            assertThat(box.refund(device, cash, "{\"shiftId\":\"" + shift + "\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(box.refund(box.counter.kiosk, cash, reason(shift, null))
                            .json()
                            .get("code")
                            .asText())
                    .isEqualTo("BOX_OFFICE_ONLY");
            assertThat(box.refund(device, cash, reason("S-nope", null)).status())
                    .isEqualTo(404);
            assertThat(box.refund(device, cash, reason(shift, List.of("not-a-pass")))
                            .status())
                    .isEqualTo(400);
            assertThat(box.counter.remaining()).isEqualTo(98);

            // one pass back, 50 minutes before the slot (after the resellers' 60-minute cutoff: not the counter's rule)
            ts.clock.set(Instant.parse("2026-06-02T01:10:00Z"));
            TestServer.Answer one = box.refund(device, cash, reason(shift, List.of(childPass)));
            assertThat(one.status()).isEqualTo(200);
            JsonNode refund = one.json().get("refund");
            assertThat(refund.get("amountFen").asLong()).isEqualTo(5_000);
            assertThat(refund.get("method").asText()).isEqualTo("CASH");
            assertThat(one.json().get("sale").get("state").asText()).isEqualTo("PAID");
            assertThat(box.counter.remaining()).isEqualTo(99);
            assertThat(box.revoked()).contains(childPass).doesNotContain(adultPass);
            // the operators' report counts the partial refund (the sale stays PAID)
            JsonNode refunded = ts.get("/admin/v1/counter/report?from=2026-06-01&to=2026-06-02", TestServer.ADMIN)
                    .json()
                    .get("refunds");
            assertThat(refunded.get("count").asLong()).isEqualTo(1);
            assertThat(refunded.get("amountFen").asLong()).isEqualTo(5_000);
            // a retry answers the same refund
            assertThat(box.refund(device, cash, reason(shift, List.of(childPass)))
                            .json()
                            .get("refund"))
                    .isEqualTo(refund);
            assertThat(box.counter.remaining()).isEqualTo(99);

            // once the slot started: a supervisor's PIN, not a cashier's
            ts.clock.set(Instant.parse("2026-06-02T02:30:00Z"));
            TestServer.Answer noSupervisor = box.refund(device, cash, reason(shift, null));
            assertThat(noSupervisor.status()).isEqualTo(403);
            assertThat(noSupervisor.json().get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(box.refund(device, cash, supervisor(shift, "wang", "4711"))
                            .status())
                    .isEqualTo(403);
            assertThat(box.refund(device, cash, supervisor(shift, "li", "0000"))
                            .json()
                            .get("code")
                            .asText())
                    .isEqualTo("WRONG_PIN");
            assertThat(box.counter.remaining()).isEqualTo(99);
            TestServer.Answer rest = box.refund(device, cash, supervisor(shift, "li", "8642"));
            assertThat(rest.status()).isEqualTo(200);
            assertThat(rest.json().get("refund").get("amountFen").asLong()).isEqualTo(10_000);
            assertThat(rest.json().get("refund").get("supervisorId").asText()).isEqualTo("li");
            assertThat(rest.json().get("sale").get("state").asText()).isEqualTo("REFUNDED");
            assertThat(box.counter.remaining()).isEqualTo(100);
            assertThat(box.revoked()).contains(childPass, adultPass);
            assertThat(box.refund(device, cash, reason(shift, null))
                            .json()
                            .get("refund")
                            .get("id"))
                    .isEqualTo(rest.json().get("refund").get("id"));

            JsonNode report = box.as(device, "GET", "/terminal/v1/counter/shifts/current", null)
                    .json();
            assertThat(report.get("refunds")
                            .get("byMethod")
                            .get("CASH")
                            .get("count")
                            .asLong())
                    .isEqualTo(2);
            assertThat(report.get("refunds").get("fen").asLong()).isEqualTo(15_000);
            assertThat(report.get("expectedCashFen").asLong()).isZero();
        }
    }

    @Test
    void anElectronicRefundGoesBackThroughThePaymentAndUsedOrPastPassesStay() {
        try (TestServer ts = TestServer.h2(dir.resolve("server"))) {
            BoxOfficeFixture box = new BoxOfficeFixture(ts);
            box.cashier("wang", "CASHIER", "4711");
            String device = box.counter.boxOffice;
            String shift =
                    box.openShift(device, "wang", "4711", 0).get("shiftId").asText();
            String code = box.sell(device, shift, "tour-adult");
            JsonNode paid = box.counter.pay(device, code, CODE);
            String paymentId = paid.get("payment").get("id").asText();
            JsonNode r = box.refund(device, code, reason(shift, null)).json();
            assertThat(r.get("refund").get("method").asText()).isEqualTo("CODE");
            assertThat(r.get("refund").get("paymentRefundState").asText()).isEqualTo("SUCCEEDED");
            assertThat(ts.get("/admin/v1/payments/" + paymentId, TestServer.ADMIN)
                            .json()
                            .get("payment")
                            .get("refundedFen")
                            .asLong())
                    .isEqualTo(10_000);
            // as if the server stopped before it asked the provider: a retry asks again, under the same refund id
            ts.server
                    .database()
                    .tx(c -> io.scenicpass.server.db.Jdbc.update(
                            c, "UPDATE counter_refund SET payment_refund_state='REQUESTED' WHERE sale_id=?", code));
            JsonNode again = box.refund(device, code, reason(shift, null)).json();
            assertThat(again.get("refund").get("id")).isEqualTo(r.get("refund").get("id"));
            assertThat(again.get("refund").get("paymentRefundState").asText()).isEqualTo("SUCCEEDED");
            assertThat(ts.get("/admin/v1/payments/" + paymentId, TestServer.ADMIN)
                            .json()
                            .get("refunds"))
                    .hasSize(1);
            assertThat(ts.server.payments().simulated.heldFen(paymentId)).isZero(); // paid back once, not twice
            JsonNode report = box.as(device, "GET", "/terminal/v1/counter/shifts/current", null)
                    .json();
            assertThat(report.get("refunds")
                            .get("byMethod")
                            .get("CODE")
                            .get("fen")
                            .asLong())
                    .isEqualTo(10_000);
            assertThat(report.get("expectedCashFen").asLong()).isZero(); // not from the drawer

            // a pass used at a gate is not refunded
            String used = box.sell(device, shift, "tour-adult", "tour-adult");
            String usedPass = box.counter
                    .pay(device, used, CASH)
                    .get("tickets")
                    .get(0)
                    .get("passId")
                    .asText();
            ts.clock.set(Instant.parse("2026-06-02T02:10:00Z"));
            box.enter(usedPass);
            TestServer.Answer refused = box.refund(device, used, reason(shift, List.of(usedPass)));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).contains("used at a gate");
            assertThat(box.refund(device, used, reason(shift, null))
                            .json()
                            .get("message")
                            .asText())
                    .contains("used at a gate");
            // after the slot: nothing is refunded
            ts.clock.set(Instant.parse("2026-06-02T04:00:00Z"));
            String otherPass = box.counter
                    .sale(device, used)
                    .get("tickets")
                    .get(1)
                    .get("passId")
                    .asText();
            assertThat(box.refund(device, used, reason(shift, List.of(otherPass)))
                            .json()
                            .get("message")
                            .asText())
                    .contains("slot is over");
            assertThat(box.revoked()).doesNotContain(usedPass, otherPass);
        }
    }

    private static String reason(String shift, List<String> passes) {
        return "{\"shiftId\":\"" + shift + "\",\"reason\":\"visitor changed plans\""
                + (passes == null ? "" : ",\"passIds\":" + json(passes)) + "}";
    }

    private static String supervisor(String shift, String id, String pin) {
        return "{\"shiftId\":\"" + shift + "\",\"reason\":\"rain\",\"supervisorId\":\"" + id + "\",\"supervisorPin\":\""
                + pin + "\"}";
    }

    private static String json(List<String> l) {
        return "[\"" + String.join("\",\"", l) + "\"]";
    }
}
