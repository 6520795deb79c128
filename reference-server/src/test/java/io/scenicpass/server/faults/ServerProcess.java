package io.scenicpass.server.faults;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A reference server in its own JVM, for {@link ServerKillTest}: a {@link TestServer} on the data directory
 * {@code args[0]} and the database {@code args[1]} (a JDBC URL; absent: H2 in the data directory), with the same admin
 * token, key passphrase and clock as the in-process one; prints {@code PORT <port>} and serves until its stdin
 * closes — or until it is killed.
 */
public final class ServerProcess {
    private ServerProcess() {}

    public static void main(String[] args) throws Exception {
        TestServer ts = new TestServer(
                Path.of(args[0]), args.length > 1 ? args[1] : null, new MutableClock(TestServer.START), Map.of());
        System.out.println("PORT " + ts.server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the parent goes away
        }
        ts.close();
    }
}
