package io.scenicpass.terminal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that nothing acknowledged is lost: a child JVM appends from four threads (group commit) and
 * prints every acknowledged record; it is killed with SIGKILL at a random point, many times over the
 * same journal directory. After each kill the journal is recovered and must contain every acknowledged
 * record exactly once, with the right content.
 */
@Tag("slow")
class JournalCrashTest {
    private static final int ITERATIONS = 40;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesSigkillExactlyOnce() throws Exception {
        Random random = new Random(20261124L);
        Map<Long, String> acked = new HashMap<>();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        int killsMidWrite = 0;
        for (int iter = 0; iter < ITERATIONS; iter++) {
            FsyncPolicy policy = iter % 4 == 3 ? FsyncPolicy.NEVER : FsyncPolicy.ALWAYS;
            ProcessBuilder pb = new ProcessBuilder(
                    java,
                    "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto",
                    "-cp",
                    System.getProperty("java.class.path"),
                    JournalCrashChild.class.getName(),
                    dir.toString(),
                    "it" + iter,
                    policy.name());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            int killAfter = random.nextInt(400);
            int seen = 0;
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("ACK ") && line.endsWith(" $")) {
                        String[] parts = line.substring(0, line.length() - 2).split(" ", 3);
                        String prev = acked.put(Long.parseLong(parts[1]), parts[2]);
                        assertThat(prev)
                                .as("id %s acknowledged twice", parts[1])
                                .isNull();
                        seen++;
                    }
                    if (line.equals("STARTED") && killAfter == 0 || seen >= killAfter && seen > 0) {
                        p.destroyForcibly(); // SIGKILL on Unix
                        killsMidWrite++;
                        break;
                    }
                }
                // drain what was already printed before the kill: those were acknowledged too
                try {
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("ACK ") && line.endsWith(" $")) {
                            String[] parts =
                                    line.substring(0, line.length() - 2).split(" ", 3);
                            acked.put(Long.parseLong(parts[1]), parts[2]);
                        }
                    }
                } catch (java.io.IOException streamClosedByKill) {
                    // the JDK may close the pipe once the process is gone; what we read is checked
                }
            }
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            verify(acked);
        }
        assertThat(killsMidWrite).isEqualTo(ITERATIONS);
        assertThat(acked.size()).isGreaterThan(ITERATIONS * 10);
    }

    private void verify(Map<Long, String> acked) {
        Map<Long, String> onDisk = new HashMap<>();
        List<String> payloads = new ArrayList<>();
        try (Journal j =
                Journal.open(JournalConfig.builder(dir).segmentBytes(4096).build())) {
            j.forEach(rec -> {
                String text = new String(rec.payload(), StandardCharsets.UTF_8);
                assertThat(onDisk.put(rec.id(), text))
                        .as("record id %d present twice", rec.id())
                        .isNull();
                payloads.add(text);
            });
            assertThat(j.pendingCount()).isEqualTo(onDisk.size());
        }
        assertThat(payloads).doesNotHaveDuplicates();
        for (Map.Entry<Long, String> e : acked.entrySet()) {
            assertThat(onDisk.get(e.getKey()))
                    .as("acknowledged record %d", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }
}
