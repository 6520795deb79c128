package io.scenicpass.server.park;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.demo.DemoSeeder;
import io.scenicpass.server.shop.account.store.ShopVisitorStore;
import io.scenicpass.server.shop.store.ShopOrderStore;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings to a day's visitors through the real messages outbox: a weather notice warns the visitors of each of its
 * days once; a crowd alert of the park warns today's visitors once per episode, however often it is evaluated or
 * the job runs; other notices and other days warn nobody.
 */
class ParkWarningsTest {
    @TempDir
    Path dir;

    @Test
    void oneWarningPerWeatherNoticeDayAndPerCrowdAlert() throws Exception {
        try (TestServer ts = new TestServer(
                dir.resolve("server"),
                null,
                new MutableClock(TestServer.START),
                Map.of("flow.demoHistoryDays", "0", "flow.parkCapacity", "4"))) {
            DemoSeeder.DemoInfo demo = new DemoSeeder(ts.server).seed();
            String ctrip = demo.channelKeys().get("ctrip");
            long today = visitorWithBooking(ts, ctrip, "w-today", "2026-06-01T12:00:00+08:00", "today@example.com");
            long tomorrow =
                    visitorWithBooking(ts, ctrip, "w-tomorrow", "2026-06-02T12:00:00+08:00", "tomorrow@example.com");

            TestServer.Answer storm =
                    admin(ts, "POST", "/admin/v1/notices", notice("WEATHER", "2026-06-01", "2026-06-02"));
            assertThat(storm.status()).as(storm.body()).isEqualTo(201);
            assertThat(admin(ts, "POST", "/admin/v1/notices", notice("PARKING", "2026-06-01", "2026-06-02"))
                            .status())
                    .isEqualTo(201);
            assertThat(ts.server.park().warnings.deliver())
                    .as("nothing left to send")
                    .isZero();

            long id = storm.json().get("id").asLong();
            assertThat(warnings(ts))
                    .containsExactly(
                            "notice:" + id + ":2026-06-01 WEATHER_WARNING attempts=1 sent",
                            "notice:" + id + ":2026-06-02 WEATHER_WARNING attempts=1 sent");
            assertThat(outbox(ts, today, "WEATHER_WARNING")).isEqualTo(1);
            assertThat(outbox(ts, tomorrow, "WEATHER_WARNING")).isEqualTo(1);

            // the park fills: 4 of 4 through the north gate; the alert is evaluated twice and the job runs
            TestServer.Answer token = admin(
                    ts, "POST", "/admin/v1/enrollment-tokens", "{\"gateId\":\"gate-north\",\"label\":\"warnings\"}");
            DeviceCredentials north = new Provisioning(new CredentialStore(dir.resolve("north/device.json")))
                    .serverUrl(ts.server.baseUrl())
                    .enroll(token.json().get("enrollmentCode").asText(), "north gate", "SP-TEST");
            List<EntryEvent> in = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                in.add(TerminalFixtures.admit(null, north.deviceId(), "gate-north", ts.clock.instant()));
            }
            TerminalFixtures.postEntries(ts.http, north, new EntryBatch(north.deviceId(), in));
            JsonNode raised =
                    admin(ts, "POST", "/admin/v1/flow/alerts/evaluate", null).json();
            assertThat(raised.get("changed").toString()).contains("PARK|2026-06-01");
            admin(ts, "POST", "/admin/v1/flow/alerts/evaluate", null);
            ts.server
                    .park()
                    .warnings
                    .job(() -> ts.server.flow().alerts.alerts(100))
                    .run();

            assertThat(warnings(ts)).contains("alert:PARK|2026-06-01#1 CROWD_WARNING attempts=1 sent");
            assertThat(warnings(ts)).filteredOn(w -> w.startsWith("alert:")).hasSize(1);
            assertThat(outbox(ts, today, "CROWD_WARNING")).isEqualTo(1);
            assertThat(outbox(ts, tomorrow, "CROWD_WARNING"))
                    .as("not their day")
                    .isZero();
        }
    }

    private static long visitorWithBooking(TestServer ts, String key, String uuid, String slot, String email) {
        String body = "{\"uuid\":\"" + uuid + "\",\"productId\":\"park-entry\",\"optionId\":\"park-entry-std\","
                + "\"availabilityId\":\"" + slot + "\",\"unitItems\":[{\"unitId\":\"park-entry-adult\"}]}";
        TestServer.Answer held = ts.post("/octo/bookings", key, body);
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        TestServer.Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        return ts.server.database().tx(c -> {
            long v = new ShopVisitorStore().insert(c, "hash-" + uuid, "EMAIL", "not-read-here", "en", 0L);
            new ShopOrderStore().link(c, uuid, v, 0L);
            return v;
        });
    }

    private static String notice(String kind, String from, String until) {
        return "{\"kind\":\"" + kind + "\",\"severity\":\"WARNING\",\"titleZh\":\"标题\",\"titleEn\":\"Title\","
                + "\"bodyZh\":\"内容\",\"bodyEn\":\"Body\",\"from\":\"" + from + "\",\"until\":\"" + until + "\"}";
    }

    private static TestServer.Answer admin(TestServer ts, String method, String path, String json) {
        return ts.send(method, path, TestServer.ADMIN, json, Map.of());
    }

    private static List<String> warnings(TestServer ts) {
        List<String> out = new ArrayList<>();
        for (JsonNode w : admin(ts, "GET", "/admin/v1/park/warnings", null).json()) {
            out.add(w.get("key").asText() + " " + w.get("kind").asText() + " attempts="
                    + w.get("attempts").asInt() + (w.get("sentAt").isNull() ? " unsent" : " sent"));
        }
        return out;
    }

    private static int outbox(TestServer ts, long visitor, String kind) {
        return ts.server
                .database()
                .read(c -> Jdbc.one(
                                c,
                                "SELECT COUNT(*) FROM message_outbox WHERE visitor_id=? AND kind=?",
                                rs -> rs.getInt(1),
                                visitor,
                                kind)
                        .orElse(0));
    }
}
