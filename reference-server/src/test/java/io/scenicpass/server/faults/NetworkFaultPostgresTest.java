package io.scenicpass.server.faults;

import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.ThreadDumpOnTimeout;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NetworkFaultTest}'s server restart on a real PostgreSQL started by the test: the server process goes away
 * with the terminal connected, a new one starts on the same database and keys behind the same proxy port, and the
 * terminal uploads the rest exactly once.
 */
@Tag("slow")
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith(ThreadDumpOnTimeout.class)
class NetworkFaultPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("NetworkFaultPostgresTest");
    }

    @Test
    void aServerRestartOnPostgresqlWithTheTerminalConnectedLosesNothing() throws Exception {
        try (FaultRig rig = new FaultRig(dir, PostgresServer.get().newDatabase())) {
            NetworkFaultTest.serverRestart(rig);
        }
    }
}
