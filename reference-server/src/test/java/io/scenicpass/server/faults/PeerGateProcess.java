package io.scenicpass.server.faults;

import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.peer.PeerNetwork;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One gate of {@link PeerLanTest} in its own JVM: the enrolled device in {@code args[0]} with its sync client (through
 * the fault proxy) and its LAN link on port {@code args[1]}. Commands on stdin, each tagged with a number the answer
 * repeats: {@code scan N <pass>} → {@code DECISION N <verdict> <reason> <eventId>}; {@code status N} → {@code STATUS
 * N <linked peers> <events learnt from peers> <pending uploads>}; {@code isolate N <id,id>}; {@code heal N}.
 */
public final class PeerGateProcess {
    private PeerGateProcess() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        DeviceCredentials creds = new CredentialStore(dir.resolve("device.json"))
                .load()
                .orElseThrow(() -> new IllegalStateException("not enrolled: " + dir));
        try (Gate gate = FaultRig.openGate(dir, creds);
                SyncClient sync =
                        FaultRig.openSync(creds, gate, FaultRig.terminalHttp().build());
                PeerNetwork lan = PeerNetwork.builder(gate)
                        .bindAddress("127.0.0.1")
                        .listenPort(port)
                        .heartbeat(java.time.Duration.ofMillis(300))
                        .start()) {
            sync.advertisePeerEndpoint("127.0.0.1:" + port);
            sync.start();
            System.out.println("READY " + creds.deviceId());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] w = line.trim().split(" ", 3);
                String n = w[1];
                switch (w[0]) {
                    case "scan":
                        Decision d = gate.decide(Credential.qr(w[2]), GateContext.entry("park"));
                        sync.entriesAvailable();
                        System.out.println("DECISION " + n + " " + d.verdict() + " " + d.reason() + " " + d.eventId());
                        break;
                    case "status":
                        System.out.println(
                                "STATUS " + n + " " + lan.linkedPeers().size() + " " + lan.eventsReceived() + " "
                                        + gate.journal().pendingCount());
                        break;
                    case "isolate":
                        lan.isolate(Arrays.asList(w[2].split(",")));
                        System.out.println("OK " + n + " done");
                        break;
                    case "heal":
                        lan.isolate(List.of());
                        System.out.println("OK " + n + " done");
                        break;
                    default:
                        System.out.println("UNKNOWN " + n);
                }
                System.out.flush();
            }
        }
    }
}
