package io.scenicpass.examples.ota;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.model.OctoJson;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real reference server, started as a child JVM from its shaded jar exactly as an integrator runs it:
 * {@code java -jar scenicpass-server.jar demo --port 0 --data <tmp>}; its {@code demo.json} gives the URL and keys.
 * Shared by the OTA tests and the end-to-end test ({@code io.scenicpass.examples.e2e}).
 */
public final class DemoServer implements AutoCloseable {
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);

    public final Path dataDir;
    public final String baseUrl;
    public final String channelApiKey;
    public final String adminToken;
    /** Every demo channel's API key by channel id. */
    public final java.util.Map<String, String> channelKeys = new java.util.TreeMap<>();

    private final Process process;
    private final Path log;

    private DemoServer(Path dataDir, Process process, Path log, JsonNode demo) {
        this.dataDir = dataDir;
        this.process = process;
        this.log = log;
        this.baseUrl = demo.path("baseUrl").asText();
        this.channelApiKey = demo.path("channelApiKey").asText();
        this.adminToken = demo.path("adminToken").asText(null);
        demo.path("channelKeys")
                .fields()
                .forEachRemaining(e -> channelKeys.put(e.getKey(), e.getValue().asText()));
    }

    /** @return the OCTO endpoint */
    public String octoUrl() {
        return baseUrl.replaceAll("/+$", "") + "/octo";
    }

    private static DemoServer shared;

    /**
     * One demo server for all test classes of this JVM, stopped by a shutdown hook: starting it costs several
     * seconds, and the tests do not interfere (each books its own uuids; the webhook test creates its own channel).
     *
     * @return the running server
     * @throws Exception when it cannot be started
     */
    public static synchronized DemoServer shared() throws Exception {
        if (shared == null) {
            DemoServer s = start();
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "demo-server-stop"));
            shared = s;
        }
        return shared;
    }

    static DemoServer start() throws Exception {
        String root = System.getProperty("scenicpass.root", "..");
        Path jar = Paths.get(
                System.getProperty("scenicpass.serverJar", root + "/reference-server/target/scenicpass-server.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("\n!!!!! SKIPPING the integration tests against the real server: " + jar.toAbsolutePath()
                    + " is missing. Build it with: mvn -B -ntp -pl reference-server -am package -DskipTests\n");
            Assumptions.abort("reference server jar missing: " + jar);
        }
        Path dir = Files.createTempDirectory("scenicpass-examples-");
        // Run a copy, so a concurrent rebuild of the jar cannot pull it from under the running server.
        Path copy = Files.copy(jar, dir.resolve("scenicpass-server.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        java, "-Xmx256m", "-jar", copy.toString(), "demo", "--port", "0", "--data", data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the tests' webhook receivers listen on 127.0.0.1: a private target, refused unless allowed
        pb.environment().put("SCENICPASS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        Process p = pb.start();
        Path demoJson = data.resolve("demo.json");
        Instant deadline = Instant.now().plus(START_DEADLINE);
        JsonNode demo = null;
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("reference server exited with " + p.exitValue() + ":\n" + tail(log));
            }
            if (Files.isRegularFile(demoJson)) {
                try {
                    demo = OctoJson.mapper().readTree(Files.readAllBytes(demoJson));
                    if (demo.hasNonNull("baseUrl")
                            && demo.hasNonNull("channelApiKey")
                            && healthy(demo.get("baseUrl").asText())) {
                        return new DemoServer(data, p, log, demo);
                    }
                } catch (IOException partiallyWritten) {
                    // demo.json is being written or the port is not open yet: poll again.
                }
            }
            p.waitFor(200, TimeUnit.MILLISECONDS);
        }
        p.destroyForcibly();
        throw new IllegalStateException(
                "reference server not ready within " + START_DEADLINE + " (demo.json: " + demo + "):\n" + tail(log));
    }

    private static boolean healthy(String baseUrl) {
        try {
            HttpURLConnection c =
                    (HttpURLConnection) new URL(baseUrl.replaceAll("/+$", "") + "/health").openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Creates a channel through the admin API.
     *
     * @param fields the channel fields ({@code id}, {@code webhookUrl}, {@code ratePerSecond}...)
     * @return the new channel's API key
     * @throws IOException when the server cannot be reached
     */
    public String createChannel(java.util.Map<String, Object> fields) throws IOException {
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        okhttp3.Request req = new okhttp3.Request.Builder()
                .url(baseUrl.replaceAll("/+$", "") + "/admin/v1/channels")
                .header("Authorization", "Bearer " + adminToken)
                .post(okhttp3.RequestBody.create(
                        OctoJson.mapper().writeValueAsString(fields), okhttp3.MediaType.get("application/json")))
                .build();
        try (okhttp3.Response resp = http.newCall(req).execute()) {
            String text = resp.body().string();
            if (resp.code() != 201) {
                throw new IllegalStateException("creating channel failed: HTTP " + resp.code() + " " + text);
            }
            return OctoJson.mapper().readTree(text).get("apiKey").asText();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    public String logTail() {
        return tail(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
