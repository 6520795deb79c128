package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.Await;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gates' event streams stay open for as long as a gate is online: the in-flight bound ({@code http.maxInFlight})
 * must not count them, or a park with more gates than the bound would lock every other request out.
 */
class EventStreamsBesideTheInFlightBoundTest {
    @TempDir
    Path dir;

    TestServer ts;

    @AfterEach
    void stop() {
        if (ts != null) {
            ts.close();
        }
    }

    @Test
    void moreOpenEventStreamsThanTheBoundAndRequestsStillAnswered() throws Exception {
        ts = SecurityFixture.server(dir, Map.of("http.maxInFlight", "1", "http.maxWaitSeconds", "3"));
        DeviceCredentials a = SecurityFixture.enroll(ts, dir.resolve("a"), "gate-a");
        DeviceCredentials b = SecurityFixture.enroll(ts, dir.resolve("b"), "gate-b");
        SecurityFixture.openEventStream(ts, "Device " + a.deviceToken());
        SecurityFixture.openEventStream(ts, "Device " + b.deviceToken());
        Await.until("both streams registered", () -> ts.server.push().connected() == 2);
        assertThat(ts.get("/health", null).status()).isEqualTo(200);
        assertThat(SecurityFixture.send(ts, "GET", "/terminal/v1/config", "Device " + a.deviceToken(), null)
                        .status())
                .isEqualTo(200);
        assertThat(ts.get("/admin/v1/terminals", TestServer.ADMIN).status()).isEqualTo(200);
    }
}
