package io.scenicpass.server.terminal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseHandler;
import io.scenicpass.core.wire.DisplayMessage;
import io.scenicpass.core.wire.EnrollmentRequest;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.ProductGatePolicy;
import io.scenicpass.core.wire.RuleConfig;
import io.scenicpass.core.wire.TelemetryBatch;
import io.scenicpass.core.wire.WireHeaders;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.http.InFlightLimit;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.terminal.DeviceRole;
import io.scenicpass.server.terminal.DeviceService;
import io.scenicpass.server.terminal.EntryService;
import io.scenicpass.server.terminal.OnlineClaims;
import io.scenicpass.server.terminal.PushHub;
import io.scenicpass.server.terminal.SyncFeedService;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.terminal.store.ManifestStore;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The terminal API under {@code /terminal/v1} (what sdk-terminal's sync client calls) and its operator
 * endpoints under {@code /admin/v1}. Every terminal response, errors included, carries
 * {@code X-ScenicPass-Server-Time}; errors are {@code WireError} JSON ({@link TerminalErrors}).
 */
public final class TerminalApi {
    /** The gates' event stream (SSE): open for as long as a gate is online, so not counted by {@link InFlightLimit}. */
    public static final String EVENTS = "/terminal/v1/events";

    /** Largest decompressed request body (gzip uploads). */
    static final long MAX_INFLATED = 64L * 1024 * 1024;

    private static final String DEVICE = "scenicpass.device";

    record TokenBody(String gateId, String label, Integer ttlHours, String role) {}

    record MessageBody(String zh, String en, String gateId) {}

    record CredentialsBody(List<String> holderBindings, List<String> cardUids, List<String> biometricSubjects) {}

    /** Terminal settings as sent: PUT needs every field, PATCH any of them. */
    record TerminalConfigBody(
            Long earlyToleranceSeconds,
            Long lateToleranceSeconds,
            List<RuleConfig> rules,
            Map<String, DisplayMessage> messages,
            Boolean healthCertificateRequired,
            Map<String, ProductGatePolicy> productPolicies) {}

    private final DeviceService devices;
    private final SyncFeedService feeds;
    private final EntryService entries;
    private final OnlineClaims claims;
    private final PushHub push;
    private final AdminService admin;
    private final Clock clock;
    /**
     * Terminal bodies in the wire model's format, types strict (a body with a wrongly typed field is a 400, whole),
     * unknown fields ignored (a newer gate may send more), parsed as uploads arrive, gzip inflated up to
     * {@link #MAX_INFLATED} bytes.
     */
    private static final RequestBodies BODIES = RequestBodies.of(WireJson.mapper())
            .ignoringUnknownFields()
            .refusingNullForPrimitives()
            .instantsAsText()
            .streaming()
            .inflatingGzip(MAX_INFLATED);

    public TerminalApi(
            DeviceService devices,
            SyncFeedService feeds,
            EntryService entries,
            OnlineClaims claims,
            PushHub push,
            AdminService admin,
            Clock clock) {
        this.devices = devices;
        this.feeds = feeds;
        this.entries = entries;
        this.claims = claims;
        this.push = push;
        this.admin = admin;
        this.clock = clock;
    }

    /** Where a gate listens for the other gates of its site on the LAN. */
    public record PeerEndpoint(String endpoint) {}

    /** Registers the terminal routes and the terminal-related admin routes. */
    public void register(RoutesConfig r) {
        String p = "/terminal/v1";
        r.before(p + "/*", ctx -> ctx.header(WireHeaders.SERVER_TIME, Long.toString(clock.millis())));
        r.post(p + "/enroll", ctx -> ctx.json(devices.enroll(body(ctx, EnrollmentRequest.class))));
        r.get(p + "/keyset", device(ctx -> ctx.contentType("application/json").result(feeds.keySetJson())));
        // public: a reseller's app or another scanner verifies passes with it (docs/verify-a-pass.md)
        r.get(
                "/.well-known/scenicpass/keyset",
                ctx -> ctx.contentType("application/json")
                        .header("Cache-Control", "public, max-age=300")
                        .header("Access-Control-Allow-Origin", "*")
                        .result(feeds.publicKeySetJson()));
        r.get(p + "/revocations", device(ctx -> {
            long since = longParam(ctx, "since");
            int limit = intParam(ctx, "limit");
            stream(ctx, g -> feeds.writeRevocations(since, limit, g));
        }));
        r.get(
                p + "/blacklist",
                device(ctx -> ctx.json(feeds.blacklist(longParam(ctx, "since"), intParam(ctx, "limit")))));
        r.get(p + "/manifest", device(ctx -> {
            long cursor = longParam(ctx, "cursor");
            int limit = intParam(ctx, "limit");
            DeviceRow d = current(ctx);
            stream(ctx, g -> feeds.writeManifest(d, cursor, limit, g));
        }));
        r.get(p + "/config", device(ctx -> ctx.json(devices.config(current(ctx)))));
        r.put(p + "/peer-endpoint", device(ctx -> {
            String ep = body(ctx, PeerEndpoint.class).endpoint();
            long version = devices.reportPeerEndpoint(current(ctx), ep);
            ctx.json(java.util.Map.of("endpoint", ep.trim(), "configVersion", version));
        }));
        r.post(p + "/entries", device(ctx -> ctx.json(entries.ingest(current(ctx), body(ctx, EntryBatch.class)))));
        r.post(p + "/telemetry", device(ctx -> {
            entries.telemetry(current(ctx), body(ctx, TelemetryBatch.class));
            ctx.status(204);
        }));
        r.post(
                p + "/online-check",
                device(ctx -> ctx.json(claims.claim(current(ctx), body(ctx, OnlineCheckRequest.class)))));
        SseHandler sse = new SseHandler(client -> {
            DeviceRow d = client.ctx().attribute(DEVICE);
            push.open(d.id(), d.gateId(), client);
        });
        r.get(EVENTS, device(sse));

        String a = "/admin/v1";
        r.post(a + "/enrollment-tokens", admin(ctx -> {
            TokenBody b = RequestBodies.ADMIN.read(ctx, TokenBody.class);
            int hours = b.ttlHours() == null ? 24 : b.ttlHours();
            ctx.status(201)
                    .json(devices.createToken(
                            b.gateId(),
                            b.label(),
                            Duration.ofHours(hours),
                            ctx.scheme() + "://" + ctx.host(),
                            DeviceRole.parse(b.role())));
        }));
        r.get(a + "/terminals", admin(ctx -> ctx.json(devices.list())));
        r.post(a + "/terminals/{deviceId}/revoke", admin(ctx -> {
            devices.revoke(ctx.pathParam("deviceId"));
            ctx.status(204);
        }));
        r.get(a + "/terminal-config", admin(ctx -> ctx.json(devices.settings())));
        r.put(a + "/terminal-config", admin(ctx -> {
            TerminalConfigBody b = RequestBodies.ADMIN.read(ctx, TerminalConfigBody.class);
            ctx.json(Map.of(
                    "version",
                    devices.putSettings(new DeviceService.TerminalSettings(
                            RequestBodies.required(b.earlyToleranceSeconds(), "earlyToleranceSeconds"),
                            RequestBodies.required(b.lateToleranceSeconds(), "lateToleranceSeconds"),
                            RequestBodies.required(b.rules(), "rules"),
                            RequestBodies.required(b.messages(), "messages"),
                            RequestBodies.required(b.healthCertificateRequired(), "healthCertificateRequired"),
                            b.productPolicies()))));
        }));
        r.patch(a + "/terminal-config", admin(ctx -> {
            TerminalConfigBody b = RequestBodies.ADMIN.readPatch(ctx, TerminalConfigBody.class);
            ctx.json(Map.of(
                    "version",
                    devices.patchSettings(old -> new DeviceService.TerminalSettings(
                            or(b.earlyToleranceSeconds(), old.earlyToleranceSeconds()),
                            or(b.lateToleranceSeconds(), old.lateToleranceSeconds()),
                            or(b.rules(), old.rules()),
                            or(b.messages(), old.messages()),
                            or(b.healthCertificateRequired(), old.healthCertificateRequired()),
                            or(b.productPolicies(), old.productPolicies())))));
        }));
        r.post(a + "/terminal-messages", admin(ctx -> {
            MessageBody b = RequestBodies.ADMIN.read(ctx, MessageBody.class);
            if (b.zh() == null && b.en() == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "zh or en is required");
            }
            push.message(new DisplayMessage(b.zh(), b.en()), b.gateId());
            ctx.status(202).json(Map.of("connected", push.connected()));
        }));
        r.get(
                a + "/entries",
                admin(ctx -> ctx.json(entries.list(
                        ctx.queryParam("deviceId"),
                        ctx.queryParam("passId"),
                        ctx.queryParam("gateId"),
                        intParam(ctx, "limit") == 0 ? 1000 : intParam(ctx, "limit")))));
        r.get(
                a + "/overuse-conflicts",
                admin(ctx -> ctx.json(entries.conflicts(intParam(ctx, "limit") == 0 ? 500 : intParam(ctx, "limit")))));
        r.put(a + "/passes/{passId}/credentials", admin(ctx -> {
            CredentialsBody b = RequestBodies.ADMIN.read(ctx, CredentialsBody.class); // a list left out is emptied
            Bounds.listSize("holderBindings", b.holderBindings());
            Bounds.listSize("cardUids", b.cardUids());
            Bounds.listSize("biometricSubjects", b.biometricSubjects());
            feeds.putCredentials(
                    ctx.pathParam("passId"),
                    new ManifestStore.Credentials(nn(b.holderBindings()), nn(b.cardUids()), nn(b.biometricSubjects())));
            ctx.status(204);
        }));
        r.get(a + "/telemetry", admin(ctx -> ctx.json(entries.latestTelemetry(ctx.queryParam("deviceId")))));
        r.get(
                a + "/telemetry/{deviceId}",
                admin(ctx -> ctx.json(entries.telemetryHistory(
                        ctx.pathParam("deviceId"),
                        ctx.queryParam("from") == null ? Instant.EPOCH : parseInstant(ctx.queryParam("from")),
                        intParam(ctx, "limit") == 0 ? 1000 : intParam(ctx, "limit")))));
    }

    /** Streaming JSON writer: the body goes straight to the (gzip when accepted) response stream. */
    @FunctionalInterface
    private interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Streams a large JSON body. Gzip (when accepted) is done here at the fastest level: on a LAN or loopback the
     * deflate time, not the bytes, bounds a bootstrap; the server-wide compression would use level 6.
     */
    private void stream(Context ctx, JsonWriter w) throws IOException {
        ctx.contentType("application/json");
        String accept = ctx.header("Accept-Encoding");
        boolean gzip =
                accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        ctx.disableCompression();
        ctx.header("Vary", "Accept-Encoding");
        OutputStream out = ctx.outputStream();
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            out = new java.util.zip.GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                }
            };
        }
        JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out);
        try {
            w.write(g);
        } catch (IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().reset(); // nothing sent yet: drop the gzip header and partial body, answer with the error
            }
            throw e;
        }
        g.close();
    }

    private Handler device(Handler h) {
        return ctx -> {
            ctx.attribute(DEVICE, devices.authenticate(ctx.header("Authorization")));
            h.handle(ctx);
        };
    }

    private Handler admin(Handler h) {
        return ctx -> {
            String auth = ctx.header("Authorization");
            admin.checkAdmin(
                    auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                            ? auth.substring(7).trim()
                            : null);
            h.handle(ctx);
        };
    }

    private static DeviceRow current(Context ctx) {
        return ctx.attribute(DEVICE);
    }

    private static <T> T body(Context ctx, Class<T> type) throws IOException {
        return BODIES.read(ctx, type);
    }

    private static long longParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new ServiceException(Problem.BAD_REQUEST, name + " must be >= 0");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be a number");
        }
    }

    private static int intParam(Context ctx, String name) {
        long v = longParam(ctx, name);
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    private static Instant parseInstant(String s) {
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "from must be an ISO-8601 instant");
        }
    }

    private static <T> T or(T given, T old) {
        return given != null ? given : old;
    }

    private static List<String> nn(List<String> l) {
        return l == null ? List.of() : l;
    }
}
