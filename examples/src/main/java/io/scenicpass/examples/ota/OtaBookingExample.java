package io.scenicpass.examples.ota;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.ChannelException;
import io.scenicpass.channel.model.OctoJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Books a ticket for tomorrow through the OCTO API and shows its QR code.
 *
 * <pre>
 * examples/ota-booking/run.sh --demo-json data/demo.json
 * examples/ota-booking/run.sh --base-url http://127.0.0.1:8080 --api-key KEY [--product ID] [--adults N]
 *                             [--png ticket.png] [--light-terminal]
 * </pre>
 * The API key may also come from the environment variable {@code SCENICPASS_API_KEY}.
 */
public final class OtaBookingExample {
    private OtaBookingExample() {}

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> opts;
        try {
            opts = parse(args);
            if (opts.containsKey("demo-json")) {
                JsonNode demo = OctoJson.mapper().readTree(Files.readAllBytes(Paths.get(opts.get("demo-json"))));
                opts.putIfAbsent("base-url", demo.path("baseUrl").asText(null));
                opts.putIfAbsent("api-key", demo.path("channelApiKey").asText(null));
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(
                    "usage: run.sh (--demo-json FILE | --base-url URL --api-key KEY) [--product ID] [--adults N] "
                            + "[--png FILE] [--light-terminal]");
            return 2;
        }
        String apiKey = opts.getOrDefault("api-key", System.getenv("SCENICPASS_API_KEY"));
        String baseUrl = opts.get("base-url");
        if (baseUrl == null || apiKey == null) {
            System.err.println("error: --base-url and --api-key (or --demo-json) are required");
            return 2;
        }
        String octo = baseUrl.replaceAll("/+$", "");
        if (!octo.endsWith("/octo")) {
            octo = octo + "/octo";
        }
        Path png = Paths.get(opts.getOrDefault("png", "ticket.png"));
        try (ChannelClient client =
                ChannelClient.builder().baseUrl(octo).apiKey(apiKey).build()) {
            OtaBookingFlow.Result r = new OtaBookingFlow(client, Clock.systemUTC(), System.out)
                    .run(
                            opts.get("product"),
                            Integer.parseInt(opts.getOrDefault("adults", "1")),
                            "OTA-DEMO-" + System.currentTimeMillis());
            String qr = r.qrCodes.get(0);
            System.out.printf("5. ticket 1 of %d (%d chars of signed pass):%n", r.qrCodes.size(), qr.length());
            System.out.print(QrCodes.ascii(qr, !opts.containsKey("light-terminal")));
            QrCodes.writePng(qr, 400, png);
            System.out.println("   PNG saved to " + png.toAbsolutePath());
            return 0;
        } catch (ChannelException e) {
            System.err.printf("error: %s (code %s, HTTP %d)%n", e.getMessage(), e.getErrorCode(), e.getHttpStatus());
            return 1;
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                m.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (name.equals("light-terminal")) {
                m.put(name, "true");
            } else if (i + 1 < args.length) {
                m.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
        }
        return m;
    }
}
