package io.scenicpass.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.examples.e2e.TerminalApiProbe;
import io.scenicpass.examples.ota.DemoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate-terminal example, run as documented against the real demo server: books, enrolls, admits, REDEEMED. */
@Tag("slow")
class GateTerminalExampleTest {
    @TempDir
    Path dir;

    @Test
    void booksEnrollsAndAdmitsTheTicketJustBookedThenReusesTheEnrollment() throws Exception {
        DemoServer server = DemoServer.shared();
        TerminalApiProbe.requireTerminalApi(server);
        String demoJson = server.dataDir.resolve("demo.json").toString();
        String data = dir.resolve("gate").toString();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = GateTerminalExample.run(
                new String[] {"--demo-json", demoJson, "--data", data},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("enrolling a new gate device");
        assertThat(out.split("-> scan ticket: ADMIT OK", -1)).as(out).hasSize(3);
        assertThat(out).contains("-> scan the first ticket again: DENY ALREADY_ENTERED");
        assertThat(out).contains("waiting for upload: 0").contains(" as REDEEMED");

        bytes.reset();
        code = GateTerminalExample.run(
                new String[] {"--demo-json", demoJson, "--data", data, "--adults", "1"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out)
                .contains("reusing the enrollment")
                .contains("-> scan ticket: ADMIT OK")
                .contains(" as REDEEMED");
    }

    @Test
    void missingDemoJsonIsAUsageError() {
        assertThat(GateTerminalExample.run(new String[] {"--data", dir.toString()}, System.out))
                .isEqualTo(2);
        assertThat(GateTerminalExample.run(
                        new String[] {"--demo-json", dir.resolve("none.json").toString()}, System.out))
                .isEqualTo(2);
    }
}
