package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.testing.CtripClient;
import io.scenicpass.server.testing.CtripReceiver;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrip, which does not speak OCTO, sells tomorrow's park entry through its own supplier interface: the operator
 * makes the demo's "ctrip" channel a Ctrip account, Ctrip creates and pays an order for two adults (and retries the
 * payment, as it does on a timeout), the visitors show their vouchers at the north gate, and Ctrip hears that the
 * tickets were consumed, in its own signed format.
 */
class CtripSellsTheParkTest {
    static final String ACCOUNT = "scenicpass-demo";
    static final String KEY = "ctrip-journey-key";

    @TempDir
    Path dir;

    @Test
    void aCtripOrderBecomesPassesThatEnterAndCtripHearsTheyWereConsumed() throws Exception {
        try (CtripReceiver ctripSide = new CtripReceiver();
                Park park = Park.open(dir, Map.of("webhooks.allowPrivateTargets", "true"))) {
            List<JsonNode> notices = ctripSide.received;
            // the operator: the demo's ctrip channel is Ctrip account ACCOUNT, signing with KEY
            TestServer.Answer set = park.admin(
                    "PUT",
                    "/admin/v1/channels/ctrip/ctrip",
                    "{\"accountId\":\"" + ACCOUNT + "\",\"signKey\":\"" + KEY + "\",\"noticeUrl\":\"" + ctripSide.url()
                            + "\"}");
            assertThat(set.status()).as(set.body()).isEqualTo(204);
            String adult = adultUnit(park);

            CtripClient ctrip =
                    new CtripClient(park.server.server.baseUrl(), park.server.http, park.clock, ACCOUNT, KEY);
            String items = "[" + CtripClient.item("CT-ITEM-1", adult, "2026-06-02", 2) + "]";
            JsonNode created = ctrip.call("CreatePreOrder", CtripClient.order("CT-8801", items, "[]"));
            assertThat(code(created)).as(created.toString()).isEqualTo("0000");
            JsonNode paid = ctrip.call("PayPreOrder", CtripClient.ref("CT-8801"));
            assertThat(code(paid)).as(paid.toString()).isEqualTo("0000");
            JsonNode retried = ctrip.call("PayPreOrder", CtripClient.ref("CT-8801"));
            assertThat(retried.get("body"))
                    .as("Ctrip's retry, answered the same")
                    .isEqualTo(paid.get("body"));
            JsonNode vouchers = paid.get("body").get("vouchers");
            assertThat(vouchers).hasSize(2);

            // the visit: both vouchers admitted at the north gate
            JsonNode octo = park.server
                    .get(
                            "/octo/bookings/"
                                    + created.get("body").get("supplierOrderId").asText(),
                            park.demo.channelKeys().get("ctrip"))
                    .json();
            park.timeIs(java.time.OffsetDateTime.parse(
                            octo.get("availability").get("localDateTimeStart").asText())
                    .toInstant()
                    .plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).as("the gate's first sync").isTrue();
            for (JsonNode v : vouchers) {
                Decision d = north.scan(v.get("voucherCode").asText());
                assertThat(d.admitted()).as("visitor: %s", d).isTrue();
            }

            // Ctrip hears it: OrderConsumedNotice, signed with the shared key, both tickets used
            Park.eventually("the consumed notice reached Ctrip", () -> {
                north.syncNow();
                park.server.server.adapters().ctripNotices.reportConsumed(); // the job's work, now
                park.server.server.webhooks().deliverDue();
                return notices.stream().anyMatch(n -> consumed(n) == 2);
            });
            JsonNode notice =
                    notices.stream().filter(n -> consumed(n) == 2).findFirst().orElseThrow();
            assertThat(CtripClient.signedBy(notice, KEY)).isTrue();
            assertThat(notice.get("header").get("accountId").asText()).isEqualTo(ACCOUNT);
            assertThat(notice.get("body").get("otaOrderId").asText()).isEqualTo("CT-8801");
            assertThat(notice.get("body").get("items").get(0).get("itemId").asText())
                    .isEqualTo("CT-ITEM-1");
            JsonNode q = ctrip.call("QueryOrder", CtripClient.ref("CT-8801"));
            assertThat(q.get("body").get("items").get(0).get("orderStatus").asInt())
                    .as("used")
                    .isEqualTo(4);
            assertThat(code(ctrip.call("CancelOrder", CtripClient.ref("CT-8801"))))
                    .as("a used order cannot be cancelled")
                    .isEqualTo("3002");
        }
    }

    private static int consumed(JsonNode n) {
        if (!n.get("header").get("serviceName").asText().equals("OrderConsumedNotice")) {
            return -1;
        }
        return n.get("body").get("items").get(0).get("useQuantity").asInt();
    }

    private static String code(JsonNode reply) {
        return reply.get("header").get("resultCode").asText();
    }

    private static String adultUnit(Park park) {
        JsonNode product = park.server
                .get("/octo/products/park-entry", park.demo.channelKeys().get("ctrip"))
                .json();
        for (JsonNode u : product.get("options").get(0).get("units")) {
            if (u.get("type").asText().equals("ADULT")) {
                return u.get("id").asText();
            }
        }
        throw new AssertionError("no adult unit");
    }
}
