package io.scenicpass.examples.e2e;

import io.scenicpass.examples.ota.DemoServer;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;

/** Skips (loudly) the gate tests when the server jar does not serve the terminal API yet. */
public final class TerminalApiProbe {
    private TerminalApiProbe() {
    }

    /**
     * @param server the running demo server
     * @throws IOException when the server cannot be reached
     */
    public static void requireTerminalApi(DemoServer server) throws IOException {
        OkHttpClient http = new OkHttpClient();
        try (Response r = http.newCall(new Request.Builder().url(server.baseUrl.replaceAll("/+$", "")
                + "/terminal/v1/keyset").build()).execute()) {
            if (r.code() == 404) {
                System.err.println("\n!!!!! SKIPPING the gate tests: the server jar does not serve /terminal/v1 yet\n");
                Assumptions.abort("server jar without terminal API");
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
