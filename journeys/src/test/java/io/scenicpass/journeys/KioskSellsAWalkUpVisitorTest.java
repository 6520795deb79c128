package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A walk-up visitor buys a park entry at the demo's ticket machine (the kiosk enrolled with the demo's KIOSK token,
 * speaking the counter API over HTTP), pays with the payment code on the phone, walks through the north gate with the
 * ticket's QR, and the operator finds the sale in the counter report, by device and payment method.
 */
class KioskSellsAWalkUpVisitorTest {
    @TempDir
    Path dir;

    @Test
    void boughtAtTheKioskAdmittedAtTheGateReportedToTheOperator() throws Exception {
        try (Park park = Park.open(dir)) {
            TestServer ts = park.server;
            TestServer.Answer enrolled = ts.post(
                    "/terminal/v1/enroll",
                    null,
                    "{\"token\":\"" + park.demo.kioskEnrollmentToken() + "\",\"deviceName\":\"售票机 1\"}");
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
            Map<String, String> kiosk = Map.of(
                    "Authorization",
                    "Device " + enrolled.json().get("deviceToken").asText());

            JsonNode catalogue = ts.send("GET", "/terminal/v1/counter/catalogue", null, null, kiosk)
                    .json();
            JsonNode entry = null;
            for (JsonNode p : catalogue.get("products")) {
                entry = p.get("id").asText().equals("park-entry") ? p : entry;
            }
            assertThat(entry).as("the park entry ticket is on sale today").isNotNull();
            JsonNode slot = entry.get("slots").get(0);
            int before = slot.get("remaining").asInt();

            String saleId = UUID.randomUUID().toString();
            TestServer.Answer held = ts.send(
                    "POST",
                    "/terminal/v1/counter/sales",
                    null,
                    "{\"saleId\":\"" + saleId + "\",\"productId\":\"park-entry\",\"slotId\":\""
                            + slot.get("id").asText() + "\",\"items\":[{\"unitId\":\"park-entry-adult\"}]}",
                    kiosk);
            assertThat(held.status()).as(held.body()).isEqualTo(201);
            JsonNode paid = ts.send(
                            "POST",
                            "/terminal/v1/counter/sales/" + saleId + "/payment",
                            null,
                            "{\"method\":\"CODE\",\"paymentCode\":\"134567890123456789\"}",
                            kiosk)
                    .json();
            assertThat(paid.get("state").asText()).isEqualTo("PAID");
            String qr = paid.get("tickets").get(0).get("qrText").asText();

            park.timeIs(
                    OffsetDateTime.parse(slot.get("start").asText()).toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).as("the gate's first sync").isTrue();
            Decision d = north.scan(qr);
            assertThat(d.admitted())
                    .as("the visitor with the kiosk's ticket: %s", d)
                    .isTrue();

            JsonNode report = park.admin("GET", "/admin/v1/counter/report?from=2026-06-01", null)
                    .json();
            assertThat(report.get("sales").get("count").asLong()).isEqualTo(1);
            assertThat(report.get("byMethod").get(0).get("key").asText()).isEqualTo("CODE");
            assertThat(report.get("byDevice").get(0).get("key").asText())
                    .isEqualTo(enrolled.json().get("deviceId").asText());
            JsonNode after = ts.send("GET", "/terminal/v1/counter/catalogue?date=2026-06-01", null, null, kiosk)
                    .json();
            for (JsonNode p : after.get("products")) {
                if (p.get("id").asText().equals("park-entry")) {
                    assertThat(p.get("slots").get(0).get("remaining").asInt()).isEqualTo(before - 1);
                }
            }
        }
    }
}
