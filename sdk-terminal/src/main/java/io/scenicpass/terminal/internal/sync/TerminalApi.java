package io.scenicpass.terminal.internal.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.core.wire.WireError;
import io.scenicpass.core.wire.WireHeaders;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.sync.ServerClock;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One HTTP exchange with the terminal API: adds the device token, gzips large bodies, feeds the server
 * time of every response to the {@link ServerClock} and every outcome to the {@link ConnectivityMonitor},
 * and turns failures into {@link SyncException}s. Thread-safe.
 */
public final class TerminalApi {
    static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = WireJson.mapper();

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String deviceToken;
    private final Clock clock;
    private final ServerClock serverClock;
    private final ConnectivityMonitor monitor;

    /**
     * @param http the HTTP client (timeouts set by the caller)
     * @param serverUrl base URL of the server; {@code /terminal/v1/...} is appended
     * @param deviceToken the device token, or null for enrollment
     * @param clock the device clock
     * @param serverClock receives the server time of every response
     * @param monitor receives the outcome of every request
     */
    public TerminalApi(
            OkHttpClient http,
            String serverUrl,
            String deviceToken,
            Clock clock,
            ServerClock serverClock,
            ConnectivityMonitor monitor) {
        this.http = Objects.requireNonNull(http, "http");
        HttpUrl parsed = HttpUrl.parse(serverUrl);
        if (parsed == null) {
            throw new SyncException(SyncErrorCode.INVALID_INPUT, "not an http(s) URL: " + serverUrl);
        }
        this.base = parsed;
        this.deviceToken = deviceToken;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serverClock = Objects.requireNonNull(serverClock, "serverClock");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /** @return the HTTP client */
    public OkHttpClient http() {
        return http;
    }

    /**
     * @param path path under {@code /terminal/v1/}, e.g. {@code revocations}
     * @return a URL builder for it
     */
    public HttpUrl.Builder url(String path) {
        HttpUrl.Builder b = base.newBuilder();
        for (String seg : ("terminal/v1/" + path).split("/")) {
            b.addPathSegment(seg);
        }
        return b;
    }

    /** @return a request builder with the device's Authorization header */
    public Request.Builder request(HttpUrl url) {
        Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json");
        if (deviceToken != null) {
            b.header("Authorization", WireHeaders.AUTHORIZATION_SCHEME + " " + deviceToken);
        }
        return b;
    }

    /**
     * GETs and reads JSON.
     *
     * @param url the URL
     * @param type the response class
     * @param <T> the response type
     * @return the response
     */
    public <T> T get(HttpUrl url, Class<T> type) {
        return exchange(request(url).get().build(), type, null);
    }

    /**
     * POSTs JSON (gzip when {@code gzip}) and reads JSON.
     *
     * @param url the URL
     * @param body the request object
     * @param gzip whether to gzip the body ({@code Content-Encoding: gzip})
     * @param type the response class, or null when no body is expected
     * @param timeout a call timeout overriding the client's, or null
     * @param <T> the response type
     * @return the response, or null when {@code type} is null
     */
    public <T> T post(HttpUrl url, Object body, boolean gzip, Class<T> type, Duration timeout) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new SyncException(SyncErrorCode.INVALID_INPUT, "cannot serialise request", 0, null, e);
        }
        Request.Builder b = request(url);
        if (gzip) {
            b.header("Content-Encoding", "gzip");
            bytes = gzip(bytes);
        }
        return exchange(b.post(RequestBody.create(bytes, JSON_TYPE)).build(), type, timeout);
    }

    /**
     * Runs one exchange.
     *
     * @param request the request
     * @param type the response class, or null when the body is ignored
     * @param timeout a call timeout overriding the client's, or null
     * @param <T> the response type
     * @return the parsed body, or null
     */
    public <T> T exchange(Request request, Class<T> type, Duration timeout) {
        Call call = http.newCall(request);
        if (timeout != null) {
            call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        Instant sent = clock.instant();
        long start = System.nanoTime();
        try (Response response = call.execute()) {
            Instant received = clock.instant();
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            observeServerTime(response, sent, received);
            int code = response.code();
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (code >= 500) {
                monitor.failure();
                throw new SyncException(
                        SyncErrorCode.SERVER,
                        "server error " + code + " on " + path(request),
                        code,
                        errorCode(bytes),
                        null);
            }
            monitor.success(latency);
            if (code >= 400) {
                throw clientError(request, code, bytes);
            }
            if (type == null || code == 204) {
                return null;
            }
            try {
                T value = JSON.readValue(bytes, type);
                if (value == null) {
                    throw new IOException("empty body");
                }
                return value;
            } catch (IOException | RuntimeException e) {
                throw new SyncException(
                        SyncErrorCode.BAD_RESPONSE,
                        "unreadable " + type.getSimpleName() + " from " + path(request),
                        code,
                        null,
                        e);
            }
        } catch (InterruptedIOException e) {
            monitor.failure();
            throw new SyncException(SyncErrorCode.NETWORK, "timeout on " + path(request), 0, null, e);
        } catch (IOException e) {
            monitor.failure();
            throw new SyncException(
                    SyncErrorCode.NETWORK,
                    "cannot reach server: " + e.getClass().getSimpleName() + " on " + path(request),
                    0,
                    null,
                    e);
        }
    }

    /**
     * Feeds the server time header of a response to the clock.
     *
     * @param response any terminal API response
     * @param sent device time the request left
     * @param received device time the response arrived
     */
    public void observeServerTime(Response response, Instant sent, Instant received) {
        String header = response.header(WireHeaders.SERVER_TIME);
        if (header == null) {
            return;
        }
        try {
            serverClock.observeServerTime(Instant.ofEpochMilli(Long.parseLong(header.trim())), sent, received);
        } catch (NumberFormatException e) {
            // a malformed header is ignored: time correction is best effort
        }
    }

    private static SyncException clientError(Request request, int code, byte[] bytes) {
        String serverCode = errorCode(bytes);
        String message = errorMessage(bytes);
        SyncErrorCode kind = code == 401 || code == 403
                ? SyncErrorCode.UNAUTHORIZED
                : code == 429 ? SyncErrorCode.THROTTLED : SyncErrorCode.REJECTED;
        return new SyncException(
                kind,
                "HTTP " + code + " on " + path(request)
                        + (serverCode == null ? "" : " (" + serverCode + (message == null ? "" : ": " + message) + ")"),
                code,
                serverCode,
                null);
    }

    private static String errorCode(byte[] bytes) {
        WireError e = wireError(bytes);
        return e == null ? null : e.code();
    }

    private static String errorMessage(byte[] bytes) {
        WireError e = wireError(bytes);
        return e == null ? null : e.message();
    }

    private static WireError wireError(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readValue(bytes, WireError.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String path(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("gzip to memory failed", e);
        }
        return out.toByteArray();
    }
}
