package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator API over HTTP: products, prices, channels and keys, slots, devices. */
class AdminApiTest {
    @TempDir
    Path dir;

    static final String PRODUCT = "{\"product\":{\"id\":\"museum\",\"internalName\":\"Museum\",\"reference\":\"M\","
            + "\"timeZone\":\"Asia/Shanghai\",\"passKind\":\"TIMED_SLOT\",\"groupPass\":false,\"zones\":[\"hall\"],"
            + "\"dayPool\":null,\"cancelCutoffMinutes\":120,\"currency\":\"CNY\",\"active\":true},"
            + "\"options\":[{\"option\":{\"id\":\"museum-am\",\"productId\":\"museum\",\"internalName\":\"Morning\","
            + "\"isDefault\":true,\"openTime\":\"09:00\",\"closeTime\":\"12:00\",\"intervalMinutes\":60,\"slotCapacity\":30,"
            + "\"closedWeekdays\":[\"MONDAY\"],\"closedDates\":[\"2026-06-05\"]},"
            + "\"units\":[{\"unit\":{\"id\":\"museum-adult\",\"optionId\":\"museum-am\",\"type\":\"ADULT\","
            + "\"internalName\":\"Adult\",\"minAge\":18,\"maxAge\":null,\"idRequired\":true,\"paxCount\":1},"
            + "\"retail\":6000,\"net\":5000}]}]}";

    @Test
    void operatorCreatesProductsChannelsPricesAndManagesSlots() {
        try (TestServer ts = TestServer.h2(dir)) {
            Answer created = ts.post("/admin/v1/products", TestServer.ADMIN, PRODUCT);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(ts.post("/admin/v1/products", TestServer.ADMIN, PRODUCT).status())
                    .isEqualTo(409);
            assertThat(ts.post("/admin/v1/products", TestServer.ADMIN, PRODUCT.replace("Asia/Shanghai", "Mars/Base"))
                            .json()
                            .get("code")
                            .asText())
                    .isEqualTo("BAD_REQUEST");

            Answer ch = ts.post(
                    "/admin/v1/channels",
                    TestServer.ADMIN,
                    "{\"id\":\"agency-x\",\"name\":\"Agency X\","
                            + "\"kind\":\"AGENCY\",\"ratePerSecond\":20,\"burst\":40}");
            assertThat(ch.status()).as(ch.body()).isEqualTo(201);
            String key = ch.json().get("apiKey").asText();
            assertThat(ts.send(
                                    "PUT",
                                    "/admin/v1/prices",
                                    TestServer.ADMIN,
                                    "{\"unitId\":\"museum-adult\",\"channelId\":\"agency-x\",\"retail\":5500,\"net\":5000}",
                                    Map.of())
                            .status())
                    .isEqualTo(204);
            JsonNode product = ts.send(
                            "GET", "/octo/products/museum", key, null, Map.of("Octo-Capabilities", "octo/pricing"))
                    .json();
            assertThat(product.get("options")
                            .get(0)
                            .get("units")
                            .get(0)
                            .get("pricingFrom")
                            .get(0)
                            .get("retail")
                            .asInt())
                    .isEqualTo(5500);

            JsonNode slots = ts.get("/admin/v1/slots?productId=museum&from=2026-06-04&to=2026-06-08", TestServer.ADMIN)
                    .json();
            // 06-04 Thu, 06-05 closed date, 06-06 Sat, 06-07 Sun, 06-08 Monday closed → 3 days × 3 slots
            assertThat(slots).hasSize(9);
            String slotId =
                    slots.get(0).get("slotId").asText().replace("|", "%7C").replace("+", "%2B");
            assertThat(ts.send(
                                    "PUT",
                                    "/admin/v1/slots/" + slotId + "/closed",
                                    TestServer.ADMIN,
                                    "{\"closed\":true}",
                                    Map.of())
                            .status())
                    .isEqualTo(204);
            JsonNode av = ts.post("/octo/availability", key, "{\"productId\":\"museum\",\"localDate\":\"2026-06-04\"}")
                    .json();
            assertThat(av.get(0).get("status").asText()).isEqualTo("CLOSED");
            assertThat(av.get(1).get("status").asText()).isEqualTo("AVAILABLE");

            // a new key works, revoking all keys locks the channel out
            String second = ts.post("/admin/v1/channels/agency-x/keys", TestServer.ADMIN, null)
                    .json()
                    .get("apiKey")
                    .asText();
            assertThat(ts.get("/octo/supplier", second).status()).isEqualTo(200);
            assertThat(ts.send("DELETE", "/admin/v1/channels/agency-x/keys", TestServer.ADMIN, null, Map.of())
                            .json()
                            .get("revoked")
                            .asInt())
                    .isEqualTo(2);
            assertThat(ts.get("/octo/supplier", second).status()).isEqualTo(401);

            assertThat(ts.get("/admin/v1/devices", TestServer.ADMIN).json()).isEmpty();
            assertThat(ts.get("/admin/v1/keys", TestServer.ADMIN).json()).hasSize(2); // root + issuer
        }
    }

    /** No optionId means the option marked default, in the admin API as in OCTO (the admin API took the first). */
    @Test
    void slotsWithoutAnOptionAreThoseOfTheDefaultOptionEvenWhenItIsNotTheFirst() {
        String pm = "{\"option\":{\"id\":\"museum-pm\",\"productId\":\"museum\",\"internalName\":\"Afternoon\","
                + "\"isDefault\":true,\"openTime\":\"13:00\",\"closeTime\":\"15:00\",\"intervalMinutes\":60,"
                + "\"slotCapacity\":10,\"closedWeekdays\":[],\"closedDates\":[]},"
                + "\"units\":[{\"unit\":{\"id\":\"museum-pm-adult\",\"optionId\":\"museum-pm\",\"type\":\"ADULT\","
                + "\"internalName\":\"Adult\",\"minAge\":null,\"maxAge\":null,\"idRequired\":false,\"paxCount\":1},"
                + "\"retail\":4000,\"net\":3000}]}";
        String twoOptions =
                PRODUCT.replace("\"isDefault\":true", "\"isDefault\":false").replace("}]}]}", "}]}," + pm + "]}");
        try (TestServer ts = TestServer.h2(dir)) {
            Answer created = ts.post("/admin/v1/products", TestServer.ADMIN, twoOptions);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String key = ts.channel("ota", 100, 100, null);

            JsonNode slots = ts.get("/admin/v1/slots?productId=museum&from=2026-06-04", TestServer.ADMIN)
                    .json();
            JsonNode octo = ts.post(
                            "/octo/availability", key, "{\"productId\":\"museum\",\"localDate\":\"2026-06-04\"}")
                    .json();
            assertThat(slots)
                    .extracting(n -> n.get("slotId").asText())
                    .containsExactly("museum-pm|2026-06-04T13:00:00+08:00", "museum-pm|2026-06-04T14:00:00+08:00");
            assertThat(octo)
                    .extracting(n -> n.get("id").asText())
                    .containsExactly("2026-06-04T13:00:00+08:00", "2026-06-04T14:00:00+08:00");
        }
    }
}
