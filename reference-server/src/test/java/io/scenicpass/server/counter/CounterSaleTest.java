package io.scenicpass.server.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.testing.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sale API on a real server: catalogue, sale, code payment → PAID with tickets, idempotency, roles. */
class CounterSaleTest extends CounterTestBase {

    @Test
    void aCodePaymentSellsAndIssuesTheTickets() {
        JsonNode catalogue = f.as(f.kiosk, "GET", "/terminal/v1/counter/catalogue?date=2026-06-02", null)
                .json();
        assertThat(catalogue.get("date").asText()).isEqualTo("2026-06-02");
        JsonNode tour = catalogue.get("products").get(0);
        assertThat(tour.get("id").asText()).isEqualTo("tour");
        assertThat(tour.get("realName").asBoolean()).isFalse();
        assertThat(tour.get("units").get(0).get("priceFen").asLong()).isEqualTo(10000);
        assertThat(f.remaining()).isEqualTo(100);

        String saleId = f.sell(f.kiosk, "tour-adult", "tour-child");
        JsonNode held = f.sale(f.kiosk, saleId);
        assertThat(held.get("state").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(held.get("amountFen").asLong()).isEqualTo(15000);
        assertThat(held.get("expiresAt").isNull()).isFalse();
        assertThat(f.remaining()).isEqualTo(98);

        JsonNode paid = f.pay(f.kiosk, saleId, "{\"method\":\"CODE\",\"paymentCode\":\"134567890123456789\"}");
        assertThat(paid.get("state").asText()).isEqualTo("PAID");
        assertThat(paid.get("payment").get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(paid.get("payment").get("method").asText()).isEqualTo("CODE");
        assertThat(paid.get("tickets")).hasSize(2);
        for (JsonNode t : paid.get("tickets")) {
            assertThat(PassCodec.decode(t.get("qrText").asText()).claims().passId())
                    .isEqualTo(t.get("passId").asText());
            assertThat(t.get("productName").asText()).isEqualTo("Product tour");
            assertThat(t.get("slotStart").asText()).isEqualTo("2026-06-02T10:00:00+08:00");
        }
        assertThat(paid.get("tickets").get(1).get("unitName").asText()).isEqualTo("Child");
        assertThat(f.remaining()).isEqualTo(98);
        assertThat(ts.server
                        .bookings()
                        .get(
                                ts.server.counter().channel.get(),
                                paid.get("bookingId").asText())
                        .status()
                        .name())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void theSameSaleIdIsTheSameSale() {
        String saleId = UUID.randomUUID().toString();
        TestServer.Answer first =
                f.as(f.kiosk, "POST", "/terminal/v1/counter/sales", CounterFixture.saleBody(saleId, "tour-adult"));
        TestServer.Answer again =
                f.as(f.kiosk, "POST", "/terminal/v1/counter/sales", CounterFixture.saleBody(saleId, "tour-adult"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("bookingId")).isEqualTo(first.json().get("bookingId"));
        assertThat(f.remaining()).isEqualTo(99);
        // another device does not see it, nor may it take its id
        assertThat(f.as(f.boxOffice, "GET", "/terminal/v1/counter/sales/" + saleId, null)
                        .status())
                .isEqualTo(404);
        TestServer.Answer taken =
                f.as(f.boxOffice, "POST", "/terminal/v1/counter/sales", CounterFixture.saleBody(saleId, "tour-adult"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(f.remaining()).isEqualTo(99);
    }

    @Test
    void onlySellersSellAndOnlyABoxOfficeTakesCash() {
        TestServer.Answer gate = f.as(
                f.gate,
                "POST",
                "/terminal/v1/counter/sales",
                CounterFixture.saleBody(UUID.randomUUID().toString(), "tour-adult"));
        assertThat(gate.status()).isEqualTo(403);
        assertThat(gate.json().get("code").asText()).isEqualTo("NOT_A_SELLER");
        assertThat(f.as(f.gate, "GET", "/terminal/v1/counter/catalogue", null)
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("NOT_A_SELLER");

        String saleId = f.sell(f.kiosk, "tour-adult");
        TestServer.Answer cash = f.as(
                f.kiosk,
                "POST",
                "/terminal/v1/counter/sales/" + saleId + "/payment",
                "{\"method\":\"CASH\",\"tenderedFen\":10000}");
        assertThat(cash.status()).isEqualTo(403);
        assertThat(cash.json().get("code").asText()).isEqualTo("BOX_OFFICE_ONLY");
        assertThat(f.sale(f.kiosk, saleId).get("state").asText()).isEqualTo("AWAITING_PAYMENT");

        String atDesk = f.sell(f.boxOffice, "tour-adult");
        JsonNode paid = f.pay(f.boxOffice, atDesk, "{\"method\":\"CASH\",\"tenderedFen\":10000}");
        assertThat(paid.get("state").asText()).isEqualTo("PAID");
        assertThat(paid.get("payment").get("method").asText()).isEqualTo("CASH");
        assertThat(paid.get("tickets")).hasSize(1);
    }
}
