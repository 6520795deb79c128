package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.OctoApiException;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.channel.webhook.WebhookSignature;
import io.scenicpass.channel.webhook.WebhookVerifier;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import io.scenicpass.terminal.sync.SyncClient;
import io.scenicpass.terminal.sync.SyncReport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Secrets never reach a log line, and error bodies never carry a stack trace. Every log event of the server AND of
 * the SDK clients in this JVM (sdk-channel's ChannelClient, sdk-terminal's provisioning and sync) is captured with a
 * Logback {@link ListAppender} on the root logger ({@code io.scenicpass} at TRACE, the rest at the production
 * default INFO) during a full flow: channel created with a webhook secret over the admin API, a second key, OCTO
 * bookings through the SDK (including refused calls), a signed webhook delivered, a device enrolled with a one-time
 * token, a gate synced and uploading entries, key rotation and compromise, device revocation, and wrong credentials
 * everywhere. Then no channel API key, admin token, enrollment token, device token, webhook secret, key passphrase or
 * line of private key material (the encrypted PEM files) appears in any message, argument, MDC value or exception.
 */
class SecretsInLogsTest {
    private static final String PASSPHRASE = "pass-phrase-7f3a9c";
    private static final String ADMIN = "admin-token-5be1d0";
    private static final String WEBHOOK_SECRET = "whsec-9d2c4e7a1f";

    @TempDir
    Path dir;

    @Test
    void aFullFlowLogsNoSecretAndErrorBodiesCarryNoStackTrace() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = ctx.getLogger("io.scenicpass");
        Level rootLevel = root.getLevel();
        Level oursLevel = ours.getLevel();
        logs.setContext(ctx);
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.INFO);
        ours.setLevel(Level.TRACE);
        List<String> secrets = new ArrayList<>(List.of(PASSPHRASE, ADMIN, WEBHOOK_SECRET));
        List<Answer> errors = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        MutableClock clock = new MutableClock(TestServer.START);
        List<String> hooks = new CopyOnWriteArrayList<>();
        WebhookVerifier verifier =
                WebhookVerifier.builder().secret(WEBHOOK_SECRET).clock(clock).build();
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            try {
                hooks.add(verifier.verify(
                                ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                                ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                                body)
                        .getType()
                        .name());
                ex.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                ex.sendResponseHeaders(401, -1);
            }
            ex.close();
        });
        receiver.start();
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try (TestServer ts = new TestServer(
                dir.resolve("server"),
                null,
                clock,
                Map.of("admin.token", ADMIN, "keys.passphrase", PASSPHRASE, "webhooks.allowPrivateTargets", "true"))) {
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
            ts.server.admin().putZone(new io.scenicpass.server.admin.store.SiteStore.Zone("park", "Park"));
            ts.server
                    .admin()
                    .putGate(new io.scenicpass.server.admin.store.SiteStore.Gate("gate-a", "Gate A", "park", "IN"));

            // channel with a webhook secret, and a second key, over the admin API
            Answer created = ts.post(
                    "/admin/v1/channels",
                    ADMIN,
                    "{\"id\":\"ota\",\"webhookUrl\":\"" + hookUrl + "\",\"webhookSecret\":\"" + WEBHOOK_SECRET
                            + "\",\"ratePerSecond\":1000,\"burst\":1000}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String apiKey = created.json().path("apiKey").asText();
            assertThat(created.body()).as("the webhook secret is never echoed").doesNotContain(WEBHOOK_SECRET);
            Answer second = ts.post("/admin/v1/channels/ota/keys", ADMIN, "{}");
            String apiKey2 = second.json().path("apiKey").asText();
            secrets.add(apiKey);
            secrets.add(apiKey2);
            assertThat(ts.get("/admin/v1/channels", ADMIN).body())
                    .doesNotContain(WEBHOOK_SECRET)
                    .doesNotContain(apiKey);

            // OCTO through the SDK client, with its logging at TRACE
            try (ChannelClient octo = ChannelClient.builder()
                    .baseUrl(ts.url("/octo"))
                    .apiKey(apiKey)
                    .build()) {
                octo.products();
                octo.availability(new AvailabilityRequest()
                        .productId("tour")
                        .optionId("tour-opt")
                        .localDate(LocalDate.parse("2026-06-02")));
                Booking held = octo.reserve(new BookingReservationRequest()
                        .uuid("logs-1")
                        .productId("tour")
                        .optionId("tour-opt")
                        .availabilityId(SecurityFixture.SLOT)
                        .unitItems(List.of(new UnitItemRequest().unitId("tour-adult"))));
                assertThat(held.getUuid()).isEqualTo("logs-1");
                octo.confirm("logs-1", null);
                assertThatThrownBy(() -> octo.booking("no-such-booking")).isInstanceOf(OctoApiException.class);
            }
            try (ChannelClient wrong = ChannelClient.builder()
                    .baseUrl(ts.url("/octo"))
                    .apiKey(apiKey + "-wrong")
                    .build()) {
                assertThatThrownBy(wrong::products).isInstanceOf(OctoApiException.class);
            }
            String text = ts.get("/octo/bookings/logs-1", apiKey2)
                    .json()
                    .get("unitItems")
                    .get(0)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText();
            assertThat(ts.server.webhooks().deliverDue()).isEqualTo(1);
            assertThat(hooks).containsExactly("BOOKING_CONFIRMED");

            // a device: one-time token, real provisioning, a gate that syncs, decides and uploads
            Answer token = ts.post("/admin/v1/enrollment-tokens", ADMIN, "{\"gateId\":\"gate-a\",\"label\":\"logs\"}");
            String enrollment = token.json().path("token").asText();
            secrets.add(enrollment);
            DeviceCredentials creds = new Provisioning(new CredentialStore(dir.resolve("terminal/device.json")))
                    .enroll(token.json().path("enrollmentCode").asText(), "gate logs", "SP-LOGS");
            secrets.add(creds.deviceToken());
            Clock gateClock = Clock.fixed(SecurityFixture.SLOT_START.plusSeconds(600), java.time.ZoneOffset.UTC);
            try (Gate gate = Gate.builder()
                            .stateDirectory(dir.resolve("terminal/gate"))
                            .rootPublicKey(creds.rootPublicKey())
                            .deviceId(creds.deviceId())
                            .gateId("gate-a")
                            .defaultZone("park")
                            .clock(gateClock)
                            .correctClock(false)
                            .build();
                    SyncClient sync =
                            SyncClient.builder(creds).gate(gate).push(false).build()) {
                SyncReport first = sync.syncNow();
                assertThat(first.success()).as(first.toString()).isTrue();
                Decision d = gate.decide(Credential.qr(text), GateContext.entry("park"));
                assertThat(d.admitted()).as("%s", d).isTrue();
                assertThat(gate.decide(Credential.qr(text), GateContext.entry("park"))
                                .reason())
                        .isEqualTo("ALREADY_ENTERED");
                SyncReport upload = sync.syncNow();
                assertThat(upload.success()).as(upload.toString()).isTrue();
                assertThat(upload.entriesUploaded()).isEqualTo(2);
            }
            assertThat(ts.server.webhooks().deliverDue()).isEqualTo(1);
            assertThat(hooks).containsExactly("BOOKING_CONFIRMED", "BOOKING_REDEEMED");

            // admin key operations, revocation, and wrong credentials everywhere
            String before = ts.server.keys().active().keyId();
            assertThat(ts.post("/admin/v1/keys/rotate", ADMIN, "{}").status()).isEqualTo(200);
            assertThat(ts.post("/admin/v1/keys/" + before + "/compromised", ADMIN, "{}")
                            .status())
                    .isEqualTo(204);
            errors.add(ts.post("/admin/v1/keys/rotate", apiKey, "{}"));
            errors.add(ts.get("/admin/v1/channels", ADMIN + "x"));
            errors.add(SecurityFixture.send(
                    ts,
                    "POST",
                    "/terminal/v1/enroll",
                    null,
                    "{\"token\":\"" + enrollment + "\",\"deviceName\":\"again\"}"));
            assertThat(ts.post("/admin/v1/terminals/" + creds.deviceId() + "/revoke", ADMIN, "{}")
                            .status())
                    .isEqualTo(204);
            errors.add(SecurityFixture.send(ts, "GET", "/terminal/v1/config", "Device " + creds.deviceToken(), null));
            errors.add(SecurityFixture.send(
                    ts, "GET", "/terminal/v1/config", "Device " + creds.deviceToken() + "x", null));

            // malformed input on every API: typed errors, no stack traces
            errors.add(ts.post("/octo/bookings", apiKey, "{\"uuid\":"));
            errors.add(ts.post("/octo/bookings", apiKey, "{\"uuid\":\"x\",\"productId\":[1,2],\"unitItems\":7}"));
            errors.add(ts.post("/octo/availability", apiKey, "[]"));
            errors.add(ts.send("PATCH", "/octo/bookings/logs-1", apiKey, "{\"notes\":{\"deep\":[[[[]]]]}}", Map.of()));
            errors.add(ts.post("/admin/v1/products", ADMIN, "{\"product\":{\"id\":\"p\"},\"options\":[{}]}"));
            errors.add(ts.post("/admin/v1/products", ADMIN, "{\"id\":\"evil\",\"gateId\":\"gate-a\",\"capacity\":0}"));
            errors.add(ts.post("/admin/v1/gates", ADMIN, "{\"id\":\"g\"}"));
            errors.add(ts.send("PUT", "/admin/v1/slots/x/capacity", ADMIN, "{\"capacity\":\"many\"}", Map.of()));
            errors.add(ts.send("PUT", "/admin/v1/terminal-config", ADMIN, "{\"rules\":\"nope\"}", Map.of()));
            errors.add(SecurityFixture.send(ts, "POST", "/terminal/v1/enroll", null, "not json"));
            errors.add(SecurityFixture.send(ts, "POST", "/terminal/v1/enroll", null, "{\"token\":[]}"));
            errors.add(ts.get("/octo/bookings?localDate=yesterday", apiKey));
            errors.add(ts.get("/no/such/route", null));
        } finally {
            receiver.stop(0);
            root.detachAppender(logs);
            root.setLevel(rootLevel);
            ours.setLevel(oursLevel);
        }

        // private key material: every base64 line of every encrypted PEM the server wrote
        try (Stream<Path> pems = Files.list(dir.resolve("server").resolve("keys"))) {
            for (Path pem : pems.filter(p -> p.toString().endsWith(".pem")).collect(Collectors.toList())) {
                for (String line : Files.readAllLines(pem, StandardCharsets.US_ASCII)) {
                    if (!line.startsWith("-----") && line.length() >= 16) {
                        secrets.add(line);
                    }
                }
            }
        }
        assertThat(secrets).hasSizeGreaterThan(10);
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            lines.add(e.getLoggerName() + " " + e.getFormattedMessage());
            if (e.getArgumentArray() != null) {
                for (Object a : e.getArgumentArray()) {
                    lines.add(e.getLoggerName() + " arg " + a);
                }
            }
            e.getMDCPropertyMap().forEach((k, v) -> lines.add(e.getLoggerName() + " mdc " + k + "=" + v));
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(e.getLoggerName() + " thrown " + t.getClassName() + ": " + t.getMessage());
            }
        }
        assertThat(logs.list).as("the flow did log (the capture works)").isNotEmpty();
        Map<String, String> leaks = new LinkedHashMap<>();
        for (String line : lines) {
            for (String s : secrets) {
                if (line.contains(s)) {
                    leaks.put(line, s.substring(0, Math.min(6, s.length())) + "…");
                }
            }
        }
        assertThat(leaks)
                .as("log lines containing a secret (of %d lines)", lines.size())
                .isEmpty();

        assertThat(errors).hasSizeGreaterThan(15);
        for (Answer a : errors) {
            assertThat(a.status()).as(a.body()).isBetween(400, 499);
            assertThat(a.body())
                    .as("error body")
                    .doesNotContain("\tat ")
                    .doesNotContain(".java:")
                    .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z.]+Exception")
                    .doesNotContain("Caused by");
            for (String s : secrets) {
                assertThat(a.body()).as("error body").doesNotContain(s);
            }
        }
    }
}
