package io.scenicpass.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.ThreadDumpOnTimeout;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.EnrollmentCode;
import io.scenicpass.terminal.sync.Provisioning;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four gate processes of one site and a server behind the fault proxy. With the cloud cut, a pass used at gate 1 is
 * refused at gate 3 (learnt on the LAN); a partition lets both halves admit the same pass, and once healed every gate
 * holds every entry and the server reports the over-use; a gate killed -9 right after admitting loses nothing; when
 * the cloud returns, every entry is stored once whichever gates upload it, and each booking is REDEEMED.
 */
@Tag("slow")
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith(ThreadDumpOnTimeout.class)
class PeerLanTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dir;

    private final AtomicInteger tags = new AtomicInteger();

    /** A gate process and the pipe to its stdin. */
    private final class GateProc implements AutoCloseable {
        final Path home;
        final int port;
        final ChildJvm jvm;
        final String deviceId;

        GateProc(Path home, int port) throws Exception {
            this.home = home;
            this.port = port;
            this.jvm = new ChildJvm(
                    PeerGateProcess.class,
                    home.resolve("gate-" + System.nanoTime() + ".err"),
                    home.toString(),
                    "" + port);
            FaultRig.await(
                    "gate " + home.getFileName() + " to start",
                    () -> jvm.value("READY") != null || !jvm.process.isAlive());
            assertThat(jvm.process.isAlive()).as("gate process alive").isTrue();
            this.deviceId = jvm.value("READY");
        }

        /** Sends a tagged command and waits for its answer line; returns the answer's words after the tag. */
        String[] ask(String command, String answer, String rest) throws Exception {
            String n = Integer.toString(tags.incrementAndGet());
            OutputStream in = jvm.process.getOutputStream();
            in.write((command + " " + n + (rest == null ? "" : " " + rest) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            FaultRig.await(command + " at " + home.getFileName(), () -> jvm.value(answer + " " + n) != null);
            String v = jvm.value(answer + " " + n);
            return v.isEmpty() ? new String[0] : v.split(" ");
        }

        String[] scan(String pass) throws Exception {
            return ask("scan", "DECISION", pass);
        }

        /** @return linked peers, events learnt from peers, pending uploads */
        long[] status() throws Exception {
            String[] s = ask("status", "STATUS", null);
            return new long[] {Long.parseLong(s[0]), Long.parseLong(s[1]), Long.parseLong(s[2])};
        }

        @Override
        public void close() {
            jvm.close(); // kill -9
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Polls the gate's status until {@code ok}, for up to 60 s (five JVMs on a shared 2-core machine are slow to
     * reconnect); the failure names the last status.
     */
    private static void awaitStatus(String what, GateProc g, java.util.function.Predicate<long[]> ok) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        long[] last = g.status();
        while (!ok.test(last)) {
            assertThat(System.nanoTime())
                    .as(
                            "%s: last status (linked, learnt, pending) %s of %s",
                            what, java.util.Arrays.toString(last), g.home)
                    .isLessThan(deadline);
            synchronized (g) {
                g.wait(50);
            }
            last = g.status();
        }
    }

    @Test
    void fourGatesKeepOneEntryPerTicketWhileTheCloudIsDown() throws Exception {
        try (FaultRig rig = new FaultRig(dir, null, false)) {
            List<Path> homes = new ArrayList<>();
            homes.add(dir.resolve("terminal"));
            for (int i = 2; i <= 4; i++) {
                TestServer.Answer token = rig.ts.post(
                        "/admin/v1/enrollment-tokens", TestServer.ADMIN, "{\"gateId\":\"gate-a\",\"label\":\"lan\"}");
                Path home = dir.resolve("terminal" + i);
                new Provisioning(new CredentialStore(home.resolve("device.json")))
                        .serverUrl(rig.proxy.url())
                        .enroll(
                                EnrollmentCode.parse(token.json()
                                                .get("enrollmentCode")
                                                .asText())
                                        .token(),
                                "lane " + i,
                                "SP-LAN");
                homes.add(home);
            }
            List<String> passes = rig.book("lan", 3);
            String pA = passes.get(0);
            String pB = passes.get(1);
            String pC = passes.get(2);
            List<GateProc> gates = new ArrayList<>();
            try {
                for (Path h : homes) {
                    gates.add(new GateProc(h, freePort()));
                }
                for (GateProc g : gates) {
                    awaitStatus("gate " + g.deviceId + " linked to the three others", g, s -> s[0] == 3);
                }
                rig.proxy.mode(FaultProxy.Mode.RESET); // the cloud is unreachable from here on
                GateProc g1 = gates.get(0);
                GateProc g2 = gates.get(1);
                GateProc g3 = gates.get(2);
                GateProc g4 = gates.get(3);

                // used at gate 1, refused at gate 3
                String[] a = g1.scan(pA);
                assertThat(a[0]).isEqualTo("ADMIT");
                awaitStatus("gate 3 learnt the entry", g3, s -> s[1] >= 1);
                assertThat(g3.scan(pA)).startsWith("DENY", "ALREADY_ENTERED");

                // a partition {1,2} | {3,4}: both halves admit pass B
                for (GateProc g : List.of(g1, g2)) {
                    g.ask("isolate", "OK", g3.deviceId + "," + g4.deviceId);
                }
                for (GateProc g : List.of(g3, g4)) {
                    g.ask("isolate", "OK", g1.deviceId + "," + g2.deviceId);
                }
                for (GateProc g : gates) {
                    awaitStatus("partitioned", g, s -> s[0] == 1);
                }
                assertThat(g2.scan(pB)[0]).isEqualTo("ADMIT");
                assertThat(g4.scan(pB)[0]).as("the other half cannot know").isEqualTo("ADMIT");
                for (GateProc g : gates) {
                    g.ask("heal", "OK", null);
                }
                // converged: three admissions in all; each gate learnt those it did not decide
                awaitStatus("gate 1 converged", g1, s -> s[1] == 2);
                awaitStatus("gate 2 converged", g2, s -> s[1] == 2);
                awaitStatus("gate 3 converged", g3, s -> s[1] == 3);
                awaitStatus("gate 4 converged", g4, s -> s[1] == 2);

                // kill -9 gate 4 right after it admits pass C (its push may or may not have left): nothing lost
                assertThat(g4.scan(pC)[0]).isEqualTo("ADMIT");
                g4.close();
                GateProc g4again = new GateProc(g4.home, g4.port);
                gates.set(3, g4again);
                awaitStatus("gate 1 learnt the entry of the killed gate", g1, s -> s[1] == 3);
                assertThat(g1.scan(pC)).startsWith("DENY", "ALREADY_ENTERED");

                // the cloud returns: every gate uploads everything it holds; the server keeps one copy of each
                rig.proxy.mode(FaultProxy.Mode.PASS);
                for (GateProc g : gates) {
                    awaitStatus("gate " + g.deviceId + " uploaded everything", g, s -> s[2] == 0);
                }
            } finally {
                gates.forEach(GateProc::close);
            }

            JsonNode rows =
                    rig.ts.get("/admin/v1/entries?limit=5000", TestServer.ADMIN).json();
            Map<String, Integer> admissions = new HashMap<>();
            Map<String, Integer> perEvent = new HashMap<>();
            for (JsonNode r : rows) {
                perEvent.merge(r.path("eventId").asText(), 1, Integer::sum);
                if ("ADMIT".equals(r.path("verdict").asText())) {
                    admissions.merge(r.path("passId").asText(), 1, Integer::sum);
                }
            }
            assertThat(perEvent.values()).as("each event stored once").containsOnly(1);
            String idA = PassCodec.decode(pA).claims().passId();
            String idB = PassCodec.decode(pB).claims().passId();
            String idC = PassCodec.decode(pC).claims().passId();
            assertThat(admissions).containsEntry(idA, 1).containsEntry(idB, 2).containsEntry(idC, 1);
            JsonNode conflicts =
                    rig.ts.get("/admin/v1/overuse-conflicts", TestServer.ADMIN).json();
            List<String> over = new ArrayList<>();
            conflicts.forEach(c -> over.add(c.path("passId").asText()));
            assertThat(over).as("the partition's over-use, reported once").containsExactly(idB);
            for (Map.Entry<String, String> b : rig.passByBooking.entrySet()) {
                assertThat(rig.ts
                                .get("/octo/bookings/" + b.getKey(), rig.key)
                                .json()
                                .path("status")
                                .asText())
                        .as("booking %s", b.getKey())
                        .isEqualTo("REDEEMED");
            }
        }
    }
}
