package io.scenicpass.server.service.internal;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class HoldCombinerPostgresTest extends HoldCombinerContract {
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
