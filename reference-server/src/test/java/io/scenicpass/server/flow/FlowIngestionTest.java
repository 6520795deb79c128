package io.scenicpass.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.CredentialType;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.db.Dialect;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.terminal.EntryService;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.terminal.store.EntryStores;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow numbers follow what the real ingestion writes: a channel books over OCTO, real passes are admitted
 * through {@link EntryService} (as the terminal API does), a duplicate upload and a denied event change
 * nothing, an exit lowers the occupancy, the slot shows the entered people, and a NOT_PASSED event gives an
 * admission back everywhere.
 */
class FlowIngestionTest {
    @TempDir
    Path dir;

    @Test
    void entriesIngestedByTheTerminalPathShowUpInTheFlow() {
        try (FlowHarness h = new FlowHarness(dir, -1, FlowConfig.defaults())) {
            TestServer ts = h.ts;
            String key = ts.channel("ota-flow", 1000, 1000, null);
            TestServer.Answer held = ts.post(
                    "/octo/bookings",
                    key,
                    IdentityFixture.reserve(
                            "fb-1",
                            "park-entry",
                            "2026-06-01T12:00:00+08:00",
                            "park-entry-adult",
                            "park-entry-adult",
                            // the demo's child unit is real-name (issue 14): the child's document comes with it
                            "park-entry-child="
                                    + IdentityFixture.identity(
                                            "CN_ID", IdentityFixture.cnId("20160101", "123"), "小明", null)));
            assertThat(held.status()).as(held.body()).isEqualTo(200);
            TestServer.Answer ok = ts.post("/octo/bookings/fb-1/confirm", key, "{}");
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
            assertThat(passes).hasSize(3);

            Dialect dialect = ts.server.database().dialect();
            EntryService entries = new EntryService(
                    ts.server.database(),
                    EntryStores.of(dialect),
                    new PassStore(dialect),
                    new BookingStore(dialect),
                    new ChannelStore(),
                    new CatalogueStore(),
                    new InventoryStore(),
                    ts.server.webhooks(),
                    ts.server.keys(),
                    ts.clock);
            DeviceRow device =
                    new DeviceRow("dev-1", "South 1", "SP", "gate-south", false, ts.clock.instant(), null, null);
            Instant t = ts.clock.instant().minusSeconds(600); // 10:50 local
            List<EntryEvent> batch = List.of(
                    event(passes.get(0), Direction.IN, Verdict.ADMIT, t),
                    event(passes.get(1), Direction.IN, Verdict.ADMIT, t.plusSeconds(60)),
                    event(passes.get(2), Direction.IN, Verdict.ADMIT, t.plusSeconds(120)),
                    event(passes.get(2), Direction.OUT, Verdict.ADMIT, t.plusSeconds(400)),
                    event(null, Direction.IN, Verdict.DENY, t.plusSeconds(30)));
            assertThat(entries.ingest(device, new EntryBatch("dev-1", batch)).results())
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(EntryAckStatus.ACCEPTED));
            assertThat(entries.ingest(device, new EntryBatch("dev-1", batch)).results())
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(EntryAckStatus.DUPLICATE));

            JsonNode occ = h.json("/admin/v1/flow/occupancy");
            assertThat(occ.get("park").asLong()).isEqualTo(2);
            JsonNode slot = null;
            for (JsonNode s : h.json("/admin/v1/flow/slots")) {
                if (s.get("slotId").asText().equals("park-entry-std|2026-06-01T12:00:00+08:00")) {
                    slot = s;
                }
            }
            assertThat(slot).isNotNull();
            assertThat(slot.get("sold").asInt()).isEqualTo(3);
            assertThat(slot.get("entered").asLong()).isEqualTo(3);
            JsonNode hm = h.json("/admin/v1/flow/heatmap");
            int south = 0; // gate-south takes both directions: the exit below is an admission there
            for (int i = 0; i < hm.get("gates").size(); i++) {
                if (hm.get("gates").get(i).asText().equals("gate-south")) {
                    south = i;
                }
            }
            assertThat(hm.get("counts").get(south).get(10).asLong()).isEqualTo(3); // 10:50-10:52 local
            JsonNode ch = h.json("/admin/v1/flow/channels");
            assertThat(ch.get(0).get("channelId").asText()).isEqualTo("ota-flow");
            assertThat(ch.get(0).get("units").asLong()).isEqualTo(3);
            assertThat(h.send("GET", "/metrics", null, null).body()).contains("scenicpass_entries_ingested 5.0");

            // the first visitor never went through the turnstile: the terminal journals NOT_PASSED (a DENY copy)
            EntryEvent notPassed = event(passes.get(0), Direction.IN, Verdict.DENY, t.plusSeconds(10)).toBuilder()
                    .reason("NOT_PASSED")
                    .build();
            assertThat(entries.ingest(device, new EntryBatch("dev-1", List.of(notPassed)))
                            .results())
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(EntryAckStatus.ACCEPTED));
            assertThat(h.json("/admin/v1/flow/occupancy").get("park").asLong()).isEqualTo(1);
            assertThat(h.json("/admin/v1/flow/heatmap")
                            .get("counts")
                            .get(south)
                            .get(10)
                            .asLong())
                    .isEqualTo(2);
            for (JsonNode s : h.json("/admin/v1/flow/slots")) {
                if (s.get("slotId").asText().equals("park-entry-std|2026-06-01T12:00:00+08:00")) {
                    assertThat(s.get("entered").asLong()).isEqualTo(2);
                }
            }
        }
    }

    private static EntryEvent event(String passId, Direction dir, Verdict v, Instant at) {
        return EntryEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .passId(passId)
                .gateId("gate-south")
                .deviceId("dev-1")
                .zoneId("park")
                .direction(dir)
                .credentialType(CredentialType.QR)
                .verdict(v)
                .reason(v == Verdict.ADMIT ? "OK" : "UNREADABLE")
                .deviceTime(at)
                .correctedTime(at)
                .offline(false)
                .partyCount(1)
                .build();
    }
}
