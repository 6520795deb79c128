package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.terminal.store.EntryStores;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The online check is a claim: the admission is recorded under the gate's event id at once (the booking is
 * REDEEMED), a second gate is refused, asking again with the same id answers the same, and the gate's later upload
 * of its journaled decision is a DUPLICATE that counts nothing twice. Two server nodes on one database racing for
 * one pass admit it once. Run on H2 (two servers on one file database are not possible: one node, many threads)
 * and on PostgreSQL (two nodes).
 */
abstract class OnlineClaimContract {
    @TempDir
    Path dir;

    abstract String dbUrl();

    /** Whether a second server node can share the database (PostgreSQL). */
    abstract boolean twoNodes();

    static JsonNode claim(TestServer ts, DeviceCredentials d, String eventId, String passText, String gate) {
        String body = "{\"eventId\":\"" + eventId + "\",\"passText\":\"" + passText + "\",\"gateId\":\"" + gate
                + "\",\"zoneId\":\"park\",\"direction\":\"IN\"}";
        TestServer.Answer a = ts.send(
                "POST", "/terminal/v1/online-check", null, body, Map.of("Authorization", "Device " + d.deviceToken()));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void theClaimRecordsTheEntryOnceUnderTheGatesEventId() throws Exception {
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer ts = new TestServer(dir.resolve("server"), dbUrl(), clock, Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            String text = TerminalFixtures.book(ts, key, "claim-1");
            String pass = TerminalFixtures.passId(text);
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
            clock.set(TerminalFixtures.SLOT_START);

            assertThat(claim(ts, a, "ev-a-1", text, "gate-a").get("verdict").asText())
                    .isEqualTo("ADMIT");
            // recorded now: the booking is redeemed before any upload
            assertThat(ts.send("GET", "/octo/bookings/claim-1", key, null, Map.of())
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("REDEEMED");
            JsonNode atB = claim(ts, b, "ev-b-1", text, "gate-b");
            assertThat(atB.get("verdict").asText()).isEqualTo("DENY");
            assertThat(atB.get("reason").asText()).isEqualTo("ALREADY_ENTERED");
            // the same question again (a retry) gets the same answer
            assertThat(claim(ts, a, "ev-a-1", text, "gate-a").get("verdict").asText())
                    .isEqualTo("ADMIT");
            // the gate's journaled decision, uploaded later under the same id, counts nothing again
            EntryEvent journaled =
                    TerminalFixtures.admit(pass, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START).toBuilder()
                            .eventId("ev-a-1")
                            .offline(false)
                            .build();
            var ack = TerminalFixtures.postEntries(ts.http, a, new EntryBatch(a.deviceId(), List.of(journaled)));
            assertThat(ack.results().get(0).status()).isEqualTo(EntryAckStatus.DUPLICATE);
            assertThat(th.entries.list(null, pass, null, 100)).hasSize(1);
            assertThat(th.entries.conflicts(100)).isEmpty();
            EntryStores stores = EntryStores.of(ts.server.database().dialect());
            int used = ts.server.database().read(c -> stores.use().entries(c, pass));
            assertThat(used).as("the pass's use counter").isEqualTo(1);
        }
    }

    @Test
    void theClaimIsRecordedAtTheGatesTimeOfTheDecision() throws Exception {
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer ts = new TestServer(dir.resolve("server"), dbUrl(), clock, Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            String text = TerminalFixtures.book(ts, key, "claim-t");
            String pass = TerminalFixtures.passId(text);
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            java.time.Instant decided = TerminalFixtures.SLOT_START.plusSeconds(300);
            clock.set(decided.plusSeconds(40)); // the answer reaches the server later than the gate decided
            String body = "{\"eventId\":\"ev-t-1\",\"passText\":\"" + text
                    + "\",\"gateId\":\"gate-a\",\"zoneId\":\"park\",\"direction\":\"IN\",\"decidedAt\":\""
                    + decided + "\"}";
            TestServer.Answer ans = ts.send(
                    "POST",
                    "/terminal/v1/online-check",
                    null,
                    body,
                    Map.of("Authorization", "Device " + a.deviceToken()));
            assertThat(ans.json().get("verdict").asText()).as(ans.body()).isEqualTo("ADMIT");
            var rows = th.entries.list(null, pass, null, 10);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).correctedTime()).isEqualTo(decided);
            assertThat(rows.get(0).deviceTime()).isEqualTo(decided);
        }
    }

    @Test
    void racingClaimsOfOnePassAdmitItOnce() throws Exception {
        MutableClock clock = new MutableClock(TestServer.START);
        String url = dbUrl();
        try (TestServer n1 = new TestServer(dir.resolve("n1"), url, clock, Map.of());
                // the second node shares the first one's keys directory, as nodes of one deployment do
                TestServer n2 = twoNodes() ? new TestServer(dir.resolve("n1"), url, clock, Map.of()) : null;
                TerminalHarness th = new TerminalHarness(n1)) {
            TestServer other = n2 == null ? n1 : n2;
            String key = TerminalFixtures.setUp(n1);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                texts.add(TerminalFixtures.book(n1, key, "race-" + i));
            }
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
            clock.set(TerminalFixtures.SLOT_START);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int i = 0; i < texts.size(); i++) {
                    String t = texts.get(i);
                    String ia = "race-a-" + i;
                    String ib = "race-b-" + i;
                    List<Future<JsonNode>> answers = pool.invokeAll(List.of(
                            () -> claim(n1, a, ia, t, "gate-a"),
                            () -> claim(other, b, ib, t, "gate-b"),
                            () -> claim(other, a, ia, t, "gate-a"), // a retry of gate a's claim through the other node
                            () -> claim(n1, b, ib, t, "gate-b")));
                    List<String> verdicts = new ArrayList<>();
                    for (Future<JsonNode> f : answers) {
                        verdicts.add(f.get().get("verdict").asText());
                    }
                    // gate a's two answers agree, gate b's two agree, and exactly one gate won
                    assertThat(verdicts.get(0)).isEqualTo(verdicts.get(2));
                    assertThat(verdicts.get(1)).isEqualTo(verdicts.get(3));
                    assertThat(verdicts.subList(0, 2)).containsExactlyInAnyOrder("ADMIT", "DENY");
                    assertThat(th.entries.list(null, TerminalFixtures.passId(t), null, 10))
                            .hasSize(1);
                }
                assertThat(th.entries.conflicts(100)).isEmpty();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
