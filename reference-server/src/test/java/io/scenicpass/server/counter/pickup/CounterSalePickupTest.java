package io.scenicpass.server.counter.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.counter.CounterFixture;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A booking bought at a kiosk was printed by that kiosk with the sale: pick-up shows it printed there and refuses a
 * second, unaudited copy; the box office may still reprint it, audited.
 */
class CounterSalePickupTest {
    @TempDir
    Path dir;

    TestServer ts;
    CounterFixture f;

    @BeforeEach
    void start() {
        ts = TestServer.h2(dir);
        f = new CounterFixture(ts);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void aKioskSaleIsPrintedAlreadyAndOnlyTheBoxOfficeReprintsIt() {
        String saleId = f.sell(f.kiosk, "tour-adult", "tour-adult");
        JsonNode paid = f.pay(f.kiosk, saleId, "{\"method\":\"CODE\",\"paymentCode\":\"134567890123456789\"}");
        assertThat(paid.get("state").asText()).isEqualTo("PAID");
        String bookingId = paid.get("bookingId").asText();

        JsonNode found = f.as(
                        f.kiosk,
                        "POST",
                        "/terminal/v1/counter/pickups/lookup",
                        "{\"bookingCode\":\"" + bookingId + "\"}")
                .json()
                .get("bookings")
                .get(0);
        assertThat(found.get("printable").asBoolean()).isFalse();
        assertThat(found.get("refusal").get("code").asText()).isEqualTo("ALREADY_PRINTED");
        assertThat(found.get("printed").get("deviceName").asText()).isEqualTo("KIOSK");
        assertThat(found.get("reprints").asInt()).isZero();

        TestServer.Answer again = f.as(f.kiosk, "POST", "/terminal/v1/counter/pickups/" + bookingId + "/print", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_PRINTED");

        TestServer.Answer reprint = f.as(
                f.boxOffice,
                "POST",
                "/terminal/v1/counter/pickups/" + bookingId + "/reprint",
                "{\"reason\":\"ticket lost\"}");
        assertThat(reprint.status()).isEqualTo(200);
        assertThat(reprint.json().get("reprints").asInt()).isEqualTo(1);
    }
}
