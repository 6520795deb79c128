package io.scenicpass.server.flow;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

/** {@link FlowApiContract} on a real PostgreSQL started by the test. */
@Tag("slow")
class FlowApiPostgresTest extends FlowApiContract {
  @Override
  String dbUrl() {
    if (!PostgresServer.available()) {
      System.err.println("!!! PostgreSQL 15 binaries missing in /usr/lib/postgresql/15/bin: SKIPPING FlowApiPostgresTest");
    }
    Assumptions.assumeTrue(PostgresServer.available(), "PostgreSQL not installed");
    return PostgresServer.get().newDatabase();
  }
}
