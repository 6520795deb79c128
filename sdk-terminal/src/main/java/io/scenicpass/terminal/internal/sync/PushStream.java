package io.scenicpass.terminal.internal.sync;

import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.core.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent-events stream of urgent changes ({@code GET /terminal/v1/events}). Each event's data is
 * a {@link PushMessage}. When the stream fails or ends it reconnects after a backoff and asks for a pull
 * (the fallback that catches anything missed while disconnected).
 */
public final class PushStream {
    private static final Logger LOG = LoggerFactory.getLogger(PushStream.class);
    private final TerminalApi api;
    private final OkHttpClient sseClient;
    private final ScheduledExecutorService executor;
    private final Backoff backoff;
    private final Clock clock;
    private final Consumer<PushMessage> onMessage;
    private final Runnable onDisconnect;
    private final Runnable onUnauthorized;
    private volatile EventSource source;
    private volatile boolean connected;
    private volatile boolean closed;

    /**
     * @param api the terminal API (URL, auth header, server time)
     * @param executor the sync executor: messages and reconnects run there
     * @param backoff reconnect delays
     * @param clock device clock
     * @param onMessage handles each message (on the executor)
     * @param onDisconnect told when the stream drops (on the executor), to pull instead
     * @param onUnauthorized told when the server refuses the token
     */
    public PushStream(
            TerminalApi api,
            ScheduledExecutorService executor,
            Backoff backoff,
            Clock clock,
            Consumer<PushMessage> onMessage,
            Runnable onDisconnect,
            Runnable onUnauthorized) {
        this.api = Objects.requireNonNull(api, "api");
        this.sseClient = api.http()
                .newBuilder()
                .readTimeout(Duration.ofMinutes(5))
                .callTimeout(Duration.ZERO)
                .build();
        this.executor = Objects.requireNonNull(executor, "executor");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onMessage = Objects.requireNonNull(onMessage, "onMessage");
        this.onDisconnect = Objects.requireNonNull(onDisconnect, "onDisconnect");
        this.onUnauthorized = Objects.requireNonNull(onUnauthorized, "onUnauthorized");
    }

    /** Opens the stream (returns at once). */
    public void start() {
        if (closed) {
            return;
        }
        Request request = api.request(api.url("events").build())
                .header("Accept", "text/event-stream")
                .build();
        Instant sent = clock.instant();
        source = EventSources.createFactory(sseClient).newEventSource(request, new Listener(sent));
    }

    /** @return whether the stream is open now */
    public boolean connected() {
        return connected;
    }

    /** Closes the stream for good. */
    public void close() {
        closed = true;
        connected = false;
        EventSource s = source;
        if (s != null) {
            s.cancel();
        }
    }

    private void reconnectLater() {
        connected = false;
        if (closed) {
            return;
        }
        Duration delay;
        synchronized (backoff) {
            delay = backoff.failed();
        }
        try {
            executor.execute(onDisconnect);
            executor.schedule(this::start, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // executor shut down: the client is closing
        }
    }

    private final class Listener extends EventSourceListener {
        private final Instant sent;

        Listener(Instant sent) {
            this.sent = sent;
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            api.observeServerTime(response, sent, clock.instant());
            connected = true;
            synchronized (backoff) {
                backoff.succeeded();
            }
            LOG.debug("push stream open");
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            PushMessage message;
            try {
                message = WireJson.mapper().readValue(data, PushMessage.class);
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn(
                        "ignoring unreadable push event {} ({})",
                        type,
                        e.getClass().getSimpleName());
                return;
            }
            try {
                executor.execute(() -> onMessage.accept(message));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            LOG.debug("push stream ended by the server");
            reconnectLater();
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            if (closed) {
                return;
            }
            if (response != null && (response.code() == 401 || response.code() == 403)) {
                onUnauthorized.run();
            }
            LOG.debug(
                    "push stream failed: {}",
                    t == null
                            ? "HTTP " + (response == null ? "?" : response.code())
                            : t.getClass().getSimpleName());
            reconnectLater();
        }
    }
}
