package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client's {@code X-Request-Id} comes back on the answer (success and typed error alike); a malformed one does not. */
class RequestIdTest {
    @TempDir
    static Path dir;

    static TestServer ts;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void echoedOnSuccessAndOnErrors() {
        TestServer.Answer ok = ts.send("GET", "/health", null, null, Map.of("X-Request-Id", "req-1.a_B"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headers()).containsEntry("x-request-id", "req-1.a_B");
        TestServer.Answer denied =
                ts.send("POST", "/admin/v1/channels/nope/keys", "wrong", "{}", Map.of("X-Request-Id", "req-2"));
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.headers()).containsEntry("x-request-id", "req-2");
        TestServer.Answer missing = ts.send(
                "POST", "/admin/v1/channels/nope/keys", TestServer.ADMIN, "{}", Map.of("X-Request-Id", "req-3"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers()).containsEntry("x-request-id", "req-3");
    }

    @Test
    void malformedIdsAreNotEchoed() {
        TestServer.Answer a = ts.send("GET", "/health", null, null, Map.of("X-Request-Id", "has space<script>"));
        assertThat(a.headers()).doesNotContainKey("x-request-id");
        TestServer.Answer b = ts.send("GET", "/health", null, null, Map.of("X-Request-Id", "x".repeat(65)));
        assertThat(b.headers()).doesNotContainKey("x-request-id");
    }
}
