package io.scenicpass.server.terminal;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** {@link EntryIdempotencyContract} on a real PostgreSQL started by the test. */
@Tag("slow")
class EntryIdempotencyPostgresTest extends EntryIdempotencyContract {
  @BeforeAll
  static void requirePostgres() {
    if (!PostgresServer.available()) {
      System.err.println("!!! PostgreSQL 15 binaries missing in /usr/lib/postgresql/15/bin: SKIPPING PostgreSQL tests");
    }
    Assumptions.assumeTrue(PostgresServer.available(), "PostgreSQL not installed");
  }

  @Override
  String dbUrl() {
    return PostgresServer.get().newDatabase();
  }
}
