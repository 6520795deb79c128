package io.scenicpass.terminal.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

/**
 * Child process of {@link JournalCrashTest}: appends from several threads and prints
 * {@code ACK <id> <payload>} for each record after {@link Journal#append} returned. Runs until killed.
 */
public final class JournalCrashChild {
    private JournalCrashChild() {}

    public static void main(String[] args) throws Exception {
        String tag = args[1];
        Journal journal = Journal.open(JournalConfig.builder(Paths.get(args[0]))
                .fsyncPolicy(FsyncPolicy.valueOf(args[2]))
                .segmentBytes(4096)
                .build());
        int threads = 4;
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int tt = t;
            ts[t] = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String payload = tag + "-" + tt + "-" + i + "-" + "x".repeat(i % 97);
                    long id = journal.append(payload.getBytes(StandardCharsets.UTF_8));
                    synchronized (System.out) {
                        System.out.println("ACK " + id + " " + payload + " $");
                        System.out.flush();
                    }
                }
            });
            ts[t].start();
        }
        System.out.println("STARTED");
        System.out.flush();
        for (Thread t : ts) {
            t.join();
        }
    }
}
