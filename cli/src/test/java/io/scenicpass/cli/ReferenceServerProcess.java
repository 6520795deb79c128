package io.scenicpass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;

/**
 * The real reference server as a child JVM from its shaded jar ({@code demo --port 0}), as the examples tests run it:
 * {@code -Dscenicpass.serverJar=FILE} or {@code <root>/reference-server/target/scenicpass-server.jar}; skipped loudly
 * when the jar is missing or does not serve the terminal API.
 */
final class ReferenceServerProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);

    final String baseUrl;
    final String channelKey;
    final String adminToken;
    final String demoEnrollmentToken;
    final OkHttpClient http =
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private final Process process;
    private final Path log;

    private ReferenceServerProcess(Process process, Path log, JsonNode demo) {
        this.process = process;
        this.log = log;
        this.baseUrl = demo.path("baseUrl").asText().replaceAll("/+$", "");
        this.channelKey = demo.path("channelApiKey").asText();
        this.adminToken = demo.path("adminToken").asText();
        this.demoEnrollmentToken = demo.path("deviceEnrollmentToken").asText();
    }

    static ReferenceServerProcess start(Path dir) throws Exception {
        String root = System.getProperty("scenicpass.root", "..");
        Path jar = Paths.get(
                System.getProperty("scenicpass.serverJar", root + "/reference-server/target/scenicpass-server.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println(
                    "\n!!!!! SKIPPING the simulated-gate tests against the real server: " + jar.toAbsolutePath()
                            + " is missing. Build it with: mvn -B -ntp -pl reference-server -am package -DskipTests\n");
            Assumptions.abort("reference server jar missing: " + jar);
        }
        Path copy = Files.copy(jar, dir.resolve("scenicpass-server.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path data = dir.resolve("server-data");
        Path log = dir.resolve("server.log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(
                        java, "-Xmx256m", "-jar", copy.toString(), "demo", "--port", "0", "--data", data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Path demoJson = data.resolve("demo.json");
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("reference server exited with " + p.exitValue() + ":\n" + tail(log));
            }
            if (Files.isRegularFile(demoJson)) {
                try {
                    JsonNode demo = JSON.readTree(Files.readAllBytes(demoJson));
                    if (demo.hasNonNull("baseUrl")) {
                        ReferenceServerProcess s = new ReferenceServerProcess(p, log, demo);
                        if (s.healthy()) {
                            s.requireTerminalApi();
                            return s;
                        }
                    }
                } catch (IOException notYet) {
                    // demo.json half written or port not open yet: poll again
                }
            }
            p.waitFor(200, TimeUnit.MILLISECONDS);
        }
        p.destroyForcibly();
        throw new IllegalStateException("reference server not ready within " + START_DEADLINE + ":\n" + tail(log));
    }

    private boolean healthy() {
        try (Response r = http.newCall(
                        new Request.Builder().url(baseUrl + "/health").build())
                .execute()) {
            return r.code() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private void requireTerminalApi() throws IOException {
        try (Response r = http.newCall(new Request.Builder()
                        .url(baseUrl + "/terminal/v1/keyset")
                        .build())
                .execute()) {
            if (r.code() == 404) {
                close();
                throw new AssertionError(
                        "the server jar does not serve /terminal/v1 (stale jar? rebuild reference-server)");
            }
        }
    }

    /** A one-time enrollment code for a gate, from the admin API. */
    String enrollmentCode(String gateId) throws IOException {
        return enrollmentCode(gateId, "GATE");
    }

    /** A one-time enrollment code for a device of {@code role} (GATE, KIOSK, BOX_OFFICE) at {@code gateId}. */
    String enrollmentCode(String gateId, String role) throws IOException {
        ObjectNode body = JSON.createObjectNode()
                .put("gateId", gateId)
                .put("label", "cli test")
                .put("role", role);
        return send("POST", "/admin/v1/enrollment-tokens", "Bearer " + adminToken, body)
                .path("enrollmentCode")
                .asText();
    }

    /** A confirmed booking of {@code adults} tickets for tomorrow's first slot: its uuid, slot start and pass texts. */
    Booked book(int adults) throws IOException {
        String auth = "Bearer " + channelKey;
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        ObjectNode q = JSON.createObjectNode()
                .put("productId", "park-entry")
                .put("optionId", "park-entry-std")
                .put("localDate", tomorrow.toString());
        JsonNode slots = send("POST", "/octo/availability", auth, q);
        JsonNode slot = null;
        for (JsonNode s : slots) {
            if (s.path("available").asBoolean(true)
                    && "AVAILABLE".equals(s.path("status").asText("AVAILABLE"))) {
                slot = s;
                break;
            }
        }
        if (slot == null) {
            throw new IllegalStateException("nothing bookable tomorrow: " + slots);
        }
        String uuid = UUID.randomUUID().toString();
        ObjectNode res = JSON.createObjectNode()
                .put("uuid", uuid)
                .put("productId", "park-entry")
                .put("optionId", "park-entry-std")
                .put("availabilityId", slot.path("id").asText());
        ArrayNode items = res.putArray("unitItems");
        for (int i = 0; i < adults; i++) {
            items.addObject().put("unitId", "park-entry-adult");
        }
        send("POST", "/octo/bookings", auth, res);
        ObjectNode confirm = JSON.createObjectNode();
        confirm.putObject("contact").put("fullName", "Gate Test");
        JsonNode b = send("POST", "/octo/bookings/" + uuid + "/confirm", auth, confirm);
        List<String> passes = new ArrayList<>();
        for (JsonNode item : b.path("unitItems")) {
            for (JsonNode d : item.path("ticket").path("deliveryOptions")) {
                if ("QRCODE".equals(d.path("deliveryFormat").asText())) {
                    passes.add(d.path("deliveryValue").asText());
                }
            }
        }
        return new Booked(
                uuid, OffsetDateTime.parse(slot.path("localDateTimeStart").asText()), passes);
    }

    /**
     * Polls the terminal manifest feed (as the enrolled device in {@code deviceJson}) until every pass id is in it
     * with card UIDs or biometric subjects.
     */
    void awaitManifest(Path deviceJson, String... passIds) throws IOException, InterruptedException {
        String token = JSON.readTree(Files.readAllBytes(deviceJson))
                .path("deviceToken")
                .asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        java.util.Set<String> wanted = new java.util.HashSet<>(List.of(passIds));
        while (true) {
            java.util.Set<String> found = new java.util.HashSet<>();
            long cursor = 0;
            boolean more = true;
            while (more) {
                JsonNode page =
                        send("GET", "/terminal/v1/manifest?cursor=" + cursor + "&limit=1000", "Device " + token, null);
                for (JsonNode e : page.path("upserts")) {
                    if (e.path("cardUids").size()
                                    + e.path("biometricSubjects").size()
                                    + e.path("holderBindings").size()
                            > 0) {
                        found.add(e.path("passId").asText());
                    }
                }
                more = page.path("more").asBoolean(false)
                        && page.path("toCursor").asLong() > cursor;
                cursor = page.path("toCursor").asLong();
            }
            if (found.containsAll(wanted)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("manifest still lacks " + wanted + " after 30 s");
            }
            synchronized (this) {
                wait(200); // poll interval; the condition above decides
            }
        }
    }

    /** The booking's OCTO status. */
    String bookingStatus(String uuid) throws IOException {
        return send("GET", "/octo/bookings/" + uuid, "Bearer " + channelKey, null)
                .path("status")
                .asText();
    }

    JsonNode send(String method, String path, String auth, JsonNode body) throws IOException {
        Request.Builder rb = new Request.Builder().url(baseUrl + path).header("Authorization", auth);
        rb.method(method, body == null ? null : RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE));
        try (Response r = http.newCall(rb.build()).execute()) {
            String text = r.body().string();
            if (r.code() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " -> HTTP " + r.code() + " " + text);
            }
            return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
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
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A confirmed booking. */
    static final class Booked {
        final String uuid;
        final OffsetDateTime slotStart;
        final List<String> passes;

        Booked(String uuid, OffsetDateTime slotStart, List<String> passes) {
            this.uuid = uuid;
            this.slotStart = slotStart;
            this.passes = passes;
        }
    }
}
