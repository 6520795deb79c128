package io.scenicpass.server.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Direction;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.park.Zones;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.testing.TestServer;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A real server with the hub's small world: product "tour" (ADULT, CHILD), channel "ota" and "ota2", zones park
 * (PARK), museum (MUSEUM), cable (CABLE_CAR), with a gate in and a gate out each; bookings through OCTO with a
 * contact; entries as the gates upload them.
 */
final class HubFixture {
    static final String DAY = "2026-06-02";
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    final TestServer ts;
    final String ota;
    final String ota2;

    HubFixture(TestServer ts) {
        this.ts = ts;
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        ota = ts.channel("ota", 1000, 1000, null);
        ota2 = ts.channel("ota2", 1000, 1000, null);
        zone("park", "PARK");
        zone("museum", "MUSEUM");
        zone("cable", "CABLE_CAR");
    }

    private void zone(String id, String kind) {
        ts.server.park().zones.put(id, new Zones.Input(id, id, kind, 100, List.of()));
        ts.server.admin().putGate(new SiteStore.Gate(id + "-in", id + " in", id, "IN"));
        ts.server.admin().putGate(new SiteStore.Gate(id + "-out", id + " out", id, "OUT"));
    }

    /** Books and confirms through OCTO with a contact (phone, email may be null); the pass ids. */
    List<String> book(String key, String uuid, String phone, String email, String... units) {
        TestServer.Answer held = ts.post("/octo/bookings", key, TestServer.reserve(uuid, "tour", SLOT, units));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        String contact =
                "{\"contact\":{\"fullName\":\"Li Lei\"" + (phone == null ? "" : ",\"phoneNumber\":\"" + phone + "\"")
                        + (email == null ? "" : ",\"emailAddress\":\"" + email + "\"") + "}}";
        TestServer.Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, contact);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        List<String> passes = new ArrayList<>();
        ok.json()
                .get("unitItems")
                .forEach(i -> passes.add(PassCodec.decode(i.get("ticket")
                                .get("deliveryOptions")
                                .get(0)
                                .get("deliveryValue")
                                .asText())
                        .claims()
                        .passId()));
        return passes;
    }

    /** The pass passes the gate {@code zone-in} or {@code zone-out} at {@code at}. */
    void pass(String passId, String zone, Direction dir, Instant at) {
        String gate = zone + (dir == Direction.IN ? "-in" : "-out");
        var e = TerminalFixtures.admit(passId, "dev-" + gate, gate, at).toBuilder()
                .zoneId(zone)
                .direction(dir)
                .build();
        DeviceRow device = new DeviceRow("dev-" + gate, "Gate", "SP", gate, false, ts.clock.instant(), null, null);
        var acks = ts.server
                .entries()
                .ingest(device, new EntryBatch("dev-" + gate, List.of(e)))
                .results();
        assertThat(acks.get(0).status()).as(acks.get(0).toString()).isEqualTo(EntryAckStatus.ACCEPTED);
    }
}
