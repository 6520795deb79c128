package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.terminal.TerminalFixtures.ListOutbox;
import io.scenicpass.server.terminal.TerminalHarness.MemoryState;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entry ingestion is idempotent by event id in the database: the same batch uploaded concurrently by several
 * connections is stored once (each event ACCEPTED exactly once, DUPLICATE otherwise), and concurrent admissions
 * of one single-entry pass at two gates yield exactly one over-use conflict. Run on H2 and PostgreSQL.
 */
abstract class EntryIdempotencyContract {
  @TempDir Path dir;

  abstract String dbUrl();

  @Test
  void concurrentUploadsStoreEveryEventOnce() throws Exception {
    try (TestServer ts = new TestServer(dir.resolve("server"), dbUrl(), new MutableClock(TestServer.START), Map.of());
        TerminalHarness th = new TerminalHarness(ts)) {
      String key = TerminalFixtures.setUp(ts);
      List<String> passIds = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        passIds.add(TerminalFixtures.passId(TerminalFixtures.book(ts, key, "idem-" + i)));
      }
      DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
      DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
      // the manifest feed works on this database too
      th.feeds.refreshManifest();
      MemoryState state = new MemoryState();
      try (SyncClient sync = SyncClient.builder(a).state(state).outbox(new ListOutbox()).push(false).build()) {
        assertThat(sync.syncNow().success()).isTrue();
      }
      assertThat(state.manifest.keySet()).containsAll(passIds);

      List<EntryEvent> events = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        EntryEvent e = TerminalFixtures.admit(i < passIds.size() ? passIds.get(i) : null, a.deviceId(), "gate-a",
            TerminalFixtures.SLOT_START.plusSeconds(i));
        events.add(i < passIds.size() ? e : e.toBuilder().verdict(Verdict.DENY).reason("NOT_FOUND").build());
      }
      EntryBatch batch = new EntryBatch(a.deviceId(), events);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<EntryAck>> uploads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          uploads.add(() -> TerminalFixtures.postEntries(ts.http, a, batch));
        }
        Map<String, Integer> accepted = new HashMap<>();
        for (Future<EntryAck> f : pool.invokeAll(uploads)) {
          for (EntryAckItem item : f.get().results()) {
            assertThat(item.status()).isIn(EntryAckStatus.ACCEPTED, EntryAckStatus.DUPLICATE);
            if (item.status() == EntryAckStatus.ACCEPTED) {
              accepted.merge(item.eventId(), 1, Integer::sum);
            }
          }
        }
        assertThat(accepted).hasSize(200);
        assertThat(accepted.values()).containsOnly(1);
        long rows = ts.server.database().read(c -> {
          try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM entry_event")) {
            rs.next();
            return rs.getLong(1);
          }
        });
        assertThat(rows).isEqualTo(200);

        // one single-entry pass, admitted offline at two gates, uploaded at the same moment
        String pass = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "idem-race"));
        EntryEvent atA = TerminalFixtures.admit(pass, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START);
        EntryEvent atB = TerminalFixtures.admit(pass, b.deviceId(), "gate-b", TerminalFixtures.SLOT_START.plusSeconds(60));
        List<Future<EntryAck>> race = pool.invokeAll(List.of(
            () -> TerminalFixtures.postEntries(ts.http, a, new EntryBatch(a.deviceId(), List.of(atA))),
            () -> TerminalFixtures.postEntries(ts.http, b, new EntryBatch(b.deviceId(), List.of(atB)))));
        for (Future<EntryAck> f : race) {
          f.get();
        }
        List<String> conflicted = new ArrayList<>();
        for (var k : th.entries.conflicts(100)) {
          if (k.passId().equals(pass)) {
            conflicted.add(k.eventId());
          }
        }
        assertThat(conflicted).containsExactly(atB.eventId());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void anAdmissionGivenBackAsNotPassedDoesNotCountAgainstThePass() throws Exception {
    try (TestServer ts = new TestServer(dir.resolve("server"), dbUrl(), new MutableClock(TestServer.START), Map.of());
        TerminalHarness th = new TerminalHarness(ts)) {
      String key = TerminalFixtures.setUp(ts);
      String passId = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "not-passed"));
      DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
      DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
      EntryEvent admitted = TerminalFixtures.admit(passId, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START);
      EntryEvent notPassed = admitted.toBuilder().eventId(java.util.UUID.randomUUID().toString())
          .verdict(Verdict.DENY).reason("NOT_PASSED").correctedTime(TerminalFixtures.SLOT_START.plusSeconds(20))
          .build();
      EntryEvent elsewhere = TerminalFixtures.admit(passId, b.deviceId(), "gate-b",
          TerminalFixtures.SLOT_START.plusSeconds(60));
      assertThat(TerminalFixtures.postEntries(ts.http, a, new EntryBatch(a.deviceId(), List.of(admitted, notPassed)))
          .results()).extracting(EntryAckItem::status).containsOnly(EntryAckStatus.ACCEPTED);
      assertThat(usedEntries(ts, passId)).isZero();
      // The single-entry pass was never used: its real entry at another gate is no over-use.
      assertThat(TerminalFixtures.postEntries(ts.http, b, new EntryBatch(b.deviceId(), List.of(elsewhere)))
          .results()).extracting(EntryAckItem::status).containsExactly(EntryAckStatus.ACCEPTED);
      assertThat(usedEntries(ts, passId)).isEqualTo(1);
      com.fasterxml.jackson.databind.JsonNode listed = th.admin("GET", "/admin/v1/entries?passId=" + passId, null);
      assertThat(listed.findValuesAsText("eventId")).containsExactly(elsewhere.eventId(), notPassed.eventId(),
          admitted.eventId());
      assertThat(th.admin("GET", "/admin/v1/entries?deviceId=" + b.deviceId(), null).findValuesAsText("eventId"))
          .containsExactly(elsewhere.eventId());
    }
  }

  /**
   * A large upload mixing every case is answered per event, in the order sent, and stored as such: over-use by
   * time (the later admission is the conflict even when it comes first in the batch), exits, a repeated event id
   * inside the batch, invalid events, unknown passes (more than one lookup chunk of them) and more rows than one
   * insert statement takes; a retry answers DUPLICATE for every stored event.
   */
  @Test
  void aLargeMixedBatchIsAnsweredPerEvent() throws Exception {
    try (TestServer ts = new TestServer(dir.resolve("server"), dbUrl(), new MutableClock(TestServer.START), Map.of());
        TerminalHarness th = new TerminalHarness(ts)) {
      String key = TerminalFixtures.setUp(ts);
      String twice = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "mixed-twice"));
      String outAgain = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "mixed-out"));
      DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
      java.time.Instant t = TerminalFixtures.SLOT_START;
      List<EntryEvent> events = new ArrayList<>();
      EntryEvent later = TerminalFixtures.admit(twice, a.deviceId(), "gate-b", t.plusSeconds(60));
      EntryEvent earlier = TerminalFixtures.admit(twice, a.deviceId(), "gate-a", t);
      EntryEvent in = TerminalFixtures.admit(outAgain, a.deviceId(), "gate-a", t);
      EntryEvent out = TerminalFixtures.admit(outAgain, a.deviceId(), "gate-a", t.plusSeconds(600)).toBuilder()
          .direction(io.scenicpass.core.Direction.OUT).build();
      EntryEvent invalid = TerminalFixtures.admit(outAgain, a.deviceId(), "gate-a", t).toBuilder().verdict(null)
          .build();
      events.addAll(List.of(later, earlier, in, out, invalid, later));
      for (int i = 0; i < 600; i++) { // admissions of passes this server never issued
        events.add(TerminalFixtures.admit("ghost-" + i, a.deviceId(), "gate-a", t.plusSeconds(i)));
      }
      for (int i = 0; i < 600; i++) {
        events.add(TerminalFixtures.admit(null, a.deviceId(), "gate-a", t.plusSeconds(i)).toBuilder()
            .verdict(Verdict.DENY).reason("NOT_FOUND").build());
      }
      EntryBatch batch = new EntryBatch(a.deviceId(), events);
      List<EntryAckItem> acks = TerminalFixtures.postEntries(ts.http, a, batch).results();
      assertThat(acks).hasSize(events.size());
      for (int i = 0; i < events.size(); i++) {
        assertThat(acks.get(i).eventId()).isEqualTo(events.get(i).eventId());
      }
      assertThat(acks.subList(0, 6)).extracting(EntryAckItem::status).containsExactly(
          EntryAckStatus.OVERUSE_CONFLICT, EntryAckStatus.ACCEPTED, EntryAckStatus.ACCEPTED, EntryAckStatus.ACCEPTED,
          EntryAckStatus.REJECTED, EntryAckStatus.DUPLICATE);
      assertThat(acks.get(0).message()).contains("gate-a");
      assertThat(acks.subList(6, 606)).allSatisfy(k -> {
        assertThat(k.status()).isEqualTo(EntryAckStatus.ACCEPTED);
        assertThat(k.message()).isEqualTo("pass not issued by this server");
      });
      assertThat(acks.subList(606, acks.size())).extracting(EntryAckItem::status)
          .containsOnly(EntryAckStatus.ACCEPTED);
      assertThat(th.entries.conflicts(100)).extracting(k -> k.eventId()).containsExactly(later.eventId());
      assertThat(usedEntries(ts, twice)).isEqualTo(2);
      assertThat(usedEntries(ts, outAgain)).isEqualTo(1);
      assertThat(usedEntries(ts, "ghost-599")).isEqualTo(1);
      List<Long> counts = ts.server.database().read(c -> {
        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
            "SELECT (SELECT COUNT(*) FROM entry_event), (SELECT COUNT(*) FROM booking WHERE status='REDEEMED'),"
                + " (SELECT exits FROM pass_use WHERE pass_id='" + outAgain + "')")) {
          rs.next();
          return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
      });
      assertThat(counts).containsExactly((long) events.size() - 1, 2L, 1L);

      List<EntryAckItem> again = TerminalFixtures.postEntries(ts.http, a, batch).results();
      assertThat(again).extracting(EntryAckItem::status).containsOnly(EntryAckStatus.DUPLICATE);
      assertThat(th.entries.conflicts(100)).hasSize(1);
    }
  }

  private static int usedEntries(TestServer ts, String passId) {
    return ts.server.database().read(c -> {
      try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT entries FROM pass_use WHERE pass_id=?")) {
        ps.setString(1, passId);
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      }
    });
  }
}
