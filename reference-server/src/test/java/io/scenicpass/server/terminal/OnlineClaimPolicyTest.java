package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.PassCodec;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration, not code: the product policy decides whether passes carry the "online preferred" claim (on by
 * default, off per product), and the device config carries the claim's latency budget
 * ({@code terminal.onlineCheckMillis}).
 */
class OnlineClaimPolicyTest {
    @TempDir
    Path dir;

    @Test
    void productPolicySetsTheClaimAndTheDeviceConfigCarriesTheBudget() {
        try (TestServer ts = new TestServer(
                        dir.resolve("server"),
                        null,
                        new MutableClock(TestServer.START),
                        Map.of("terminal.onlineCheckMillis", "250"));
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            assertThat(claimOf(TerminalFixtures.book(ts, key, "policy-1"))).isTrue();
            assertThat(ts.get("/admin/v1/products/tour/online-claim", TestServer.ADMIN)
                            .json()
                            .get("onlineClaim")
                            .asBoolean())
                    .isTrue();

            assertThat(ts.send(
                                    "PUT",
                                    "/admin/v1/products/tour/online-claim",
                                    TestServer.ADMIN,
                                    "{\"onlineClaim\":false}",
                                    Map.of())
                            .status())
                    .isEqualTo(204);
            assertThat(claimOf(TerminalFixtures.book(ts, key, "policy-2"))).isFalse();

            // bad input: typed errors
            TestServer.Answer unknown = ts.send(
                    "PUT",
                    "/admin/v1/products/nope/online-claim",
                    TestServer.ADMIN,
                    "{\"onlineClaim\":true}",
                    Map.of());
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
            TestServer.Answer missing =
                    ts.send("PUT", "/admin/v1/products/tour/online-claim", TestServer.ADMIN, "{}", Map.of());
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("code").asText()).isNotBlank();

            DeviceCredentials gate = th.enroll(dir.resolve("gate"), "gate-a");
            TestServer.Answer config = ts.send(
                    "GET", "/terminal/v1/config", null, null, Map.of("Authorization", "Device " + gate.deviceToken()));
            assertThat(config.json().get("onlineCheckBudgetMillis").asLong()).isEqualTo(250);
        }
    }

    private static boolean claimOf(String passText) {
        return PassCodec.decode(passText).claims().onlinePreferred();
    }
}
