package io.scenicpass.examples.e2e;

import io.scenicpass.examples.ota.DemoServer;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Fails the gate tests at once, with a clear message, when the server jar does not serve the terminal API. */
public final class TerminalApiProbe {
    private TerminalApiProbe() {}

    /**
     * @param server the running demo server
     * @throws IOException when the server cannot be reached
     */
    public static void requireTerminalApi(DemoServer server) throws IOException {
        OkHttpClient http = new OkHttpClient();
        try (Response r = http.newCall(new Request.Builder()
                        .url(server.baseUrl.replaceAll("/+$", "") + "/terminal/v1/keyset")
                        .build())
                .execute()) {
            if (r.code() == 404) {
                throw new AssertionError(
                        "the server jar does not serve /terminal/v1 (stale jar? rebuild reference-server)");
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
