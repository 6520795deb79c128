package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckReason;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.core.wire.PeerInfo;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.terminal.store.EntryEventStore;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gates of one site learn each other from their config (endpoint + pair key) and upload what they learnt from
 * each other on the LAN: an entry reaches the server once, whichever gate uploads it first, as its deciding
 * device's; the booking is REDEEMED once.
 */
class PeerRelayTest {
    @TempDir
    Path dir;

    private static DeviceRow row(TestServer ts, String id) {
        return ts.server.devices().list().stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<EntryAckItem> upload(TestServer ts, DeviceCredentials by, EntryEvent... events)
            throws Exception {
        return TerminalFixtures.postEntries(ts.http, by, new EntryBatch(by.deviceId(), List.of(events)))
                .results();
    }

    @Test
    void anEntryRelayedByAnotherGateIsStoredOnceAsItsDecidingDevices() throws Exception {
        try (TestServer ts = new TestServer(dir.resolve("server"), null, new MutableClock(TestServer.START), Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts); // gates gate-a and gate-b, zone park
            String text = TerminalFixtures.book(ts, key, "relay-1");
            String pass = TerminalFixtures.passId(text);
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
            EntryEvent atA = TerminalFixtures.admit(pass, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START);

            // gate B learnt A's entry on the LAN and reaches the cloud first; then A uploads its own copy
            assertThat(upload(ts, b, atA)).extracting(EntryAckItem::status).containsExactly(EntryAckStatus.ACCEPTED);
            assertThat(upload(ts, a, atA)).extracting(EntryAckItem::status).containsExactly(EntryAckStatus.DUPLICATE);
            assertThat(upload(ts, b, atA)).extracting(EntryAckItem::status).containsExactly(EntryAckStatus.DUPLICATE);

            List<EntryEventStore.EntryRow> stored = ts.server.entries().list(null, pass, null, 100);
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).deviceId()).isEqualTo(a.deviceId());
            assertThat(stored.get(0).gateId()).isEqualTo("gate-a");
            assertThat(ts.get("/octo/bookings/relay-1", key)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("REDEEMED");
        }
    }

    @Test
    void aRelayedEntryOfARevokedDeviceIsRefused() throws Exception {
        try (TestServer ts = new TestServer(dir.resolve("server"), null, new MutableClock(TestServer.START), Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            String key = TerminalFixtures.setUp(ts);
            String pass = TerminalFixtures.passId(TerminalFixtures.book(ts, key, "relay-2"));
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
            ts.server.devices().revoke(a.deviceId());
            EntryEvent atA = TerminalFixtures.admit(pass, a.deviceId(), "gate-a", TerminalFixtures.SLOT_START);
            List<EntryAckItem> acks = upload(ts, b, atA);
            assertThat(acks).extracting(EntryAckItem::status).containsExactly(EntryAckStatus.REJECTED);
            assertThat(acks.get(0).reason()).isEqualTo(EntryAckReason.INVALID_EVENT);
            assertThat(ts.server.entries().list(null, pass, null, 100)).isEmpty();
        }
    }

    @Test
    void eachGateListsItsPeersWithTheirEndpointAndAKeyOnlyThePairShares() throws Exception {
        try (TestServer ts = new TestServer(dir.resolve("server"), null, new MutableClock(TestServer.START), Map.of());
                TerminalHarness th = new TerminalHarness(ts)) {
            TerminalFixtures.setUp(ts);
            DeviceCredentials a = th.enroll(dir.resolve("a"), "gate-a");
            DeviceCredentials b = th.enroll(dir.resolve("b"), "gate-b");
            DeviceCredentials c = th.enroll(dir.resolve("c"), "gate-b");
            long before = ts.server.devices().config(row(ts, a.deviceId())).version();

            TestServer.Answer put = ts.send(
                    "PUT",
                    "/terminal/v1/peer-endpoint",
                    null,
                    "{\"endpoint\":\"10.0.0.12:7700\"}",
                    Map.of("Authorization", "Device " + b.deviceToken()));
            assertThat(put.status()).isEqualTo(200);
            DeviceConfig ofA = ts.server.devices().config(row(ts, a.deviceId()));
            DeviceConfig ofB = ts.server.devices().config(row(ts, b.deviceId()));
            assertThat(ofA.version()).as("gates re-download their config").isGreaterThan(before);
            assertThat(ofA.peers())
                    .extracting(PeerInfo::deviceId)
                    .containsExactlyInAnyOrder(b.deviceId(), c.deviceId());
            PeerInfo bSeenByA = ofA.peers().stream()
                    .filter(p -> p.deviceId().equals(b.deviceId()))
                    .findFirst()
                    .orElseThrow();
            PeerInfo aSeenByB = ofB.peers().stream()
                    .filter(p -> p.deviceId().equals(a.deviceId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(bSeenByA.endpoint()).isEqualTo("10.0.0.12:7700");
            assertThat(bSeenByA.gateId()).isEqualTo("gate-b");
            assertThat(bSeenByA.key()).isEqualTo(aSeenByB.key()).isNotBlank();
            assertThat(ofA.peers()).extracting(PeerInfo::key).doesNotHaveDuplicates();
            assertThat(ofA.toString()).doesNotContain(bSeenByA.key());

            ts.server.devices().revoke(c.deviceId());
            assertThat(ts.server.devices().config(row(ts, a.deviceId())).peers())
                    .extracting(PeerInfo::deviceId)
                    .containsExactly(b.deviceId());

            TestServer.Answer bad = ts.send(
                    "PUT",
                    "/terminal/v1/peer-endpoint",
                    null,
                    "{\"endpoint\":\"no port\"}",
                    Map.of("Authorization", "Device " + b.deviceToken()));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("host:port");
        }
    }
}
