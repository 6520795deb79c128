package io.scenicpass.server.cluster;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/** A terminal's push stream ({@code GET /terminal/v1/events}) read line by line: events, comments, and its end. */
final class SseStream implements AutoCloseable {
    /** One SSE event (or {@code type} ":" for a comment, "END" when the server closed the stream). */
    record Event(String type, String data, Instant at) {}

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final OkHttpClient http =
            new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
    private final Response response;

    SseStream(String baseUrl, String deviceToken) throws IOException {
        response = http.newCall(new Request.Builder()
                        .url(baseUrl + "/terminal/v1/events")
                        .header("Authorization", "Device " + deviceToken)
                        .header("Accept", "text/event-stream")
                        .build())
                .execute();
        if (response.code() != 200) {
            throw new IOException("push stream refused: HTTP " + response.code());
        }
        Thread t = new Thread(this::read, "sse-reader");
        t.setDaemon(true);
        t.start();
    }

    private void read() {
        String type = null;
        StringBuilder data = new StringBuilder();
        try {
            BufferedSource src = response.body().source();
            String line;
            while ((line = src.readUtf8Line()) != null) {
                if (line.startsWith(":")) {
                    events.add(new Event(":", line.substring(1).trim(), Instant.now()));
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && type != null) {
                    events.add(new Event(type, data.toString(), Instant.now()));
                    type = null;
                    data.setLength(0);
                }
            }
        } catch (IOException e) {
            // closed
        }
        events.add(new Event("END", "", Instant.now()));
    }

    /** The next event of {@code type} whose data contains {@code text}, within {@code within}; null if none. */
    Event await(String type, String text, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return null;
            }
            Event e = events.poll(left, TimeUnit.MILLISECONDS);
            if (e != null && e.type().equals(type) && e.data().contains(text)) {
                return e;
            }
        }
    }

    @Override
    public void close() {
        response.close();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
