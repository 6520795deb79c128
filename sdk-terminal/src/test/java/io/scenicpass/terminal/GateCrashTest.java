package io.scenicpass.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.rules.Reason;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every decision a gate returned survives a SIGKILL: a child JVM decides on two lanes and is killed at
 * random points; after each kill a gate recovered from the same directory holds every returned decision's
 * event exactly once, and the single-entry passes it admitted are refused as already used.
 */
@Tag("slow")
class GateCrashTest {
    private static final int ITERATIONS = 10;

    @TempDir
    Path dir;

    @Test
    void everyReturnedDecisionIsJournaledAndItsEntryCounted() throws Exception {
        Random random = new Random(77L);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> admittedPassByEvent = new HashMap<>();
        List<String> allEvents = new ArrayList<>();
        GateFixture f = new GateFixture();
        for (int iter = 0; iter < ITERATIONS; iter++) {
            Process p = new ProcessBuilder(
                            java,
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            GateCrashChild.class.getName(),
                            dir.toString(),
                            "I" + iter)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int killAfter = 1 + random.nextInt(60);
            Map<String, String> thisRun = new HashMap<>();
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                try {
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("DECIDED ") && line.endsWith(" $")) {
                            // the pass text is Base45 and may contain spaces: it is everything after the verdict
                            String[] parts =
                                    line.substring(0, line.length() - 2).split(" ", 4);
                            allEvents.add(parts[1]);
                            if ("ADMIT".equals(parts[2])) {
                                thisRun.put(parts[1], parts[3]);
                            }
                            if (thisRun.size() >= killAfter) {
                                p.destroyForcibly();
                            }
                        }
                    }
                } catch (IOException closedByKill) {
                    // what was read is checked
                }
            }
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            admittedPassByEvent.putAll(thisRun);
            try (Gate g = f.gate(dir)) {
                List<String> journaled = g.pendingEvents(1_000_000).stream()
                        .map(e -> e.event().eventId())
                        .collect(Collectors.toList());
                assertThat(journaled).doesNotHaveDuplicates().containsAll(allEvents);
                // the last few admitted passes of this run: their entry was counted before the kill
                List<String> sample = new ArrayList<>(thisRun.values());
                for (String text : sample.subList(Math.max(0, sample.size() - 3), sample.size())) {
                    Decision again = g.decide(Credential.qr(text), GateContext.entry("main"));
                    assertThat(again.reason()).isEqualTo(Reason.ALREADY_ENTERED);
                    allEvents.add(again.eventId());
                }
            }
        }
        assertThat(admittedPassByEvent).hasSizeGreaterThan(ITERATIONS);
    }
}
