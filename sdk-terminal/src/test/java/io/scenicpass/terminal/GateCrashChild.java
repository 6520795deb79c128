package io.scenicpass.terminal;

import io.scenicpass.core.Pass;
import io.scenicpass.terminal.journal.FsyncPolicy;
import java.nio.file.Paths;

/**
 * Child process of {@link GateCrashTest}: two lanes decide on fresh single-entry passes and print
 * {@code DECIDED <eventId> <verdict> <passText> $} once {@link Gate#decide} returned. Runs until killed.
 */
public final class GateCrashChild {
    private GateCrashChild() {}

    public static void main(String[] args) throws Exception {
        GateFixture f = new GateFixture();
        String tag = args[1];
        Gate gate = f.gateBuilder(Paths.get(args[0]))
                .fsyncPolicy(FsyncPolicy.ALWAYS)
                .journalSegmentBytes(8192)
                .build();
        Thread[] lanes = new Thread[2];
        for (int t = 0; t < lanes.length; t++) {
            int lane = t;
            lanes[t] = new Thread(() -> {
                for (int i = 0; ; i++) {
                    Pass p = f.issue(
                            f.claims().passId(tag + "L" + lane + "N" + i).build());
                    Decision d = gate.decide(Credential.qr(p.text()), GateContext.entry("main"));
                    synchronized (System.out) {
                        System.out.println("DECIDED " + d.eventId() + " " + d.verdict() + " " + p.text() + " $");
                        System.out.flush();
                    }
                }
            });
            lanes[t].start();
        }
        for (Thread t : lanes) {
            t.join();
        }
    }
}
