package io.scenicpass.server.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.payments.internal.SimulatedProvider.Behaviour;
import io.scenicpass.server.payments.internal.SimulatedProvider.Delivery;
import io.scenicpass.server.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sales through the simulated provider's outcomes: declined, timed out, paid twice, paid after the kiosk gave up.
 * Whatever happens, a sale is either PAID with its tickets or ends with its places back and its money back.
 */
class CounterPaymentsTest extends CounterTestBase {
    static final String CODE = "{\"method\":\"CODE\",\"paymentCode\":\"134567890123456789\"}";
    static final String NATIVE = "{\"method\":\"NATIVE\"}";

    @Test
    void aDeclinedPaymentSellsNothingAndTheVisitorMayPayAgain() {
        String saleId = f.sell(f.kiosk, "tour-adult");
        f.sim().then(Behaviour.DECLINE);
        JsonNode declined = f.pay(f.kiosk, saleId, CODE);
        assertThat(declined.get("state").asText()).isEqualTo("DECLINED");
        assertThat(declined.get("payment").get("state").asText()).isEqualTo("FAILED");
        assertThat(declined.get("tickets")).isEmpty();
        assertThat(f.sim().charges()).isZero();

        JsonNode paid = f.pay(f.kiosk, saleId, CODE);
        assertThat(paid.get("state").asText()).isEqualTo("PAID");
        assertThat(paid.get("tickets")).hasSize(1);
        assertThat(paid.get("payment").get("id"))
                .isNotEqualTo(declined.get("payment").get("id"));
        assertThat(f.sim().charges()).isEqualTo(1);
        // a retry of the same payment answers the paid sale and charges nothing more
        assertThat(f.pay(f.kiosk, saleId, CODE).get("state").asText()).isEqualTo("PAID");
        assertThat(f.sim().charges()).isEqualTo(1);
    }

    @Test
    void aNativePaymentPaidTwiceIssuesTheTicketsOnce() {
        String saleId = f.sell(f.kiosk, "tour-adult", "tour-adult");
        f.sim().then(Behaviour.PAY_TWICE);
        JsonNode shown = f.pay(f.kiosk, saleId, NATIVE);
        assertThat(shown.get("state").asText()).isEqualTo("AWAITING_PAYMENT");
        String paymentId = shown.get("payment").get("id").asText();
        assertThat(shown.get("payment").get("codeUrl").asText()).startsWith("weixin://");

        assertThat(f.sim().visitorPays(paymentId)).isTrue();
        for (Delivery d : f.sim().takeNotifications()) {
            assertThat(ts.send("POST", "/payments/v1/notify/simulated", null, d.body(), d.headers())
                            .status())
                    .isEqualTo(204);
        }
        JsonNode paid = f.sale(f.kiosk, saleId);
        assertThat(paid.get("state").asText()).isEqualTo("PAID");
        assertThat(paid.get("tickets")).hasSize(2);
        assertThat(f.passesOf(paid.get("bookingId").asText())).isEqualTo(2);
        assertThat(f.sim().heldFen(paymentId)).isEqualTo(20000);
    }

    @Test
    void aTimedOutPaymentWaitsUntilTheHoldExpiresThenNothingIsSoldOrTaken() {
        String saleId = f.sell(f.kiosk, "tour-adult");
        f.sim().lateBy(Duration.ofMinutes(40)); // the visitor's bank answers after the hold (30 minutes)
        f.sim().then(Behaviour.TIMEOUT);
        JsonNode open = f.pay(f.kiosk, saleId, CODE);
        assertThat(open.get("state").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(open.get("payment").get("state").asText()).isEqualTo("PENDING");
        String paymentId = open.get("payment").get("id").asText();
        assertThat(f.remaining()).isEqualTo(99);

        ts.clock.advance(Duration.ofMinutes(31));
        assertThat(f.sale(f.kiosk, saleId).get("state").asText()).isEqualTo("EXPIRED");
        assertThat(f.remaining()).isEqualTo(100);
        ts.clock.advance(Duration.ofMinutes(15));
        ts.server.payments().reconciler.run();
        JsonNode ended = f.sale(f.kiosk, saleId);
        assertThat(ended.get("state").asText()).isEqualTo("EXPIRED");
        assertThat(ended.get("tickets")).isEmpty();
        assertThat(f.sim().heldFen(paymentId)).isZero();
        assertThat(f.remaining()).isEqualTo(100);
    }

    @Test
    void aPaymentThatSucceedsAfterTheHoldExpiredIsRefunded() {
        String saleId = f.sell(f.kiosk, "tour-adult");
        f.sim().lateBy(Duration.ofMinutes(20));
        f.sim().then(Behaviour.TIMEOUT);
        String paymentId = f.pay(f.kiosk, saleId, CODE).get("payment").get("id").asText();

        ts.clock.advance(Duration.ofMinutes(31)); // paid at 20 minutes, seen only now: the hold is gone
        ts.server.payments().reconciler.run();
        JsonNode ended = f.sale(f.kiosk, saleId);
        assertThat(ended.get("state").asText()).isEqualTo("EXPIRED");
        assertThat(ended.get("tickets")).isEmpty();
        assertThat(ended.get("payment").get("state").asText()).isEqualTo("REFUNDED");
        assertThat(f.sim().heldFen(paymentId)).isZero();
        assertThat(f.remaining()).isEqualTo(100);
        assertThat(f.passesOf(ended.get("bookingId").asText())).isZero();
    }

    @Test
    void aCancelledSaleRefundsAPaymentMadeAnyway() {
        String saleId = f.sell(f.kiosk, "tour-adult");
        String paymentId =
                f.pay(f.kiosk, saleId, NATIVE).get("payment").get("id").asText();
        assertThat(f.sim().visitorPays(paymentId)).isTrue(); // paid on the phone, not yet known to the server
        f.sim().takeNotifications(); // lost on the way

        TestServer.Answer cancelled = f.as(f.kiosk, "POST", "/terminal/v1/counter/sales/" + saleId + "/cancel", null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("state").asText()).isEqualTo("CANCELLED");
        assertThat(f.remaining()).isEqualTo(100);

        ts.clock.advance(Duration.ofMinutes(2));
        ts.server.payments().reconciler.run(); // finds it paid after it was given up: refunds it
        ts.server.counter().sweep();
        JsonNode ended = f.sale(f.kiosk, saleId);
        assertThat(ended.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(ended.get("tickets")).isEmpty();
        assertThat(f.sim().heldFen(paymentId)).isZero();
        assertThat(f.passesOf(ended.get("bookingId").asText())).isZero();
        assertThat(f.remaining()).isEqualTo(100);
        // a paid sale cannot be cancelled at the kiosk
        String other = f.sell(f.kiosk, "tour-adult");
        f.pay(f.kiosk, other, CODE);
        TestServer.Answer refused = f.as(f.kiosk, "POST", "/terminal/v1/counter/sales/" + other + "/cancel", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
    }

    @Test
    void badPaymentRequestsGetTypedErrors() {
        String saleId = f.sell(f.kiosk, "tour-adult");
        for (Map.Entry<String, String> bad : Map.of(
                        "{\"method\":\"BITCOIN\"}", "BAD_REQUEST",
                        "{\"method\":\"CODE\",\"paymentCode\":\"12ab\"}", "BAD_REQUEST",
                        "{}", "BAD_REQUEST",
                        "[1]", "BAD_REQUEST")
                .entrySet()) {
            TestServer.Answer a =
                    f.as(f.kiosk, "POST", "/terminal/v1/counter/sales/" + saleId + "/payment", bad.getKey());
            assertThat(a.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(a.json().get("code").asText()).as(bad.getKey()).isEqualTo(bad.getValue());
        }
        TestServer.Answer unknown =
                f.as(f.kiosk, "POST", "/terminal/v1/counter/sales/00000000-0000-0000-0000-000000000000/payment", CODE);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(f.as(f.kiosk, "GET", "/terminal/v1/counter/sales/not-a-uuid", null)
                        .status())
                .isEqualTo(400);
        assertThat(f.sale(f.kiosk, saleId).get("state").asText()).isEqualTo("AWAITING_PAYMENT");
    }
}
