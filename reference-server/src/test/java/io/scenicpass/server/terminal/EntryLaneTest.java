package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckReason;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An uploaded event belongs to its device's lane: the gate the device was enrolled at and, for what counts
 * (admissions, NOT_PASSED), that gate's zone and direction; anything else is REJECTED with a reason code, not stored
 * as an admission, and counted. Wrongly typed fields are a 400 for the whole upload; out-of-range party counts a
 * per-event refusal. All through the real HTTP API.
 */
class EntryLaneTest {
    @TempDir
    Path dir;

    @Test
    void eventsOutsideTheDevicesLaneAreRefusedPerEventAndCounted() throws Exception {
        try (TestServer ts = new TestServer(dir.resolve("server"), null, new MutableClock(TestServer.START), Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts); // gate-a: zone park, IN only
            ts.server.admin().putZone(new SiteStore.Zone("cableway", "Cableway"));
            ts.server.admin().putGate(new SiteStore.Gate("gate-both", "Both ways", "park", "BOTH"));
            String pass = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "lane-1"));
            String other = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "lane-2"));
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials both = th.enroll(dir.resolve("both"), "gate-both");
            EntryEvent ok = TerminalFixtures.admit(pass, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START);
            List<EntryEvent> events = List.of(
                    ok.toBuilder().eventId("lane-gate").gateId("gate-zzz").build(),
                    ok.toBuilder().eventId("lane-zone").zoneId("cableway").build(),
                    ok.toBuilder().eventId("lane-out").direction(Direction.OUT).build(),
                    ok.toBuilder()
                            .eventId("lane-deny-out")
                            .direction(Direction.OUT)
                            .verdict(Verdict.DENY)
                            .reason("WRONG_DIRECTION")
                            .partyCount(0)
                            .build(),
                    ok.toBuilder()
                            .eventId("lane-no-gate")
                            .passId(other)
                            .gateId(null)
                            .zoneId(null)
                            .build(),
                    ok);
            List<EntryAckItem> acks = TerminalFixtures.postEntries(ts.http, a, new EntryBatch(a.deviceId(), events))
                    .results();
            assertThat(acks)
                    .extracting(EntryAckItem::status)
                    .containsExactly(
                            EntryAckStatus.REJECTED,
                            EntryAckStatus.REJECTED,
                            EntryAckStatus.REJECTED,
                            EntryAckStatus.ACCEPTED,
                            EntryAckStatus.ACCEPTED,
                            EntryAckStatus.ACCEPTED);
            assertThat(acks.subList(0, 3))
                    .extracting(EntryAckItem::reason)
                    .containsExactly(
                            EntryAckReason.GATE_MISMATCH,
                            EntryAckReason.ZONE_MISMATCH,
                            EntryAckReason.DIRECTION_MISMATCH);
            assertThat(acks.get(0).message()).startsWith("GATE_MISMATCH: ").contains("gate-zzz", "gate-a");
            // stored for the record, under the device's own gate, but never as an admission of the pass
            JsonNode stored = th.admin("GET", "/admin/v1/entries?deviceId=" + a.deviceId(), null);
            assertThat(stored.findValuesAsText("gateId")).containsOnly("gate-a");
            assertThat(th.admin("GET", "/admin/v1/entries?passId=" + pass, null).findValuesAsText("eventId"))
                    .containsExactlyInAnyOrder(ok.eventId(), "lane-deny-out");
            assertThat(th.admin("GET", "/admin/v1/entries?passId=" + other, null)
                            .findValuesAsText("zoneId"))
                    .containsExactly("park");
            assertThat(th.admin("GET", "/admin/v1/overuse-conflicts", null)).isEmpty();
            // a re-sent refused event is answered the same, and not counted twice
            assertThat(TerminalFixtures.postEntries(ts.http, a, new EntryBatch(a.deviceId(), events.subList(0, 1)))
                            .results())
                    .containsExactly(acks.get(0));
            String metrics = ts.get("/metrics", null).body();
            assertThat(metrics)
                    .contains(
                            "scenicpass_entries_refused_total{reason=\"GATE_MISMATCH\"} 1.0",
                            "scenicpass_entries_refused_total{reason=\"ZONE_MISMATCH\"} 1.0",
                            "scenicpass_entries_refused_total{reason=\"DIRECTION_MISMATCH\"} 1.0");
            // a lane configured BOTH takes admissions either way
            String third = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "lane-3"));
            EntryEvent in = TerminalFixtures.admit(third, both.deviceId(), "gate-both", TerminalFixtures.SLOT_START);
            EntryEvent out = TerminalFixtures.admit(
                            third, both.deviceId(), "gate-both", TerminalFixtures.SLOT_START.plusSeconds(600))
                    .toBuilder()
                    .direction(Direction.OUT)
                    .build();
            assertThat(TerminalFixtures.postEntries(ts.http, both, new EntryBatch(both.deviceId(), List.of(in, out)))
                            .results())
                    .extracting(EntryAckItem::status)
                    .containsOnly(EntryAckStatus.ACCEPTED);
        }
    }

    @Test
    void wronglyTypedFieldsAre400AndOutOfRangePartyCountsAreRefused() throws Exception {
        try (TestServer ts = new TestServer(dir.resolve("server"), null, new MutableClock(TestServer.START), Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            TerminalFixtures.setUp(ts);
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            String auth = "Device " + a.deviceToken();
            String good = WireJson.mapper()
                    .writeValueAsString(new EntryBatch(
                            a.deviceId(),
                            List.of(
                                    TerminalFixtures.admit(
                                                    "typed-pass", a.deviceId(), "gate-a", TerminalFixtures.SLOT_START)
                                            .toBuilder()
                                            .eventId("typed-1")
                                            .partyCount(2)
                                            .build())));
            assertThat(good).contains("\"partyCount\":2", "\"offline\":true");
            Map<String, String> typos = Map.of(
                    "\"partyCount\":\"2\"",
                    "partyCount",
                    "\"partyCount\":2.5",
                    "partyCount",
                    "\"partyCount\":null",
                    "partyCount",
                    "\"offline\":\"true\"",
                    "offline",
                    "\"offline\":1",
                    "offline");
            for (Map.Entry<String, String> t : typos.entrySet()) {
                String body = t.getKey().startsWith("\"partyCount\"")
                        ? good.replace("\"partyCount\":2", t.getKey())
                        : good.replace("\"offline\":true", t.getKey());
                TestServer.Answer r = th.send("POST", "/terminal/v1/entries", auth, body);
                assertThat(r.status()).as(body).isEqualTo(400);
                assertThat(r.json().get("code").asText()).isEqualTo("BAD_REQUEST");
                assertThat(r.json().get("message").asText()).as(body).contains(t.getValue());
            }
            TestServer.Answer numericTime = th.send(
                    "POST",
                    "/terminal/v1/entries",
                    auth,
                    good.replaceFirst("\"deviceTime\":\"[^\"]+\"", "\"deviceTime\":1780365600"));
            assertThat(numericTime.status()).as(numericTime.body()).isEqualTo(400);
            assertThat(th.admin("GET", "/admin/v1/entries?deviceId=" + a.deviceId(), null))
                    .as("nothing stored")
                    .isEmpty();

            List<EntryEvent> ranges = List.of(
                    TerminalFixtures.admit("p-neg", a.deviceId(), "gate-a", TerminalFixtures.SLOT_START).toBuilder()
                            .partyCount(-1_000_000_000)
                            .build(),
                    TerminalFixtures.admit("p-zero", a.deviceId(), "gate-a", TerminalFixtures.SLOT_START).toBuilder()
                            .partyCount(0)
                            .build(),
                    TerminalFixtures.admit("p-huge", a.deviceId(), "gate-a", TerminalFixtures.SLOT_START).toBuilder()
                            .partyCount(1001)
                            .build(),
                    TerminalFixtures.admit("p-max", a.deviceId(), "gate-a", TerminalFixtures.SLOT_START).toBuilder()
                            .partyCount(1000)
                            .build(),
                    TerminalFixtures.admit(null, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START).toBuilder()
                            .verdict(Verdict.DENY)
                            .reason("NOT_FOUND")
                            .partyCount(0)
                            .build());
            List<EntryAckItem> acks = TerminalFixtures.postEntries(ts.http, a, new EntryBatch(a.deviceId(), ranges))
                    .results();
            assertThat(acks)
                    .extracting(EntryAckItem::status)
                    .containsExactly(
                            EntryAckStatus.REJECTED,
                            EntryAckStatus.REJECTED,
                            EntryAckStatus.REJECTED,
                            EntryAckStatus.ACCEPTED,
                            EntryAckStatus.ACCEPTED);
            assertThat(acks.subList(0, 3)).allSatisfy(k -> {
                assertThat(k.reason()).isEqualTo(EntryAckReason.INVALID_EVENT);
                assertThat(k.message()).contains("partyCount must be 1..1000");
            });
            assertThat(th.admin("GET", "/admin/v1/entries?passId=p-neg", null)).isEmpty();
        }
    }

    /**
     * A 2-unit booking with one pass used: the booking is REDEEMED (it can no longer be cancelled), but only the unit
     * item whose pass was used is; the other stays CONFIRMED — in the OCTO view and in the BOOKING_REDEEMED webhook.
     */
    @Test
    void onlyTheUnitItemWhosePassWasUsedIsRedeemed() throws Exception {
        try (TestServer ts = new TestServer(dir.resolve("server"), null, new MutableClock(TestServer.START), Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            assertThat(ts.post(
                                    "/octo/bookings",
                                    key,
                                    TestServer.reserve(
                                            "two-units", "tour", TerminalFixtures.SLOT, "tour-adult", "tour-adult"))
                            .status())
                    .isEqualTo(200);
            JsonNode confirmed =
                    ts.post("/octo/bookings/two-units/confirm", key, "{}").json();
            String used = TerminalFixtures.passId(confirmed
                    .get("unitItems")
                    .get(1)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText());
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            assertThat(TerminalFixtures.postEntries(
                                    ts.http,
                                    a,
                                    new EntryBatch(
                                            a.deviceId(),
                                            List.of(TerminalFixtures.admit(
                                                    used, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START))))
                            .results())
                    .extracting(EntryAckItem::status)
                    .containsExactly(EntryAckStatus.ACCEPTED);

            JsonNode b = ts.get("/octo/bookings/two-units", key).json();
            assertThat(b.get("status").asText()).isEqualTo("REDEEMED");
            assertThat(b.get("cancellable").asBoolean()).isFalse();
            JsonNode unused = b.get("unitItems").get(0);
            JsonNode redeemed = b.get("unitItems").get(1);
            assertThat(unused.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(unused.path("utcRedeemedAt").isMissingNode()
                            || unused.get("utcRedeemedAt").isNull())
                    .isTrue();
            assertThat(unused.get("ticket").path("utcRedeemedAt").isMissingNode()
                            || unused.get("ticket").get("utcRedeemedAt").isNull())
                    .isTrue();
            assertThat(redeemed.get("status").asText()).isEqualTo("REDEEMED");
            assertThat(redeemed.get("utcRedeemedAt").asText()).isNotBlank();
            assertThat(redeemed.get("ticket").get("utcRedeemedAt").asText())
                    .isEqualTo(redeemed.get("utcRedeemedAt").asText());
            String webhook = ts.server.database().read(c -> {
                try (var ps = c.prepareStatement("SELECT payload FROM outbox WHERE event_type='BOOKING_REDEEMED'")) {
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            JsonNode hooked = WireJson.mapper().readTree(webhook);
            assertThat(hooked.findValuesAsText("status")).containsSubsequence("CONFIRMED", "REDEEMED");
        }
    }
}
