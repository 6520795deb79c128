package io.scenicpass.server.counter.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator refunds counter sales on the console, after the cutoff and after the slot started, with a reason: a cash
 * sale's refund is DUE (passes revoked at once), shown on the console and in the shift report, paid out once at a box
 * office (its drawer expects that much less, the close balances; another box office is refused ALREADY_PAID_OUT); an
 * electronic sale goes back through the payment at once. Typed refusals; rights on the page and the API alike.
 */
class ConsoleCounterRefundsTest {
    private static final String CODE = "{\"method\":\"CODE\",\"paymentCode\":\"134567890123456789\"}";
    private static final String CASH = "{\"method\":\"CASH\",\"tenderedFen\":20000}";
    /** 10:30 in Asia/Shanghai: the 10:00 slot started (past any cutoff), not over. */
    private static final Instant STARTED = Instant.parse("2026-06-02T02:30:00Z");

    @TempDir
    Path dir;

    @Test
    void aCashRefundIsDueUntilOneBoxOfficePaysItOutOnce() {
        try (TestServer ts = TestServer.h2(dir.resolve("server"))) {
            BoxOfficeFixture box = new BoxOfficeFixture(ts);
            box.cashier("wang", "CASHIER", "4711");
            box.cashier("zhao", "CASHIER", "2468");
            String device = box.counter.boxOffice;
            String shift =
                    box.openShift(device, "wang", "4711", 50_000).get("shiftId").asText();
            String sale = box.sell(device, shift, "tour-adult", "tour-child");
            JsonNode paid = box.counter.pay(device, sale, CASH);
            String booking = paid.get("bookingId").asText();
            String code = paid.get("bookingCode").asText();
            String adult = paid.get("tickets").get(0).get("passId").asText();
            String child = paid.get("tickets").get(1).get("passId").asText();
            ts.clock.set(STARTED);

            PageClient c = ConsoleSignIn.as(ts, "admin", ConsoleSignIn.adminPassword(ts));
            assertThat(c.get("/console/bookings?ref=" + booking).body())
                    .contains("data-counter-refund-link=\"" + booking + "\"");
            Page page = c.get("/console/counter-refunds?booking=" + booking);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("data-sale=\"" + sale + "\"", "data-state=\"PAID\"", child);
            Page noReason = c.post("/console/counter-refunds", Map.of("sale", sale, "passId", child, "reason", " "));
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.errorCode()).isEqualTo("BAD_REQUEST");

            Map<String, String> form = Map.of("sale", sale, "passId", child, "reason", "child fell ill");
            Page done = c.post("/console/counter-refunds", form);
            assertThat(done.status()).as(done.body()).isEqualTo(303);
            assertThat(c.post("/console/counter-refunds", form).status()).isEqualTo(303); // a double click
            String shown = c.follow(done).body();
            assertThat(shown).contains("data-done=\"due\"", "data-state=\"DUE\"", "<span id=\"due-total\">1 · 50.00");
            List<JsonNode> due = list(box.as(device, "GET", "/terminal/v1/counter/refunds-due?saleId=" + sale, null));
            assertThat(due).singleElement().satisfies(r -> {
                assertThat(r.get("amountFen").asLong()).isEqualTo(5_000);
                assertThat(r.get("operator").asText()).contains("admin");
                assertThat(r.get("shiftId").isNull()).isTrue();
            });
            String refund = due.get(0).get("id").asText();
            assertThat(list(box.as(device, "GET", "/terminal/v1/counter/refunds-due?bookingCode=" + code, null)))
                    .hasSize(1);
            assertThat(box.revoked()).contains(child).doesNotContain(adult); // revoked at once: the visitor gave it up
            JsonNode live = current(box, device);
            assertThat(live.get("cashRefundsDue").get("fen").asLong()).isEqualTo(5_000);
            assertThat(live.get("expectedCashFen").asLong()).isEqualTo(65_000); // not paid out yet
            assertThat(ts.get("/admin/v1/counter/report?from=2026-06-01&to=2026-06-02", TestServer.ADMIN)
                            .json()
                            .get("cashRefundsDue")
                            .get("amountFen")
                            .asLong())
                    .isEqualTo(5_000);

            // paid out at the box office, once: a retry from the same shift answers the same payout
            String payOut = "/terminal/v1/counter/refunds-due/" + refund + "/pay-out";
            TestServer.Answer out = box.as(device, "POST", payOut, "{\"shiftId\":\"" + shift + "\"}");
            assertThat(out.status()).as(out.body()).isEqualTo(200);
            assertThat(out.json().get("shiftId").asText()).isEqualTo(shift);
            assertThat(box.as(device, "POST", payOut, "{\"shiftId\":\"" + shift + "\"}")
                            .status())
                    .isEqualTo(200);
            String other = box.counter.enroll("BOX_OFFICE");
            String otherShift =
                    box.openShift(other, "zhao", "2468", 0).get("shiftId").asText();
            TestServer.Answer twice = box.as(other, "POST", payOut, "{\"shiftId\":\"" + otherShift + "\"}");
            assertThat(twice.status()).as(twice.body()).isEqualTo(409);
            assertThat(twice.json().get("code").asText()).isEqualTo("ALREADY_PAID_OUT");
            assertThat(current(box, other).get("expectedCashFen").asLong()).isZero();
            assertThat(list(box.as(device, "GET", "/terminal/v1/counter/refunds-due", null)))
                    .isEmpty();
            assertThat(c.get("/console/counter-refunds?sale=" + sale).body())
                    .contains("data-state=\"PAID_OUT\"")
                    .doesNotContain("data-due=\"" + refund + "\"");

            // the same request again is a retry (the same refund); a refunded pass in another one is typed, as are a
            // pass used at a gate and a sale not paid
            assertThat(refundByApi(ts, sale, "[\"" + child + "\"]", TestServer.ADMIN)
                            .json()
                            .get("refund")
                            .get("id")
                            .asText())
                    .isEqualTo(refund);
            TestServer.Answer again = refundByApi(ts, sale, "[\"" + child + "\",\"" + adult + "\"]", TestServer.ADMIN);
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_REFUNDED");
            box.enter(adult);
            TestServer.Answer used = refundByApi(ts, sale, "[\"" + adult + "\"]", TestServer.ADMIN);
            assertThat(used.status()).isEqualTo(409);
            assertThat(used.json().get("code").asText()).isEqualTo("PASS_USED");
            String unpaid = box.sell(device, shift, "tour-adult");
            assertThat(refundByApi(ts, unpaid, null, TestServer.ADMIN)
                            .json()
                            .get("code")
                            .asText())
                    .isEqualTo("SALE_NOT_PAID");
            Page usedOnPage = c.post("/console/counter-refunds", Map.of("sale", sale, "reason", "all"));
            assertThat(usedOnPage.status()).isEqualTo(409);
            assertThat(usedOnPage.errorCode()).isEqualTo("PASS_USED");

            // the close: 50 000 float + 15 000 sold − 5 000 paid out
            JsonNode closed = box.as(
                            device,
                            "POST",
                            "/terminal/v1/counter/shifts/" + shift + "/close",
                            "{\"countedCashFen\":60000,\"deviceTally\":{\"sales\":["
                                    + "{\"saleId\":\"" + sale + "\",\"method\":\"CASH\",\"amountFen\":15000}],"
                                    + "\"refunds\":[{\"saleId\":\"" + sale
                                    + "\",\"method\":\"CASH\",\"amountFen\":5000}]}}")
                    .json();
            assertThat(closed.get("expectedCashFen").asLong()).isEqualTo(60_000);
            assertThat(closed.get("balanced").asBoolean()).as(closed.toString()).isTrue();
            assertThat(ts.get("/admin/v1/audit?action=refund", TestServer.ADMIN).body())
                    .contains("console: refund counter sale", "saleId=" + sale);
        }
    }

    @Test
    void anElectronicSaleIsPaidBackAtOnceAndOnlyFinanceAndAdministratorsMayRefund() {
        try (TestServer ts = TestServer.h2(dir.resolve("server"))) {
            BoxOfficeFixture box = new BoxOfficeFixture(ts);
            box.cashier("wang", "CASHIER", "4711");
            String device = box.counter.boxOffice;
            String shift =
                    box.openShift(device, "wang", "4711", 0).get("shiftId").asText();
            String sale = box.sell(device, shift, "tour-adult");
            String paymentId =
                    box.counter.pay(device, sale, CODE).get("payment").get("id").asText();
            ts.clock.set(STARTED);
            var ops = ts.server.console().operators;
            String ruth = ops.createToken(
                            ops.create("ruth", "Ruth", Role.READ_ONLY, "read only password")
                                    .id(),
                            "script")
                    .token();
            String fang = ops.createToken(
                            ops.create("fang", "Fang", Role.FINANCE, "finance password")
                                    .id(),
                            "script")
                    .token();
            PageClient readOnly = ConsoleSignIn.as(ts, "ruth", "read only password");
            assertThat(readOnly.get("/console/counter-refunds?sale=" + sale).status())
                    .isEqualTo(403);
            assertThat(refundByApi(ts, sale, null, ruth).status()).isEqualTo(403);
            assertThat(ConsoleSignIn.as(ts, "fang", "finance password")
                            .get("/console/counter-refunds?sale=" + sale)
                            .status())
                    .isEqualTo(200);
            assertThat(refundByApi(ts, sale, "[null]", fang).status()).isEqualTo(400);

            TestServer.Answer done = refundByApi(ts, sale, null, fang);
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            JsonNode r = done.json().get("refund");
            assertThat(r.get("paymentRefundState").asText()).isEqualTo("SUCCEEDED");
            assertThat(r.get("operator").asText()).contains("fang");
            assertThat(done.json().get("sale").get("state").asText()).isEqualTo("REFUNDED");
            assertThat(refundByApi(ts, sale, null, fang).json().get("refund").get("id"))
                    .isEqualTo(r.get("id")); // a retry answers the first
            assertThat(ts.get("/admin/v1/payments/" + paymentId, TestServer.ADMIN)
                            .json()
                            .get("payment")
                            .get("refundedFen")
                            .asLong())
                    .isEqualTo(10_000);
            assertThat(list(box.as(device, "GET", "/terminal/v1/counter/refunds-due", null)))
                    .isEmpty();
            assertThat(current(box, device).get("refunds").get("count").asLong())
                    .as("not the shift's: no drawer paid it")
                    .isZero();
        }
    }

    private static TestServer.Answer refundByApi(TestServer ts, String sale, String passIds, String token) {
        return ts.post(
                "/admin/v1/counter/sales/" + sale + "/refund",
                token,
                "{\"reason\":\"by script\"" + (passIds == null ? "" : ",\"passIds\":" + passIds) + "}");
    }

    private static List<JsonNode> list(TestServer.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<JsonNode> out = new java.util.ArrayList<>();
        a.json().forEach(out::add);
        return out;
    }

    private static JsonNode current(BoxOfficeFixture box, String device) {
        return box.as(device, "GET", "/terminal/v1/counter/shifts/current", null)
                .json();
    }
}
