package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.testing.Await;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal credentials over the real terminal API: a revoked device is refused at once on EVERY terminal route (taken
 * from the running server's route table) and its open event stream is closed; unknown, forged and wrong-kind
 * credentials are refused; enrollment tokens are one-time, expire, and are nothing but enrollment tokens.
 */
class DeviceAccessTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String channelKey;

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir);
        channelKey = ts.channel("ota", 10_000, 10_000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    private static Set<String> terminalRoutes() throws Exception {
        Set<String> routes = SecurityFixture.servedRoutes(ts.server).stream()
                .filter(r -> r.contains(" /terminal/v1/") && !r.endsWith("/enroll"))
                .collect(Collectors.toSet());
        assertThat(routes)
                .as("device-authenticated terminal routes")
                .hasSizeGreaterThanOrEqualTo(9)
                .contains("POST /terminal/v1/entries", "GET /terminal/v1/events", "GET /terminal/v1/manifest");
        return routes;
    }

    private static List<String> refusals(String authorization, int status, String code) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String route : terminalRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = SecurityFixture.concrete(route.substring(route.indexOf(' ') + 1), "x");
            Answer a = SecurityFixture.send(ts, method, path, authorization, method.equals("GET") ? null : "{}");
            if (a.status() != status || !a.body().contains("\"" + code + "\"")) {
                failures.add(route + " -> " + a.status() + " " + a.body());
            }
        }
        return failures;
    }

    @Test
    void aRevokedDeviceIsRefusedAtOnceEverywhereAndItsEventStreamIsClosed() throws Exception {
        String text = SecurityFixture.book(ts, channelKey, "dev-revoked");
        DeviceCredentials creds = SecurityFixture.enroll(ts, dir.resolve("revoked"), "gate-a");
        String auth = "Device " + creds.deviceToken();
        assertThat(SecurityFixture.send(ts, "GET", "/terminal/v1/config", auth, null)
                        .status())
                .isEqualTo(200);

        // an open event stream
        CountDownLatch streamEnded = SecurityFixture.openEventStream(ts, auth);
        Await.until("the stream to be registered", () -> ts.server.push().connected() > 0);

        assertThat(ts.post("/admin/v1/terminals/" + creds.deviceId() + "/revoke", TestServer.ADMIN, "{}")
                        .status())
                .isEqualTo(204);
        assertThat(streamEnded.await(10, TimeUnit.SECONDS))
                .as("the open event stream was closed by the revocation")
                .isTrue();
        assertThat(refusals(auth, 403, "FORBIDDEN"))
                .as("routes that served a revoked device")
                .isEmpty();
        // an upload of a real entry is refused and stores nothing
        Answer upload = SecurityFixture.upload(
                ts.http,
                ts.server.baseUrl(),
                creds.deviceToken(),
                new EntryBatch(
                        creds.deviceId(),
                        List.of(SecurityFixture.admit(
                                SecurityFixture.passId(text), creds, SecurityFixture.SLOT_START))));
        assertThat(upload.status()).isEqualTo(403);
        assertThat(SecurityFixture.count(ts, "SELECT COUNT(*) FROM entry_event WHERE device_id=?", creds.deviceId()))
                .isZero();
        assertThat(ts.get("/octo/bookings/dev-revoked", channelKey)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void unknownForgedAndWrongKindCredentialsAreRefused() throws Exception {
        DeviceCredentials creds = SecurityFixture.enroll(ts, dir.resolve("genuine"), "gate-b");
        String token = creds.deviceToken();
        String enrollment = SecurityFixture.enrollmentToken(ts, "gate-a");
        char last = token.charAt(token.length() - 1);
        List<String> bad = List.of(
                "Device dvt_forged0000000000000000000000000000000000",
                "Device " + token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'),
                "Device " + token + "x",
                "Device " + creds.deviceId(),
                "Device " + enrollment,
                "Device " + TestServer.ADMIN,
                "Device " + channelKey,
                "Device " + "a".repeat(5000));
        for (String auth : bad) {
            assertThat(refusals(auth, 401, "UNAUTHORIZED"))
                    .as("refused: %s", auth.substring(0, Math.min(30, auth.length())))
                    .isEmpty();
        }
        for (String auth :
                new String[] {null, "", "Bearer " + token, "Bearer " + TestServer.ADMIN, "Bearer " + channelKey, token
                }) {
            assertThat(refusals(auth, 401, "UNAUTHORIZED"))
                    .as("refused: %s", auth)
                    .isEmpty();
        }
        // the genuine one still works, and the device token is no key anywhere else
        assertThat(SecurityFixture.send(ts, "GET", "/terminal/v1/config", "Device " + token, null)
                        .status())
                .isEqualTo(200);
        assertThat(ts.get("/octo/products", token).status()).isEqualTo(401);
        assertThat(ts.get("/admin/v1/devices", token).status()).isEqualTo(401);
    }

    @Test
    void enrollmentTokensAreOneTimeExpireAndAreNothingElse() {
        String wrong = SecurityFixture.send(
                        ts,
                        "POST",
                        "/terminal/v1/enroll",
                        null,
                        "{\"token\":\"enr_wrongwrongwrongwrong\",\"deviceName\":\"x\"}")
                .body();
        assertThat(wrong).contains("UNAUTHORIZED");

        String token = SecurityFixture.enrollmentToken(ts, "gate-a");
        Answer first = SecurityFixture.send(
                ts, "POST", "/terminal/v1/enroll", null, "{\"token\":\"" + token + "\",\"deviceName\":\"first\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Answer reused = SecurityFixture.send(
                ts, "POST", "/terminal/v1/enroll", null, "{\"token\":\"" + token + "\",\"deviceName\":\"second\"}");
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(reused.body())
                .doesNotContain(first.json().path("deviceToken").asText());

        // the token is not a device credential, a channel key or an admin token
        assertThat(SecurityFixture.send(ts, "GET", "/terminal/v1/config", "Device " + token, null)
                        .status())
                .isEqualTo(401);
        assertThat(ts.get("/octo/products", token).status()).isEqualTo(401);
        assertThat(ts.get("/admin/v1/devices", token).status()).isEqualTo(401);

        // a token used after its time to live (on the server's clock) is refused
        Answer shortLived = ts.post(
                "/admin/v1/enrollment-tokens",
                TestServer.ADMIN,
                "{\"gateId\":\"gate-a\",\"label\":\"short\",\"ttlHours\":1}");
        assertThat(shortLived.status()).isEqualTo(201);
        ts.clock.advance(Duration.ofMinutes(61));
        try {
            Answer late = SecurityFixture.send(
                    ts,
                    "POST",
                    "/terminal/v1/enroll",
                    null,
                    "{\"token\":\"" + shortLived.json().path("token").asText() + "\",\"deviceName\":\"late\"}");
            assertThat(late.status()).isEqualTo(401);
        } finally {
            ts.clock.advance(Duration.ofMinutes(-61));
        }
        // and no device got enrolled by any of the refused attempts: exactly the one good enrollment so far here
        assertThat(ts.get("/admin/v1/terminals", TestServer.ADMIN).json().findValuesAsText("name"))
                .doesNotContain("second", "late", "x");
    }
}
