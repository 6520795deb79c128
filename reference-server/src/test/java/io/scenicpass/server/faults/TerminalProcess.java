package io.scenicpass.server.faults;

import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * A terminal in its own JVM, for {@link TerminalKillTest}: the gate and sync client of an enrolled device in
 * {@code args[0]}.
 *
 * <ul>
 *   <li>{@code decide <passes file>}: syncs once (key set), decides every pass (every third twice), printing
 *       {@code DECIDED <eventId>} per decision and {@code DECIDED-ALL}, then uploads in the background until the journal
 *       is empty ({@code DRAINED}) — or until it is killed;
 *   <li>{@code drain}: uploads what the journal still holds, prints {@code DRAINED} and exits.
 * </ul>
 */
public final class TerminalProcess {
    private TerminalProcess() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        DeviceCredentials creds = new CredentialStore(dir.resolve("device.json"))
                .load()
                .orElseThrow(() -> new IllegalStateException("not enrolled: " + dir));
        OkHttpClient http = FaultRig.terminalHttp().build();
        try (Gate gate = FaultRig.openGate(dir, creds);
                SyncClient sync = FaultRig.openSync(creds, gate, http)) {
            if (args[1].equals("decide")) {
                int tries = 0;
                while (!sync.syncNow().success()) {
                    if (++tries > 20) {
                        throw new IllegalStateException("first sync failed: " + sync.lastReport());
                    }
                }
                System.out.println("SYNCED");
                List<String> passes = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
                for (int i = 0; i < passes.size(); i++) {
                    decide(gate, passes.get(i));
                    if (i % 3 == 0) {
                        decide(gate, passes.get(i));
                    }
                }
                System.out.println("DECIDED-ALL");
                System.out.flush();
            }
            sync.start();
            Instant deadline = Instant.now().plusSeconds(30);
            Object lock = new Object();
            while (gate.journal().pendingCount() > 0 && Instant.now().isBefore(deadline)) {
                synchronized (lock) {
                    lock.wait(50); // polls the journal; the deadline bounds the child
                }
            }
            System.out.println(
                    gate.journal().pendingCount() == 0
                            ? "DRAINED"
                            : "STUCK " + gate.journal().pendingCount());
            System.out.flush();
        } finally {
            http.dispatcher().executorService().shutdownNow();
        }
    }

    private static void decide(Gate gate, String pass) {
        Decision d = gate.decide(Credential.qr(pass), GateContext.entry("park"));
        System.out.println("DECIDED " + d.eventId() + " " + d.verdict() + " " + d.reason());
        System.out.flush();
    }
}
