package io.scenicpass.server.store;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class StorePostgresTest extends StoreContract {
  @BeforeAll
  static void requirePostgres() {
    if (!PostgresServer.available()) {
      System.err.println("!!! PostgreSQL 15 binaries missing: SKIPPING PostgreSQL store tests");
    }
    Assumptions.assumeTrue(PostgresServer.available(), "PostgreSQL not installed");
  }

  @Override
  String url() {
    return PostgresServer.get().newDatabase();
  }

  @Override
  String otherUrl() {
    return PostgresServer.get().newDatabase();
  }

  @Override
  String user() {
    return "postgres";
  }
}
