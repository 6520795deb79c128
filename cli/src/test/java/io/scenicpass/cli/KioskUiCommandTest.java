package io.scenicpass.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.terminal.document.ChineseIdNumber;
import io.scenicpass.testing.browser.BrowserHarness;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scenicpass kiosk --ui-port 0} against the REAL reference server (child JVM): the touch UI comes up beside
 * the stdin kiosk, an {@code id:} line puts a document on the screen's ID card reader, and the screen (real headless
 * Chromium) takes it there and books the order.
 */
@Tag("slow")
class KioskUiCommandTest {
    static final String VISITOR = "34010219880520001" + ChineseIdNumber.checkCharacter("34010219880520001");

    @TempDir
    static Path dir;

    private static ReferenceServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        BrowserHarness.require(); // skips loudly before starting a server it cannot use
        server = ReferenceServerProcess.start(dir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTouchUiSellsThroughTheKioskAndReadsItsDocumentReaders() throws Exception {
        PipedOutputStream toKiosk = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(toKiosk);
        PipedInputStream fromKiosk = new PipedInputStream(1 << 16);
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(new PipedOutputStream(fromKiosk), UTF_8), true);
        StringWriter err = new StringWriter();
        String token = server.enrollmentCode("gate-north", "KIOSK");
        CompletableFuture<Integer> kiosk =
                CompletableFuture.supplyAsync(() -> Main.commandLine(stdin, stdout, new PrintWriter(err, true))
                        .execute(
                                "kiosk",
                                "--json",
                                "--ui-port",
                                "0",
                                "--server",
                                server.baseUrl,
                                "--enroll",
                                token,
                                "--data",
                                dir.resolve("kiosk").toString()));
        BufferedReader events = new BufferedReader(new InputStreamReader(fromKiosk, UTF_8));
        Writer in = new OutputStreamWriter(toKiosk, UTF_8);
        try {
            String url = next(events, "ui").path("url").asText();
            assertThat(url).startsWith("http://127.0.0.1:");

            in.write("id:" + VISITOR + "/王强\n");
            in.flush();
            assertThat(next(events, "presented").path("reader").asText()).isEqualTo("ID_CARD");

            JsonNode r = BrowserHarness.require()
                    .run(
                            "browser/kiosk-ui-swipe.cjs",
                            url,
                            Paths.get("target/browser/KioskUiCommandTest"),
                            Map.of("productId", "park-entry", "unitId", "park-entry-adult"))
                    .orFail();
            assertThat(r.path("lang").asText()).isEqualTo("zh-CN");
            assertThat(r.path("read").path("number").asText()).isEqualTo(VISITOR);
            assertThat(r.path("read").path("name").asText()).isEqualTo("王强");
            assertThat(r.path("amount").asText()).startsWith("¥");
        } finally {
            in.write("quit\n");
            in.close();
        }
        assertThat(kiosk.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
    }

    /** The next event of that type on the kiosk's output (blocking read; the kiosk answers every line, an error too). */
    private static JsonNode next(BufferedReader events, String type) throws Exception {
        String line;
        while ((line = events.readLine()) != null) {
            JsonNode e = ReferenceServerProcess.JSON.readTree(line);
            if (type.equals(e.path("type").asText())) {
                return e;
            }
            if (e.path("type").asText().matches("error|refused")) {
                throw new AssertionError("the kiosk answered " + e + " before a '" + type + "' event");
            }
        }
        throw new AssertionError("the kiosk ended before a '" + type + "' event");
    }
}
