package io.scenicpass.server.identity;

import static io.scenicpass.server.identity.IdentityFixture.SLOT;
import static io.scenicpass.server.identity.IdentityFixture.cnId;
import static io.scenicpass.server.identity.IdentityFixture.identity;
import static io.scenicpass.server.identity.IdentityFixture.reserve;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Visitors' documents are erased after the retention period (the Clock-driven job) and on request (admin API). */
class IdentityErasureTest {
    @TempDir
    Path dir;

    TestServer ts;
    String key;

    @BeforeEach
    void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of("identity.retentionDays", "7"));
        IdentityFixture.product(ts, "rn", false);
        key = ts.channel("ota", 1000, 1000, null);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    private void book(String uuid, String number) {
        Answer a = ts.post(
                "/octo/bookings", key, reserve(uuid, "rn", SLOT, "rn-senior=" + identity("CN_ID", number, "孙八", null)));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(ts.post("/octo/bookings/" + uuid + "/confirm", key, null).status())
                .isEqualTo(200);
    }

    @Test
    void theJobErasesDocumentsSevenDaysAfterTheVisitWithTheirLimitPlacesAndManifestBindings() {
        book("e-1", cnId("19550101", "011"));
        IdentityErasure erasure = ts.server.identity().erasure;
        ts.clock.set(java.time.Instant.parse("2026-06-09T12:00:00Z")); // visit 06-02 + 7 days: still kept
        assertThat(erasure.eraseExpired()).isZero();
        assertThat(count("visitor_identity")).isEqualTo(1);
        ts.clock.advance(Duration.ofDays(1));
        assertThat(erasure.eraseExpired()).isEqualTo(1);
        assertThat(count("visitor_identity")).isZero();
        assertThat(count("identity_claim")).isZero();
        assertThat(count("pass_credential")).isZero();
        assertThat(ts.get("/octo/bookings/e-1", key)
                        .json()
                        .get("unitItems")
                        .get(0)
                        .has("identity"))
                .isFalse();
    }

    @Test
    void anOperatorErasesABookingsOrADocumentsIdentitiesOnRequest() {
        String number = cnId("19550202", "022");
        book("r-1", number);
        book("r-2", number);
        book("r-3", cnId("19550303", "033"));
        Answer one = ts.send("DELETE", "/admin/v1/identity/bookings/r-3", TestServer.ADMIN, null, Map.of());
        assertThat(one.json().get("erased").asInt()).isEqualTo(1);
        Answer doc = ts.post(
                "/admin/v1/identity/erase", TestServer.ADMIN, "{\"type\":\"CN_ID\",\"number\":\"" + number + "\"}");
        assertThat(doc.status()).as(doc.body()).isEqualTo(200);
        assertThat(doc.json().get("bookings").asInt()).isEqualTo(2);
        assertThat(count("visitor_identity")).isZero();
        Answer bad = ts.post("/admin/v1/identity/erase", TestServer.ADMIN, "{\"type\":\"CN_ID\",\"number\":\"123\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(ts.post("/admin/v1/identity/erase", null, "{}").status()).isEqualTo(401);
    }

    private long count(String table) {
        return ts.server
                .database()
                .read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1))
                        .orElseThrow());
    }
}
