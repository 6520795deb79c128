package io.scenicpass.examples.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.core.Claims;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.sync.SyncException;
import io.scenicpass.terminal.sync.SyncReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A gate terminal embedding sdk-terminal with simulated devices: books a ticket through the channel API (or takes a
 * pass), enrolls a gate against the demo server, and admits the ticket just booked.
 *
 * <pre>
 * ./scenicpass demo --data data &amp;
 * examples/gate-terminal/run.sh --demo-json data/demo.json [--adults N] [--pass SP1...] [--data DIR] [--gate GATE_ID]
 * </pre>
 * The gate runs at the booked slot's start plus ten minutes (a simulated clock), so the demo works at any hour.
 */
public final class GateTerminalExample {
    private GateTerminalExample() {}

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Map<String, String> opts;
        JsonNode demo;
        try {
            opts = parse(args);
            if (!opts.containsKey("demo-json")) {
                throw new IllegalArgumentException("--demo-json FILE is required");
            }
            demo = OctoJson.mapper().readTree(Files.readAllBytes(Paths.get(opts.get("demo-json"))));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(
                    "usage: run.sh --demo-json FILE [--adults N] [--pass SP1...] [--data DIR] [--gate GATE_ID]");
            return 2;
        }
        String baseUrl = demo.path("baseUrl").asText().replaceAll("/+$", "");
        Path data = Paths.get(opts.getOrDefault("data", "gate-terminal-data"));
        List<String> passes = new ArrayList<>();
        String bookingUuid = null;
        try (ChannelClient channel = ChannelClient.builder()
                .baseUrl(baseUrl + "/octo")
                .apiKey(demo.path("channelApiKey").asText())
                .build()) {
            if (opts.containsKey("pass")) {
                passes.add(opts.get("pass"));
            } else {
                out.println("== booking through the channel API ("
                        + demo.path("channelId").asText("channel") + ")");
                OtaBookingFlow.Result r = new OtaBookingFlow(channel, Clock.systemUTC(), out)
                        .run("park-entry", Integer.parseInt(opts.getOrDefault("adults", "2")), "GATE-EXAMPLE");
                passes.addAll(r.qrCodes);
                bookingUuid = r.booking.getUuid();
            }
            Instant at = gateTime(passes.get(0));
            out.println("== the gate runs at " + at + " (simulated clock: the booked slot)");
            String code = null;
            if (!Files.exists(data.resolve("device.json"))) {
                code = enrollmentCode(
                        baseUrl, demo.path("adminToken").asText(), opts.getOrDefault("gate", "gate-north"));
                out.println("== enrolling a new gate device (one-time code from the admin API) into " + data);
            } else {
                out.println("== reusing the enrollment in " + data.resolve("device.json"));
            }
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
            try (EmbeddedGate gate = new EmbeddedGate(data, baseUrl, code, clock, List.of())) {
                out.println("   device " + gate.credentials().deviceId() + " at gate "
                        + gate.credentials().gateId());
                out.println("   first sync: " + gate.start());
                for (String pass : passes) {
                    print(out, "scan ticket", gate.scan(pass));
                }
                print(out, "scan the first ticket again", gate.scan(passes.get(0)));
                SyncReport r = gate.syncNow();
                out.println("== sync: " + r + "; waiting for upload: " + gate.pendingUploads());
            }
            if (bookingUuid != null) {
                out.println("== the channel sees booking " + bookingUuid + " as "
                        + channel.booking(bookingUuid).getStatus());
            }
            return 0;
        } catch (SyncException e) {
            System.err.println("error: the gate could not talk to the server (" + e.code() + "): " + e.getMessage());
            return 1;
        } catch (ScenicPassException e) {
            System.err.println("error: not a ScenicPass pass (" + e.code() + ")");
            return 2;
        } catch (RuntimeException | IOException e) {
            System.err.println("error: " + e);
            return 1;
        }
    }

    private static void print(PrintStream out, String what, Decision d) {
        out.printf(
                "-> %s: %s %s  %s / %s%s%n",
                what,
                d.verdict(),
                d.reason(),
                d.messageZh(),
                d.messageEn(),
                d.pass()
                        .map(p -> "  (pass " + p.passId() + ", entries used " + p.entriesUsed() + ")")
                        .orElse(""));
    }

    /** Ten minutes into the pass's slot (or its validity). */
    static Instant gateTime(String passText) {
        Claims c = PassCodec.decode(passText).claims();
        Optional<Instant> slot = c.slotStart();
        return slot.orElse(c.validFrom()).plus(Duration.ofMinutes(10));
    }

    /** Asks the admin API for a one-time enrollment code for a gate. */
    static String enrollmentCode(String baseUrl, String adminToken, String gateId) throws IOException {
        OkHttpClient http = new OkHttpClient();
        String body = OctoJson.mapper().writeValueAsString(Map.of("gateId", gateId, "label", "gate-terminal example"));
        Request req = new Request.Builder()
                .url(baseUrl + "/admin/v1/enrollment-tokens")
                .header("Authorization", "Bearer " + adminToken)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
                .build();
        try (Response r = http.newCall(req).execute()) {
            String text = r.body().string();
            if (r.code() != 201) {
                throw new IOException("creating an enrollment token failed: HTTP " + r.code() + " " + text);
            }
            return OctoJson.mapper().readTree(text).path("enrollmentCode").asText();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }
}
