package io.scenicpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gate} refuses unusable options with exit code 2 and a clear message, before touching any server. */
class GateCommandUsageTest {
    @TempDir
    Path dir;

    @Test
    void notEnrolledWithoutEnrollmentToken() {
        CliRun r = CliRun.run("quit\n", "gate", "--data", dir.resolve("fresh").toString(), "--json");
        assertThat(r.exit).isEqualTo(Main.USAGE);
        assertThat(r.err).contains("not enrolled yet").contains("--enroll");
        assertThat(r.out).isEmpty();
        assertThat(Files.exists(dir.resolve("fresh").resolve("device.json"))).isFalse();
    }

    @Test
    void unparsableClock() {
        CliRun r = CliRun.run("quit\n", "gate", "--data", dir.toString(), "--clock", "noon");
        assertThat(r.exit).isEqualTo(Main.USAGE);
        assertThat(r.err).contains("--clock").contains("noon");
    }

    @Test
    void unreachableServerOnFirstEnrollmentIsATypedError() {
        CliRun r = CliRun.run(
                "quit\n",
                "gate",
                "--data",
                dir.resolve("x").toString(),
                "--server",
                "http://127.0.0.1:1",
                "--enroll",
                "enr_token");
        assertThat(r.exit).isNotZero();
        assertThat(r.err).startsWith("gate: ").contains("NETWORK").doesNotContain("Exception\n\tat ");
    }
}
