package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One request-body limit ({@code http.maxBodyBytes}, 1 MiB by default) for every body however it is framed: a
 * chunked body (no Content-Length) over the limit is refused with a typed 413 on every route, the unauthenticated
 * enrollment included, and the server stops reading at the limit: it answers while the client is still sending.
 */
class BodyLimitTest {
    private static final long LIMIT = 1024 * 1024;
    private static final int FIVE_MB = 5 * 1024 * 1024;

    @TempDir
    static Path dir;

    static TestServer ts;
    static DeviceCredentials device;
    static String key;

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir);
        device = SecurityFixture.enroll(ts, dir.resolve("terminal"), "gate-a");
        key = ts.channel("ota", 10_000, 10_000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void fiveMegabyteChunkedBodiesAreRefusedWith413OnEveryRoute() throws Exception {
        String deviceAuth = "Device " + device.deviceToken();
        check("/terminal/v1/enroll", null, "{\"token\":\"", "code", "PAYLOAD_TOO_LARGE");
        check("/terminal/v1/entries", deviceAuth, "{\"deviceId\":\"", "code", "PAYLOAD_TOO_LARGE");
        check("/terminal/v1/telemetry", deviceAuth, "{\"deviceId\":\"", "code", "PAYLOAD_TOO_LARGE");
        check("/admin/v1/terminal-messages", "Bearer " + TestServer.ADMIN, "{\"zh\":\"", "code", "PAYLOAD_TOO_LARGE");
        check("/admin/v1/channels", "Bearer " + TestServer.ADMIN, "{\"id\":\"", "code", "PAYLOAD_TOO_LARGE");
        check("/octo/bookings", "Bearer " + key, "{\"uuid\":\"", "error", "BAD_REQUEST");
        assertThat(ts.get("/octo/products", key).status())
                .as("the server still serves")
                .isEqualTo(200);
    }

    /** Posts a 5 MB chunked JSON body (one long string) and expects a typed 413 before all of it was sent. */
    private static void check(String path, String authorization, String prefix, String field, String code)
            throws IOException {
        AtomicLong sent = new AtomicLong();
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public long contentLength() {
                return -1; // chunked
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] chunk = new byte[16 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                sink.writeUtf8(prefix);
                for (int n = 0; n < FIVE_MB; n += chunk.length) {
                    sink.write(chunk);
                    sent.addAndGet(chunk.length);
                }
                sink.writeUtf8("\"}");
            }
        };
        Request.Builder rb = new Request.Builder().url(ts.url(path)).post(body);
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        try (Response r = ts.http.newCall(rb.build()).execute()) {
            String text = r.body().string();
            assertThat(r.code()).as(path + ": " + text).isEqualTo(413);
            assertThat(TestServer.MAPPER.readTree(text).path(field).asText())
                    .as(path + ": " + text)
                    .isEqualTo(code);
        } catch (IOException e) {
            throw new AssertionError(path + ": no answer after " + sent.get() + " bytes sent", e);
        }
    }

    @Test
    void theServerAnswersWhileAnOversizedChunkedBodyIsStillComing() throws Exception {
        // a raw connection: send limit + 256 KiB of a chunked body, do NOT end it, and read: the answer must come now
        try (Socket s = new Socket("127.0.0.1", ts.server.port())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /terminal/v1/enroll HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            byte[] first = "{\"token\":\"".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(first, 0, chunk, 0, first.length);
            for (long n = 0; n < LIMIT + 256 * 1024; n += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                Arrays.fill(chunk, 0, first.length, (byte) 'a');
            }
            out.flush();
            String head = SecurityFixture.rawAnswer(s.getInputStream());
            assertThat(head)
                    .as("the answer to an unfinished body of limit + 256 KiB")
                    .startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("Connection: close");
        }
    }
}
