package io.scenicpass.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.faults.FaultProxy.Mode;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.ThreadDumpOnTimeout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a server node mid-batch: the server runs in a child JVM ({@link ServerProcess}, on a real PostgreSQL
 * started by the test, as several nodes would share it) behind the
 * {@link FaultProxy}; a real gate uploads its decisions over a slow link in small batches; once the server has stored
 * some but not all of them it is killed ({@code destroyForcibly}). The gate keeps deciding; a new server on the same
 * database takes over behind the same proxy port, and it ends with every event exactly once, one entry per pass and
 * every booking REDEEMED.
 *
 * <p>On H2 too: the embedded default runs with {@code WRITE_DELAY=0}, so a commit is on the file before the server
 * answers (with H2's default write delay, acknowledged entries were lost in 4 of 6 runs).
 */
@Tag("slow")
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith(ThreadDumpOnTimeout.class)
class ServerKillTest {
    @TempDir
    Path dir;

    @Test
    void onPostgresKillingTheServerMidBatchLosesNothingAndDuplicatesNothing() throws Exception {
        PostgresServer.assumeAvailable("the server kill test");
        killMidBatch(PostgresServer.get().newDatabase());
    }

    @Test
    void onH2KillingTheServerMidBatchLosesNothingAndDuplicatesNothing() throws Exception {
        killMidBatch(null);
    }

    /** @param db a PostgreSQL JDBC URL, or null for the embedded H2 default in the data directory */
    private void killMidBatch(String db) throws Exception {
        try (FaultRig rig = new FaultRig(dir, db)) {
            List<String> passes = rig.book("srvkill", 34);
            rig.ts.server.syncFeeds().refreshManifest();
            assertThat(rig.sync.syncNow().success()).isTrue();
            rig.stopServer();

            OkHttpClient admin = new OkHttpClient.Builder()
                    .callTimeout(Duration.ofSeconds(5))
                    .build();
            String[] serverArgs = db == null
                    ? new String[] {dir.resolve("server").toString()}
                    : new String[] {dir.resolve("server").toString(), db};
            try (ChildJvm server = new ChildJvm(ServerProcess.class, dir.resolve("server.err"), serverArgs)) {
                FaultRig.await("the server process", () -> server.value("PORT") != null || !server.process.isAlive());
                assertThat(server.value("PORT")).as("server started").isNotNull();
                int port = Integer.parseInt(server.value("PORT").trim());
                rig.proxy.upstream(port);
                rig.proxy.slowDelay = Duration.ofMillis(20);
                rig.proxy.mode(Mode.SLOW);
                rig.sync.start();
                rig.scanAll(passes.subList(0, 30));
                int total = rig.decisions.size();
                FaultRig.await("the uploads to be under way", () -> stored(admin, port, rig) > 0);
                server.process.destroyForcibly();
                assertThat(server.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                rig.proxy.mode(Mode.PASS);
                // the gate never stops deciding while its server is gone
                rig.scanAll(passes.subList(30, 34));
                // the server had stored some entries (awaited above); the terminal still holds more than the 4 decided
                // since
                assertThat(rig.gate.journal().pendingCount())
                        .as("killed mid-upload")
                        .isGreaterThan(4);
                System.out.println("[faults] killed the server with "
                        + (rig.decisions.size() - rig.gate.journal().pendingCount()) + " of " + total
                        + " entries acknowledged");
            } finally {
                admin.dispatcher().executorService().shutdown();
            }
            rig.startServer();
            rig.assertExactlyOnce();
            assertThat(rig.ts.server.inventory().repair().check())
                    .as("counters = sums over the bookings")
                    .isEmpty();
        }
    }

    /** Entries of the rig's device on the child server, over its admin API. */
    private static int stored(OkHttpClient http, int port, FaultRig rig) {
        Request r = new Request.Builder()
                .url("http://127.0.0.1:" + port + "/admin/v1/entries?deviceId=" + rig.creds.deviceId())
                .header("Authorization", "Bearer " + TestServer.ADMIN)
                .build();
        try (Response resp = http.newCall(r).execute()) {
            return resp.code() == 200
                    ? TestServer.MAPPER.readTree(resp.body().string()).size()
                    : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
