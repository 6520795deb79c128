package io.scenicpass.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.faults.FaultProxy.Mode;
import io.scenicpass.server.testing.ThreadDumpOnTimeout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the terminal process mid-upload: a child JVM ({@link TerminalProcess}) decides a stream of passes and
 * uploads them over a slow link through the {@link FaultProxy}; once the server has stored some but not all entries
 * it is killed ({@code destroyForcibly}); a new child on the same state directory uploads the rest. The server ends
 * with every decided event exactly once, one entry per pass and every booking REDEEMED.
 */
@Tag("slow")
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith(ThreadDumpOnTimeout.class)
class TerminalKillTest {
    @TempDir
    Path dir;

    @Test
    void killingTheTerminalMidUploadLosesNothingAndDuplicatesNothing() throws Exception {
        try (FaultRig rig = new FaultRig(dir, null, false)) {
            List<String> passes = rig.book("kill", 30);
            rig.ts.server.syncFeeds().refreshManifest();
            Path passFile = dir.resolve("passes.txt");
            Files.write(passFile, passes, StandardCharsets.UTF_8);
            Path terminal = dir.resolve("terminal");
            rig.proxy.slowDelay = Duration.ofMillis(20);
            rig.proxy.mode(Mode.SLOW);

            ChildJvm first = child(terminal, "decide", passFile.toString());
            try {
                FaultRig.await("the child to decide everything", () -> first.lines.contains("DECIDED-ALL"));
                List<String> decided = eventIds(first);
                assertThat(decided).hasSize(passes.size() + 10);
                FaultRig.await("the upload to be under way", () -> rig.countRows() > 0);
                first.process.destroyForcibly();
                assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(first.lines).doesNotContain("DRAINED");
                long stored = rig.countRows();
                System.out.println(
                        "[faults] killed the terminal with " + stored + " of " + decided.size() + " entries stored");
                assertThat(stored).as("killed mid-upload").isBetween(1L, (long) decided.size() - 1);
                synchronized (rig.decisions) {
                    rig.decisions.addAll(decided);
                }
            } finally {
                first.process.destroyForcibly();
            }

            rig.proxy.mode(Mode.PASS);
            ChildJvm second = child(terminal, "drain");
            try {
                assertThat(second.process.waitFor(40, TimeUnit.SECONDS))
                        .as("second child finished")
                        .isTrue();
                assertThat(second.lines).contains("DRAINED");
            } finally {
                second.process.destroyForcibly();
            }
            rig.assertExactlyOnce();
        }
    }

    private ChildJvm child(Path terminal, String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = terminal.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return new ChildJvm(TerminalProcess.class, dir.resolve("child-" + args[0] + ".err"), all);
    }

    private static List<String> eventIds(ChildJvm c) {
        List<String> ids = new java.util.ArrayList<>();
        for (String l : c.lines) {
            if (l.startsWith("DECIDED ")) {
                ids.add(l.split(" ")[1]);
            }
        }
        return ids;
    }
}
