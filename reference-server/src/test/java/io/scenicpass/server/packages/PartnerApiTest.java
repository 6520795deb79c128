package io.scenicpass.server.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partners' API (allotments set idempotently, typed refusals, one partner cannot touch another's) and the
 * settlement's partner section (what the park owes each partner, net of cancellations; the channels' lines stay).
 */
class PartnerApiTest {
    @TempDir
    Path dir;

    TestServer ts;
    PackageFixture f;

    @BeforeEach
    void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        f = new PackageFixture(ts, 3, 10);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    private Answer put(String path, String token, String body) {
        return ts.send("PUT", path, token, body, Map.of());
    }

    @Test
    void aPartnerSetsItsOwnAllotmentIdempotently() {
        String path = "/partner/v1/allotments/lakeside-double/2026-06-06";
        Answer first = put(path, f.hotelToken, "{\"total\":4}");
        Answer again = put(path, f.hotelToken, "{\"total\":4}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.json().path("total").asInt()).isEqualTo(4);
        assertThat(ts.get("/partner/v1/allotments/lakeside-double?from=2026-06-05&to=2026-06-06", f.hotelToken)
                        .json())
                .hasSize(2);
        // the operator sees the same through the admin API
        assertThat(ts.get("/admin/v1/partners/lakeside/allotments/lakeside-double?from=2026-06-06", TestServer.ADMIN)
                        .json()
                        .get(0)
                        .path("total")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void badRequestsGetTypedRefusals() {
        String path = "/partner/v1/allotments/lakeside-double/2026-06-06";
        assertThat(put(path, null, "{\"total\":4}").status()).isEqualTo(401);
        assertThat(put(path, "ptn_wrong", "{\"total\":4}").status()).isEqualTo(401);
        assertThat(put(path, f.busToken, "{\"total\":4}").status()).isEqualTo(404); // another partner's resource
        assertThat(put(path, f.hotelToken, "{\"total\":\"4\"}").status()).isEqualTo(400);
        assertThat(put(path, f.hotelToken, "{\"total\":4,\"extra\":1}").status())
                .isEqualTo(400);
        assertThat(put(path, f.hotelToken, "{\"total\":-1}").status()).isEqualTo(400);
        assertThat(put(path, f.hotelToken, "").status()).isEqualTo(400);
        Answer badDay = put("/partner/v1/allotments/lakeside-double/06-06-2026", f.hotelToken, "{\"total\":4}");
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.json().path("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(badDay.body()).contains("YYYY-MM-DD").doesNotContain("Exception");
        assertThat(ts.get("/partner/v1/vouchers/PVNOSUCHCODE", f.hotelToken).status())
                .isEqualTo(404);

        // a total below what is taken is refused and changes nothing
        f.book("p-1", 1);
        Answer below =
                put("/partner/v1/allotments/lakeside-double/" + PackageFixture.DAY, f.hotelToken, "{\"total\":0}");
        assertThat(below.status()).isEqualTo(409);
        assertThat(below.json().path("code").asText()).isEqualTo("CONFLICT");
        assertThat(below.body()).contains("cannot fall below its 1 place(s)");
        assertThat(f.allotment(f.hotelToken, "lakeside-double").path("total").asInt())
                .isEqualTo(3);
    }

    @Test
    void theOperatorsPackageDefinitionsAreChecked() {
        Answer unknown = ts.send(
                "PUT",
                "/admin/v1/packages/pkg",
                TestServer.ADMIN,
                "{\"parts\":[{\"resourceId\":\"nope\",\"dayOffset\":0}]}",
                Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no such partner resource");
        assertThat(ts.send("PUT", "/admin/v1/packages/no-product", TestServer.ADMIN, "{\"parts\":[]}", Map.of())
                        .status())
                .isEqualTo(400); // INVALID_PRODUCT_ID
        assertThat(ts.get("/admin/v1/packages/pkg", TestServer.ADMIN).json().path("parts"))
                .hasSize(2); // unchanged by the refusal
    }

    @Test
    void theSettlementOwesEachPartnerItsPartsNetOfCancellations() {
        f.book("p-1", 2);
        f.book("p-2", 1);
        assertThat(ts.post("/octo/bookings/p-2/cancel", f.key, "{}").status()).isEqualTo(200);
        ts.clock.set(Instant.parse("2026-06-01T12:00:00Z"));

        JsonNode s = ts.get("/admin/v1/settlement?from=2026-06-01&to=2026-06-01", TestServer.ADMIN)
                .json();
        // the channel's lines as before: 2 bookings sold, 3 places, one booking (1 place) cancelled
        JsonNode ota = s.path("lines").get(0);
        assertThat(ota.path("channelId").asText()).isEqualTo("ota");
        assertThat(ota.path("soldPlaces").asLong()).isEqualTo(3);
        JsonNode bus = s.path("partners").get(0);
        JsonNode hotel = s.path("partners").get(1);
        assertThat(bus.path("partnerId").asText()).isEqualTo("citybus");
        assertThat(bus.path("soldPlaces").asLong()).isEqualTo(3);
        assertThat(bus.path("soldNetFen").asLong()).isEqualTo(6000);
        assertThat(bus.path("cancelledNetFen").asLong()).isEqualTo(2000);
        assertThat(bus.path("owedNetFen").asLong()).isEqualTo(4000);
        assertThat(hotel.path("partnerId").asText()).isEqualTo("lakeside");
        assertThat(hotel.path("soldParts").asLong()).isEqualTo(2);
        assertThat(hotel.path("soldNetFen").asLong()).isEqualTo(60000);
        assertThat(hotel.path("cancelledPlaces").asLong()).isEqualTo(1);
        assertThat(hotel.path("owedNetFen").asLong()).isEqualTo(30000);
    }
}
