package io.scenicpass.server.offers;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A once-per-visitor offer and a buyer the visitor hub has never seen, through the real server and the real hub: the
 * second order moments after the first (before the hub's feed reads either) is refused, not discounted again.
 */
class OncePerVisitorTest {
    @TempDir
    Path dir;

    TestServer ts;
    String key;

    @BeforeEach
    void open() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        ts.product("park", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        key = ts.channel("ota", 10_000, 10_000, null);
        Answer a = ts.post(
                "/admin/v1/offers",
                TestServer.ADMIN,
                "{\"code\":\"WELCOME\",\"title\":\"Welcome\",\"kind\":\"AMOUNT\",\"amount\":1000,\"perVisitorLimit\":1}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    @AfterEach
    void close() {
        ts.close();
    }

    Answer reserve(String uuid, String email) {
        String body = TestServer.reserve(uuid, "park", OffersOctoTest.SLOT, "park-adult");
        return ts.send(
                "POST",
                "/octo/bookings",
                key,
                body.substring(0, body.length() - 1) + ",\"offerCode\":\"WELCOME\",\"contact\":{\"emailAddress\":\""
                        + email + "\"}}",
                Map.of("Octo-Capabilities", OffersOctoTest.PRICING));
    }

    @Test
    void aNewBuyersSecondOrderIsRefusedBeforeTheHubHasSeenTheFirst() {
        Answer first = reserve("w1", "new.buyer@example.com");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("pricing").get("retail").asInt()).isEqualTo(9000);

        Answer again = reserve("w2", "NEW.BUYER@example.com");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errorMessage").asText()).startsWith("OFFER_LIMIT_REACHED");

        Answer other = reserve("w3", "someone.else@example.com");
        assertThat(other.status()).as("another new buyer still gets it").isEqualTo(200);
        assertThat(other.json().get("pricing").get("retail").asInt()).isEqualTo(9000);
    }
}
