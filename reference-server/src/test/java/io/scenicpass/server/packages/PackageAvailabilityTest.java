package io.scenicpass.server.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCTO availability of a package (over HTTP, the OTA's view) is the smaller of our vacancies and what the partners'
 * allotments leave that day: 2 rooms (one per booking) and 3 bus seats (one per person) show 3 places, then LIMITED
 * when one seat is left, SOLD_OUT when the rooms are gone or on a day without an allotment; a partner's new allotment
 * shows at once. Before, availability showed our 100 places and only the reservation refused.
 */
class PackageAvailabilityTest {
    @TempDir
    Path dir;

    TestServer ts;
    PackageFixture f;

    @BeforeEach
    void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        f = new PackageFixture(ts, 2, 3);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    /** The package's first slot of {@code day} as OCTO answers it. */
    JsonNode slot(String day) {
        TestServer.Answer a = ts.post(
                "/octo/availability",
                f.key,
                "{\"productId\":\"pkg\",\"optionId\":\"pkg-opt\",\"localDateStart\":\"" + day + "\",\"localDateEnd\":\""
                        + day + "\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get(0);
    }

    @Test
    void availabilityIsTheSmallerOfOurPlacesAndThePartnersAllotments() {
        JsonNode open = slot(PackageFixture.DAY);
        assertThat(open.get("vacancies").asInt()).isEqualTo(3); // the bus's 3 seats, not our 100 places
        assertThat(open.get("capacity").asInt()).isEqualTo(3);
        assertThat(open.get("status").asText()).isEqualTo("AVAILABLE");

        assertThat(f.reserve("b1", 2).status()).isEqualTo(200); // a room and 2 seats held
        JsonNode one = slot(PackageFixture.DAY);
        assertThat(one.get("vacancies").asInt()).isEqualTo(1);
        assertThat(one.get("status").asText()).isEqualTo("LIMITED");
        assertThat(one.get("available").asBoolean()).isTrue();

        assertThat(f.reserve("b2", 1).status()).isEqualTo(200); // the last room
        JsonNode none = slot(PackageFixture.DAY);
        assertThat(none.get("vacancies").asInt()).isZero();
        assertThat(none.get("status").asText()).isEqualTo("SOLD_OUT");
        assertThat(none.get("available").asBoolean()).isFalse();

        // the next day has no allotment: sold out, though our slots are empty
        assertThat(slot("2026-06-06").get("status").asText()).isEqualTo("SOLD_OUT");

        // the hotel adds rooms and the bus seats through the partner API: seen at once (never a cached answer)
        assertThat(ts.send(
                                "PUT",
                                "/partner/v1/allotments/lakeside-double/" + PackageFixture.DAY,
                                f.hotelToken,
                                "{\"total\":10}",
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(ts.send(
                                "PUT",
                                "/partner/v1/allotments/bus-1/" + PackageFixture.DAY,
                                f.busToken,
                                "{\"total\":20}",
                                Map.of())
                        .status())
                .isEqualTo(200);
        JsonNode more = slot(PackageFixture.DAY);
        assertThat(more.get("vacancies").asInt()).isEqualTo(17);
        assertThat(more.get("capacity").asInt()).isEqualTo(20);
        assertThat(more.get("status").asText()).isEqualTo("AVAILABLE");
    }
}
