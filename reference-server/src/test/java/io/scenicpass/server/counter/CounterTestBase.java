package io.scenicpass.server.counter;

import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh server with the {@link CounterFixture} for each test (H2 file database in a temporary directory). */
abstract class CounterTestBase {
    @TempDir
    Path dir;

    TestServer ts;
    CounterFixture f;

    @BeforeEach
    void startServer() {
        ts = TestServer.h2(dir);
        f = new CounterFixture(ts);
    }

    @AfterEach
    void stopServer() {
        ts.close();
    }
}
