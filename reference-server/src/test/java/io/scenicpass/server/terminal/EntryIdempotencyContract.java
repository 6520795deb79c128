package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckReason;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.terminal.TerminalFixtures.ListOutbox;
import io.scenicpass.server.terminal.TerminalHarness.MemoryState;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.state.OveruseNotice;
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
    @TempDir
    Path dir;

    abstract String dbUrl();

    @Test
    void concurrentUploadsStoreEveryEventOnce() throws Exception {
        try (TestServer ts =
                        new TestServer(dir.resolve("server"), dbUrl(), new MutableClock(TestServer.START), Map.of());
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
            try (SyncClient sync = SyncClient.builder(a)
                    .state(state)
                    .outbox(new ListOutbox())
                    .push(false)
                    .build()) {
                assertThat(sync.syncNow().success()).isTrue();
            }
            assertThat(state.manifest.keySet()).containsAll(passIds);

            List<EntryEvent> events = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                EntryEvent e = TerminalFixtures.admit(
                        i < passIds.size() ? passIds.get(i) : null,
                        a.deviceId(),
                        "gate-a",
                        TerminalFixtures.SLOT_START.plusSeconds(i));
                events.add(
                        i < passIds.size()
                                ? e
                                : e.toBuilder()
                                        .verdict(Verdict.DENY)
                                        .reason("NOT_FOUND")
                                        .build());
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
                    try (var st = c.createStatement();
                            var rs = st.executeQuery("SELECT COUNT(*) FROM entry_event")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                assertThat(rows).isEqualTo(200);

                // one single-entry pass, admitted offline at two gates, uploaded at the same moment
                String pass = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "idem-race"));
                EntryEvent atA = TerminalFixtures.admit(pass, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START);
                EntryEvent atB = TerminalFixtures.admit(
                        pass, b.deviceId(), "gate-b", TerminalFixtures.SLOT_START.plusSeconds(60));
                List<Future<EntryAck>> race = pool.invokeAll(List.of(
                        () -> TerminalFixtures.postEntries(ts.http, a, new EntryBatch(a.deviceId(), List.of(atA))),
                        () -> TerminalFixtures.postEntries(ts.http, b, new EntryBatch(b.deviceId(), List.of(atB)))));
                // whichever upload takes the pass's lock second finds the allowance used: that one, and only it, is
                // told
                List<String> told = new ArrayList<>();
                for (Future<EntryAck> f : race) {
                    for (EntryAckItem item : f.get().results()) {
                        if (item.status() == EntryAckStatus.OVERUSE_CONFLICT) {
                            told.add(item.eventId());
                        }
                    }
                }
                List<String> conflicted = new ArrayList<>();
                for (var k : th.entries.conflicts(100)) {
                    if (k.passId().equals(pass)) {
                        conflicted.add(k.eventId());
                    }
                }
                assertThat(told).hasSize(1);
                assertThat(conflicted).isEqualTo(told);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anAdmissionGivenBackAsNotPassedDoesNotCountAgainstThePass() throws Exception {
        try (TestServer ts =
                        new TestServer(dir.resolve("server"), dbUrl(), new MutableClock(TestServer.START), Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            String passId = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "not-passed"));
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
            EntryEvent admitted = TerminalFixtures.admit(passId, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START);
            EntryEvent notPassed = admitted.toBuilder()
                    .eventId(java.util.UUID.randomUUID().toString())
                    .verdict(Verdict.DENY)
                    .reason("NOT_PASSED")
                    .correctedTime(TerminalFixtures.SLOT_START.plusSeconds(20))
                    .build();
            EntryEvent elsewhere =
                    TerminalFixtures.admit(passId, b.deviceId(), "gate-b", TerminalFixtures.SLOT_START.plusSeconds(60));
            assertThat(TerminalFixtures.postEntries(
                                    ts.http, a, new EntryBatch(a.deviceId(), List.of(admitted, notPassed)))
                            .results())
                    .extracting(EntryAckItem::status)
                    .containsOnly(EntryAckStatus.ACCEPTED);
            assertThat(usedEntries(ts, passId)).isZero();
            // The single-entry pass was never used: its real entry at another gate is no over-use.
            assertThat(TerminalFixtures.postEntries(ts.http, b, new EntryBatch(b.deviceId(), List.of(elsewhere)))
                            .results())
                    .extracting(EntryAckItem::status)
                    .containsExactly(EntryAckStatus.ACCEPTED);
            assertThat(usedEntries(ts, passId)).isEqualTo(1);
            com.fasterxml.jackson.databind.JsonNode listed =
                    th.admin("GET", "/admin/v1/entries?passId=" + passId, null);
            assertThat(listed.findValuesAsText("eventId"))
                    .containsExactly(elsewhere.eventId(), notPassed.eventId(), admitted.eventId());
            assertThat(th.admin("GET", "/admin/v1/entries?deviceId=" + b.deviceId(), null)
                            .findValuesAsText("eventId"))
                    .containsExactly(elsewhere.eventId());
        }
    }

    /**
     * A large upload mixing every case is answered per event, in the order sent, and stored as such: over-use by
     * time (the later admission is the conflict even when it comes first in the batch), exits, a repeated event id
     * inside the batch, invalid events, unknown passes (more than one lookup chunk of them) and more rows than one
     * insert statement takes; a retry answers DUPLICATE for every event stored as accepted, and the over-use and the
     * refusal as the first time.
     */
    @Test
    void aLargeMixedBatchIsAnsweredPerEvent() throws Exception {
        try (TestServer ts =
                        new TestServer(dir.resolve("server"), dbUrl(), new MutableClock(TestServer.START), Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            String twice = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "mixed-twice"));
            String outAgain = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "mixed-out"));
            // a lane configured for both directions: its exits are admissions too
            ts.server
                    .admin()
                    .putGate(new io.scenicpass.server.admin.store.SiteStore.Gate(
                            "gate-both", "Both ways", "park", "BOTH"));
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-both");
            java.time.Instant t = TerminalFixtures.SLOT_START;
            List<EntryEvent> events = new ArrayList<>();
            EntryEvent later = TerminalFixtures.admit(twice, a.deviceId(), "gate-both", t.plusSeconds(60));
            EntryEvent earlier = TerminalFixtures.admit(twice, a.deviceId(), "gate-both", t);
            EntryEvent in = TerminalFixtures.admit(outAgain, a.deviceId(), "gate-both", t);
            EntryEvent out = TerminalFixtures.admit(outAgain, a.deviceId(), "gate-both", t.plusSeconds(600)).toBuilder()
                    .direction(io.scenicpass.core.Direction.OUT)
                    .build();
            EntryEvent invalid = TerminalFixtures.admit(outAgain, a.deviceId(), "gate-both", t).toBuilder()
                    .verdict(null)
                    .build();
            events.addAll(List.of(later, earlier, in, out, invalid, later));
            for (int i = 0; i < 600; i++) { // admissions of passes this server never issued
                events.add(TerminalFixtures.admit("ghost-" + i, a.deviceId(), "gate-both", t.plusSeconds(i)));
            }
            for (int i = 0; i < 600; i++) {
                events.add(TerminalFixtures.admit(null, a.deviceId(), "gate-both", t.plusSeconds(i)).toBuilder()
                        .verdict(Verdict.DENY)
                        .reason("NOT_FOUND")
                        .build());
            }
            EntryBatch batch = new EntryBatch(a.deviceId(), events);
            List<EntryAckItem> acks =
                    TerminalFixtures.postEntries(ts.http, a, batch).results();
            assertThat(acks).hasSize(events.size());
            for (int i = 0; i < events.size(); i++) {
                assertThat(acks.get(i).eventId()).isEqualTo(events.get(i).eventId());
            }
            assertThat(acks.subList(0, 6))
                    .extracting(EntryAckItem::status)
                    .containsExactly(
                            EntryAckStatus.OVERUSE_CONFLICT,
                            EntryAckStatus.ACCEPTED,
                            EntryAckStatus.ACCEPTED,
                            EntryAckStatus.ACCEPTED,
                            EntryAckStatus.REJECTED,
                            EntryAckStatus.DUPLICATE);
            assertThat(acks.get(0).message()).contains("gate-both");
            assertThat(acks.subList(6, 606)).allSatisfy(k -> {
                assertThat(k.status()).isEqualTo(EntryAckStatus.ACCEPTED);
                assertThat(k.message()).isEqualTo("pass not issued by this server");
            });
            assertThat(acks.subList(606, acks.size()))
                    .extracting(EntryAckItem::status)
                    .containsOnly(EntryAckStatus.ACCEPTED);
            assertThat(th.entries.conflicts(100)).extracting(k -> k.eventId()).containsExactly(later.eventId());
            assertThat(usedEntries(ts, twice))
                    .as("the over-use is no standing admission")
                    .isEqualTo(1);
            assertThat(usedEntries(ts, outAgain)).isEqualTo(1);
            assertThat(usedEntries(ts, "ghost-599")).isEqualTo(1);
            List<Long> counts = ts.server.database().read(c -> {
                try (java.sql.Statement st = c.createStatement();
                        java.sql.ResultSet rs = st.executeQuery(
                                "SELECT (SELECT COUNT(*) FROM entry_event), (SELECT COUNT(*) FROM booking WHERE status='REDEEMED'),"
                                        + " (SELECT exits FROM pass_use WHERE pass_id='" + outAgain + "')")) {
                    rs.next();
                    return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            });
            assertThat(counts).containsExactly((long) events.size() - 1, 2L, 1L);

            // a retry is answered as the first time for the over-use and the refusal (a lost ack loses nothing)
            List<EntryAckItem> again =
                    TerminalFixtures.postEntries(ts.http, a, batch).results();
            assertThat(again.subList(0, 6))
                    .containsExactlyElementsOf(acks.subList(0, 6).stream()
                            .map(k -> k.status() == EntryAckStatus.ACCEPTED
                                    ? new EntryAckItem(k.eventId(), EntryAckStatus.DUPLICATE, "already received")
                                    : k)
                            .toList());
            assertThat(again.get(0).reason()).isEqualTo(EntryAckReason.ALLOWANCE_USED);
            assertThat(again.get(4).reason()).isEqualTo(EntryAckReason.INVALID_EVENT);
            assertThat(again.subList(6, again.size()))
                    .extracting(EntryAckItem::status)
                    .containsOnly(EntryAckStatus.DUPLICATE);
            assertThat(th.entries.conflicts(100)).hasSize(1);
        }
    }

    /**
     * The admission the server hears about second is the over-use, whatever the decision times: the first upload's
     * ACCEPTED stands, and the late uploader — here a real sync client — is answered OVERUSE_CONFLICT (again on a
     * retry), the conflict blaming the admission that used the allowance. B decided earlier, later, and at the same
     * millisecond as A; A always uploads first.
     */
    @Test
    void theAdmissionUploadedSecondIsTheOveruseWhateverItsTime() throws Exception {
        try (TestServer ts =
                        new TestServer(dir.resolve("server"), dbUrl(), new MutableClock(TestServer.START), Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
            long[][] seconds = {{60, 0}, {0, 60}, {0, 0}}; // {A's time, B's time}
            for (long[] at : seconds) {
                String pass = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "order-" + at[0] + "-" + at[1]));
                EntryEvent atA = TerminalFixtures.admit(
                        pass, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START.plusSeconds(at[0]));
                EntryEvent atB = TerminalFixtures.admit(
                        pass, b.deviceId(), "gate-b", TerminalFixtures.SLOT_START.plusSeconds(at[1]));
                String when = "A at +" + at[0] + " s, B at +" + at[1] + " s";
                assertThat(TerminalFixtures.postEntries(ts.http, a, new EntryBatch(a.deviceId(), List.of(atA)))
                                .results())
                        .as(when)
                        .extracting(EntryAckItem::status)
                        .containsExactly(EntryAckStatus.ACCEPTED);
                ListOutbox outB = new ListOutbox();
                outB.add(atB);
                try (SyncClient sb = SyncClient.builder(b)
                        .state(new MemoryState())
                        .outbox(outB)
                        .push(false)
                        .build()) {
                    assertThat(sb.syncNow().conflicts()).as(when).isEqualTo(1);
                    assertThat(sb.overuseConflicts())
                            .as(when)
                            .extracting(OveruseNotice::eventId)
                            .containsExactly(atB.eventId());
                }
                List<io.scenicpass.server.terminal.store.ConflictStore.Conflict> recorded =
                        th.entries.conflicts(100).stream()
                                .filter(k -> k.passId().equals(pass))
                                .toList();
                assertThat(recorded).as(when).hasSize(1);
                assertThat(recorded.get(0).eventId()).as(when).isEqualTo(atB.eventId());
                assertThat(recorded.get(0).gateId()).isEqualTo("gate-b");
                assertThat(recorded.get(0).priorEventId()).as(when).isEqualTo(atA.eventId());
                assertThat(recorded.get(0).priorGateId()).isEqualTo("gate-a");
                EntryAckItem retryB = TerminalFixtures.postEntries(
                                ts.http, b, new EntryBatch(b.deviceId(), List.of(atB)))
                        .results()
                        .get(0);
                assertThat(retryB.status()).as(when).isEqualTo(EntryAckStatus.OVERUSE_CONFLICT);
                assertThat(retryB.reason()).isEqualTo(EntryAckReason.ALLOWANCE_USED);
                assertThat(retryB.message()).contains("gate-a");
                assertThat(TerminalFixtures.postEntries(ts.http, a, new EntryBatch(a.deviceId(), List.of(atA)))
                                .results())
                        .as(when)
                        .extracting(EntryAckItem::status)
                        .containsExactly(EntryAckStatus.DUPLICATE);
                assertThat(th.admin("GET", "/admin/v1/entries?passId=" + pass, null)
                                .findValuesAsText("status"))
                        .as(when)
                        .containsExactlyInAnyOrder("ACCEPTED", "OVERUSE_CONFLICT");
                assertThat(usedEntries(ts, pass)).as(when).isEqualTo(1);
            }
            assertThat(th.entries.conflicts(100)).hasSize(seconds.length);
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
