package io.scenicpass.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The harness itself, in the real headless Chromium against a page served by the JDK's HTTP server. */
@Tag("slow")
class BrowserHarnessTest {
    static final String PAGE = "<!doctype html><html><body><button id=go"
            + " onclick=\"document.getElementById('said').textContent='你好 clicked'\">go</button>"
            + "<p id=said></p></body></html>";
    static HttpServer server;
    static String url;

    @BeforeAll
    static void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void runsAScriptAndReturnsItsResultAndScreenshots() throws Exception {
        Path out = Paths.get("target/browser/harness-ok");
        BrowserRun run = BrowserHarness.require().run("browser/harness-click.cjs", url, out, Map.of("locale", "en-GB"));
        assertThat(run.orFail().path("said").asText()).isEqualTo("你好 clicked");
        assertThat(run.result().path("lang").asText()).isEqualTo("en-GB");
        assertThat(run.screenshots()).containsExactly(out.toAbsolutePath().resolve("clicked.png"));
        byte[] png = Files.readAllBytes(run.screenshots().get(0));
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(run.pageErrors()).isEmpty();
    }

    @Test
    void aFailingStepComesBackAsAnErrorWithAScreenshot() {
        Path out = Paths.get("target/browser/harness-fail");
        BrowserRun run = BrowserHarness.require().run("browser/harness-click.cjs", url, out, Map.of("fail", true));
        assertThat(run.ok()).isFalse();
        assertThat(run.error()).contains("#never-there");
        assertThat(run.screenshots()).contains(out.toAbsolutePath().resolve("failure.png"));
    }
}
