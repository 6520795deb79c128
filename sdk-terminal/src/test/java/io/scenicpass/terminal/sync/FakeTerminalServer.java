package io.scenicpass.terminal.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.EnrollmentRequest;
import io.scenicpass.core.wire.EnrollmentResponse;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.core.wire.TelemetryBatch;
import io.scenicpass.core.wire.WireError;
import io.scenicpass.core.wire.WireHeaders;
import io.scenicpass.core.wire.WireJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;

/**
 * An in-memory implementation of the terminal API (/terminal/v1) for mockwebserver3, until the reference
 * server's terminal API exists. Idempotent entry intake by event id, like the real one must be.
 */
final class FakeTerminalServer extends Dispatcher {
    static final ObjectMapper JSON = WireJson.mapper();
    static final String TOKEN = "device-token-1";
    static final String ENROLL_TOKEN = "enroll-once-123";

    final IssuerKey root = IssuerKey.fromSeed(new byte[32]);
    final IssuerKey issuer = IssuerKey.fromSeed(filled(7));
    volatile String keySetJson = keySet(1, root);
    final List<String> revoked = new CopyOnWriteArrayList<>();
    final List<String> blacklistAdded = new CopyOnWriteArrayList<>();
    final List<ManifestEntry> manifest = new CopyOnWriteArrayList<>();
    volatile DeviceConfig config = DeviceConfig.builder()
            .deviceId("dev-1")
            .gateId("gate-1")
            .areaId("area-1")
            .version(1)
            .build();
    final Map<String, EntryEvent> stored = new ConcurrentHashMap<>();
    final Set<String> overusedPasses = ConcurrentHashMap.newKeySet();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final List<byte[]> entryBodies = new CopyOnWriteArrayList<>();
    final AtomicInteger telemetryReadings = new AtomicInteger();
    volatile long serverTimeMillis = Instant.parse("2026-07-01T08:00:00Z").toEpochMilli();
    /** Answer 503 to everything while > 0 (decremented per request); -1 = forever. */
    final AtomicInteger failures = new AtomicInteger();
    /** Store entries but answer 500, as if the ack was lost on the way back. */
    volatile boolean loseEntryAcks;

    volatile long onlineCheckDelayMillis;
    final BlockingQueue<String> sse = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private boolean enrolled;

    static byte[] filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    String keySet(long sequence, IssuerKey signer) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return KeySet.of(
                        sequence,
                        t,
                        Collections.singletonList(
                                issuer.toPublicEntry(t, t.plusSeconds(86400L * 365), KeyStatus.ACTIVE)))
                .sign(signer)
                .toJson();
    }

    void push(PushMessage m) {
        try {
            sse.add("event: " + m.type() + "\ndata: " + JSON.writeValueAsString(m) + "\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> paths() {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : requests) {
            out.add(r.getMethod() + " " + r.getTarget());
        }
        return out;
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        requests.add(r);
        String path = r.getUrl().encodedPath();
        int f = failures.get();
        if (f != 0) {
            if (f > 0) {
                failures.decrementAndGet();
            }
            return json(503, new WireError("UNAVAILABLE", "try later"));
        }
        try {
            if (path.equals("/terminal/v1/enroll")) {
                return enroll(JSON.readValue(r.getBody().toByteArray(), EnrollmentRequest.class));
            }
            if (!("Device " + TOKEN).equals(r.getHeaders().get("Authorization"))) {
                return json(401, new WireError("UNAUTHORIZED", "unknown device"));
            }
            switch (path) {
                case "/terminal/v1/keyset":
                    return raw(200, keySetJson);
                case "/terminal/v1/config":
                    return json(200, config);
                case "/terminal/v1/revocations": {
                    int since = Integer.parseInt(r.getUrl().queryParameter("since"));
                    int limit = Integer.parseInt(r.getUrl().queryParameter("limit"));
                    int to = Math.min(revoked.size(), since + limit);
                    return json(
                            200,
                            new RevocationDelta(
                                    since, to, new ArrayList<>(revoked.subList(since, to)), to < revoked.size()));
                }
                case "/terminal/v1/blacklist": {
                    int since = Integer.parseInt(r.getUrl().queryParameter("since"));
                    int limit = Integer.parseInt(r.getUrl().queryParameter("limit"));
                    int to = Math.min(blacklistAdded.size(), since + limit);
                    return json(
                            200,
                            new BlacklistDelta(
                                    since,
                                    to,
                                    new ArrayList<>(blacklistAdded.subList(since, to)),
                                    Collections.emptyList(),
                                    to < blacklistAdded.size()));
                }
                case "/terminal/v1/manifest": {
                    int cursor = Integer.parseInt(r.getUrl().queryParameter("cursor"));
                    int limit = Integer.parseInt(r.getUrl().queryParameter("limit"));
                    int to = Math.min(manifest.size(), cursor + limit);
                    return json(
                            200,
                            new ManifestDelta(
                                    cursor,
                                    to,
                                    new ArrayList<>(manifest.subList(cursor, to)),
                                    Collections.emptyList(),
                                    to < manifest.size()));
                }
                case "/terminal/v1/entries":
                    return entries(r);
                case "/terminal/v1/telemetry":
                    telemetryReadings.addAndGet(JSON.readValue(r.getBody().toByteArray(), TelemetryBatch.class)
                            .readings()
                            .size());
                    return new MockResponse.Builder()
                            .code(204)
                            .addHeader(WireHeaders.SERVER_TIME, serverTimeMillis)
                            .build();
                case "/terminal/v1/online-check": {
                    OnlineCheckRequest q = JSON.readValue(r.getBody().toByteArray(), OnlineCheckRequest.class);
                    MockResponse.Builder b = jsonBuilder(
                            200,
                            new OnlineCheckResponse(
                                    q.passText().contains("bad") ? Verdict.DENY : Verdict.ADMIT,
                                    "ONLINE:" + q.eventId()));
                    return b.headersDelay(onlineCheckDelayMillis, TimeUnit.MILLISECONDS)
                            .build();
                }
                case "/terminal/v1/events":
                    return new MockResponse.Builder()
                            .code(200)
                            .addHeader("Content-Type", "text/event-stream")
                            .addHeader(WireHeaders.SERVER_TIME, serverTimeMillis)
                            .body(new SseBody())
                            .build();
                default:
                    return json(404, new WireError("NOT_FOUND", path));
            }
        } catch (IOException e) {
            return json(400, new WireError("MALFORMED", e.getClass().getSimpleName()));
        }
    }

    private synchronized MockResponse enroll(EnrollmentRequest q) {
        if (!ENROLL_TOKEN.equals(q.token()) || enrolled) {
            return json(403, new WireError("ENROLLMENT_TOKEN_INVALID", "unknown or used token"));
        }
        enrolled = true;
        return json(
                200,
                new EnrollmentResponse(
                        "dev-1", TOKEN, "area-1", "gate-1", Base64.getEncoder().encodeToString(root.publicKey())));
    }

    private MockResponse entries(RecordedRequest r) throws IOException {
        byte[] body = r.getBody().toByteArray();
        entryBodies.add(body);
        if ("gzip".equals(r.getHeaders().get("Content-Encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        EntryBatch batch = JSON.readValue(body, EntryBatch.class);
        List<EntryAckItem> items = new ArrayList<>();
        Map<String, EntryEvent> fresh = new LinkedHashMap<>();
        for (EntryEvent e : batch.events()) {
            if (stored.containsKey(e.eventId()) || fresh.containsKey(e.eventId())) {
                items.add(new EntryAckItem(e.eventId(), EntryAckStatus.DUPLICATE, null));
            } else if (overusedPasses.contains(e.passId())) {
                fresh.put(e.eventId(), e);
                items.add(new EntryAckItem(e.eventId(), EntryAckStatus.OVERUSE_CONFLICT, "already entered at gate-2"));
            } else {
                fresh.put(e.eventId(), e);
                items.add(new EntryAckItem(e.eventId(), EntryAckStatus.ACCEPTED, null));
            }
        }
        stored.putAll(fresh);
        if (loseEntryAcks) {
            return json(500, new WireError("INTERNAL", "connection dropped"));
        }
        return json(200, new EntryAck(items));
    }

    private MockResponse json(int code, Object body) {
        return jsonBuilder(code, body).build();
    }

    private MockResponse.Builder jsonBuilder(int code, Object body) {
        try {
            return new MockResponse.Builder()
                    .code(code)
                    .addHeader("Content-Type", "application/json")
                    .addHeader(WireHeaders.SERVER_TIME, serverTimeMillis)
                    .body(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse raw(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader(WireHeaders.SERVER_TIME, serverTimeMillis)
                .body(body)
                .build();
    }

    @Override
    public void close() {
        closed = true;
    }

    /** A chunked event stream that stays open and writes whatever {@link #push} queued. */
    private final class SseBody implements MockResponseBody {
        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(": open\n\n").flush();
            while (!closed) {
                String event;
                try {
                    event = sse.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (event != null) {
                    sink.writeUtf8(event).flush();
                }
            }
        }
    }
}
