package io.scenicpass.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.flow.store.FlowStore.HistoryBooking;
import io.scenicpass.server.flow.store.FlowStore.HistoryEvent;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live-flow JSON on a small known day (no synthetic history): every number is checked against the hand-made
 * bookings and gate events; auth, bad input, capacity moves, alerts and their lease, and /metrics on the same
 * real HTTP port. Runs on H2 ({@link FlowApiH2Test}) and PostgreSQL ({@link FlowApiPostgresTest}).
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class FlowApiContract {
    static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    FlowHarness h;
    String entry10;
    String entry12;
    String entry16;
    String cable10;

    /** The JDBC URL to run on; null = H2 file mode. */
    abstract String dbUrl();

    static Instant local(String hhmm) {
        return java.time.OffsetDateTime.parse("2026-06-01T" + hhmm + ":00+08:00")
                .toInstant();
    }

    @BeforeAll
    void start(@TempDir Path dir) {
        h = new FlowHarness(dir, dbUrl(), -1, FlowConfig.defaults());
        for (String product : List.of("park-entry", "park-cablecar")) {
            CatalogueService.ProductView pv = h.ts.server.catalogue().product(product, null);
            h.ts.server
                    .inventory()
                    .ensureSlots(pv.product(), pv.options().get(0).option(), DAY, DAY);
        }
        List<JsonNode> slots = new java.util.ArrayList<>();
        h.json("/admin/v1/flow/slots").forEach(slots::add);
        entry10 = slotId(slots, "park-entry", "02:00");
        entry12 = slotId(slots, "park-entry", "04:00");
        entry16 = slotId(slots, "park-entry", "08:00");
        cable10 = slotId(slots, "park-cablecar", "02:00");
        Instant dayStart = local("00:00");
        List<HistoryBooking> rows = List.of(
                new HistoryBooking(
                        "b1",
                        "ctrip",
                        "park-entry",
                        "park-entry-std",
                        entry10,
                        "park-daily",
                        DAY,
                        3,
                        57000,
                        dayStart.minusSeconds(86400),
                        "P1",
                        dayStart,
                        local("12:00"),
                        true,
                        List.of(
                                new HistoryEvent("e1", "gate-north", "park", "IN", local("10:05")),
                                new HistoryEvent("e2", "gate-south", "park", "OUT", local("10:50")))),
                new HistoryBooking(
                        "b2",
                        "meituan",
                        "park-entry",
                        "park-entry-std",
                        entry10,
                        "park-daily",
                        DAY,
                        2,
                        38000,
                        dayStart.minusSeconds(7200),
                        "P2",
                        dayStart,
                        local("12:00"),
                        true,
                        List.of(new HistoryEvent("e3", "gate-south", "park", "IN", local("10:20")))),
                new HistoryBooking(
                        "b3",
                        "ctrip",
                        "park-cablecar",
                        "park-cablecar-std",
                        cable10,
                        "park-daily",
                        DAY,
                        4,
                        108000,
                        dayStart.minusSeconds(3600),
                        "P3",
                        dayStart,
                        local("12:00"),
                        true,
                        List.of()));
        h.ts.server.database().tx(c -> {
            FlowStore s = new FlowStore();
            s.insertHistory(c, rows);
            s.addSold(c, entry10, "park-daily", DAY, 5);
            s.addSold(c, cable10, "park-daily", DAY, 4);
            return null;
        });
    }

    static String slotId(List<JsonNode> slots, String product, String utcHour) {
        return slots.stream()
                .filter(s -> s.get("productId").asText().equals(product)
                        && s.get("startAt").asText().contains("T" + utcHour))
                .findFirst()
                .orElseThrow()
                .get("slotId")
                .asText();
    }

    @AfterAll
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void occupancyIsEntriesMinusExitsPerZone() {
        JsonNode o = h.json("/admin/v1/flow/occupancy");
        assertThat(o.get("park").asLong()).isEqualTo(2); // 3 + 2 in, 3 out
        assertThat(o.get("capacity").asInt()).isEqualTo(6000); // the day's ticket pool
        JsonNode z = o.get("zones").get(0);
        assertThat(z.get("zoneId").asText()).isEqualTo("park");
        assertThat(z.get("in").asLong()).isEqualTo(5);
        assertThat(z.get("out").asLong()).isEqualTo(3);
    }

    @Test
    void slotsShowSoldEnteredRemaining() {
        JsonNode slots = h.json("/admin/v1/flow/slots?date=2026-06-01");
        JsonNode e10 = find(slots, entry10);
        assertThat(e10.get("sold").asInt()).isEqualTo(5);
        assertThat(e10.get("entered").asLong()).isEqualTo(5);
        assertThat(e10.get("remaining").asInt()).isEqualTo(e10.get("capacity").asInt() - 5);
        JsonNode c10 = find(slots, cable10);
        assertThat(c10.get("sold").asInt()).isEqualTo(4);
        assertThat(c10.get("entered").asLong()).isZero();
    }

    @Test
    void heatmapArrivalsAndChannelShare() {
        JsonNode hm = h.json("/admin/v1/flow/heatmap");
        List<String> gates = new java.util.ArrayList<>();
        hm.get("gates").forEach(g -> gates.add(g.asText()));
        assertThat(gates).contains("gate-north", "gate-south", "gate-cableway");
        assertThat(hm.get("counts").get(gates.indexOf("gate-north")).get(10).asLong())
                .isEqualTo(3);
        assertThat(hm.get("counts").get(gates.indexOf("gate-south")).get(10).asLong())
                .isEqualTo(2);
        assertThat(hm.get("counts").get(gates.indexOf("gate-south")).get(11).asLong())
                .isZero();
        assertThat(hm.get("max").asLong()).isEqualTo(3);
        JsonNode arr = h.json("/admin/v1/flow/arrivals");
        assertThat(arr.get("gates").get("series").get("gate-north").get(121).asLong())
                .isEqualTo(3); // 10:05
        assertThat(arr.get("gates").get("series").get("gate-south").get(124).asLong())
                .isEqualTo(2); // 10:20
        assertThat(arr.get("slots").get("series").get(entry10).get(121).asLong())
                .isEqualTo(3);
        JsonNode ch = h.json("/admin/v1/flow/channels");
        assertThat(ch.get(0).get("channelId").asText()).isEqualTo("ctrip");
        assertThat(ch.get(0).get("units").asLong()).isEqualTo(7);
        assertThat(ch.get(0).get("sharePct").asDouble()).isEqualTo(77.8);
        assertThat(ch.get(1).get("sharePct").asDouble()).isEqualTo(22.2);
    }

    @Test
    void gatesListDevicesAndTelemetry() {
        JsonNode gates = h.json("/admin/v1/flow/gates");
        assertThat(gates).hasSize(4); // the demo's north, south, cable car and museum gates
        assertThat(gates.get(0).get("devices")).isEmpty();
    }

    @Test
    void adminTokenIsRequiredAndBadInputIsATypedError() {
        assertThat(h.send("GET", "/admin/v1/flow/summary", null, null).status()).isEqualTo(401);
        assertThat(h.send("GET", "/admin/v1/flow/summary", "wrong", null).status())
                .isEqualTo(401);
        TestServer.Answer bad = h.get("/admin/v1/flow/slots?date=tomorrow");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(h.get("/admin/v1/flow/forecast/accuracy?trainDays=0").status())
                .isEqualTo(400);
        assertThat(h.send("POST", "/admin/v1/flow/quotas/move", TestServer.ADMIN, "{\"fromSlotId\":\"x\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void capacityMovesAreAtomicAndNeverBelowSold() {
        TestServer.Answer refused = h.send(
                "POST",
                "/admin/v1/flow/quotas/move",
                TestServer.ADMIN,
                "{\"fromSlotId\":\"" + entry10 + "\",\"toSlotId\":\"" + entry12 + "\",\"places\":998}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("below its 5 sold or held");
        assertThat(find(h.json("/admin/v1/flow/slots"), entry12).get("capacity").asInt())
                .isEqualTo(1000);
        TestServer.Answer moved = h.send(
                "POST",
                "/admin/v1/flow/quotas/move",
                TestServer.ADMIN,
                "{\"fromSlotId\":\"" + entry16 + "\",\"toSlotId\":\"" + entry12 + "\",\"places\":10}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("from").get("capacity").asInt()).isEqualTo(990);
        assertThat(moved.json().get("to").get("capacity").asInt()).isEqualTo(1010);
        TestServer.Answer cross = h.send(
                "POST",
                "/admin/v1/flow/quotas/move",
                TestServer.ADMIN,
                "{\"fromSlotId\":\"" + cable10 + "\",\"toSlotId\":\"" + entry12 + "\",\"places\":1}");
        assertThat(cross.status()).isEqualTo(422);
        h.send(
                "POST",
                "/admin/v1/flow/quotas/move",
                TestServer.ADMIN,
                "{\"fromSlotId\":\"" + entry12 + "\",\"toSlotId\":\"" + entry16 + "\",\"places\":10}");
    }

    @Test
    void alertsAreRaisedOnceAndTheJobLeaseHasOneHolder() {
        io.scenicpass.server.flow.FlowModule small = new io.scenicpass.server.flow.FlowModule(
                h.ts.server.database(), h.ts.clock, FlowConfig.of(java.util.Map.of("flow.parkCapacity", "2")));
        assertThat(small.alerts.evaluate())
                .anySatisfy(a -> assertThat(a.scope()).isEqualTo("PARK"));
        assertThat(small.alerts.evaluate()).isEmpty();
        assertThat(small.alerts.activeCount()).isEqualTo(1);
        io.scenicpass.server.flow.FlowModule other =
                new io.scenicpass.server.flow.FlowModule(h.ts.server.database(), h.ts.clock, FlowConfig.defaults());
        assertThat(small.alerts.runScheduled()).isTrue();
        assertThat(other.alerts.runScheduled()).isFalse();
        assertThat(other.alerts.evaluate())
                .anySatisfy(a -> assertThat(a.active()).isFalse()); // 6000 → clears
        assertThat(other.alerts.activeCount()).isZero();
    }

    @Test
    void metricsExposeRoutesLatenciesAndGauges() {
        h.json("/admin/v1/flow/summary");
        h.json("/admin/v1/flow/summary");
        String m = h.send("GET", "/metrics", null, null).body();
        assertThat(m)
                .containsPattern("http_server_requests_seconds_count\\{method=\"GET\",route=\"/admin/v1/flow/summary\","
                        + "status=\"200\"} [2-9]");
        assertThat(m).contains("http_server_requests_seconds_bucket{").contains("le=\"0.025\"");
        assertThat(m).contains("scenicpass_entries_ingested 3.0");
        assertThat(m).contains("scenicpass_outbox_depth 0.0");
        assertThat(m).contains("scenicpass_alerts_active ");
        assertThat(m).contains("scenicpass_sync_lag_seconds ");
    }

    static JsonNode find(JsonNode slots, String id) {
        for (JsonNode s : slots) {
            if (s.get("slotId").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no slot " + id);
    }
}
