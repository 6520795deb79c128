package io.scenicpass.server.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.payments.internal.SimulatedProvider;
import io.scenicpass.server.testing.TestServer;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/**
 * A real server with product "tour" (slots of 2 hours, 100 places, Asia/Shanghai), gate "gate-a", and three devices
 * enrolled over HTTP: a kiosk, a box office and a gate. Requests are sent as the device named.
 */
public final class CounterFixture {
    /** Tomorrow 10:00 in the park (the test clock starts 2026-06-01 08:00 local). */
    public static final String SLOT = "tour-opt|2026-06-02T10:00:00+08:00";

    public final TestServer ts;
    public final String kiosk;
    public final String boxOffice;
    public final String gate;

    public CounterFixture(TestServer ts) {
        this.ts = ts;
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        kiosk = enroll("KIOSK");
        boxOffice = enroll("BOX_OFFICE");
        gate = enroll(null);
    }

    /** Enrolls a device with a token of {@code role} (null: none given); returns its device token. */
    public String enroll(String role) {
        TestServer.Answer t = ts.post(
                "/admin/v1/enrollment-tokens",
                TestServer.ADMIN,
                "{\"gateId\":\"gate-a\",\"label\":\"counter\"" + (role == null ? "" : ",\"role\":\"" + role + "\"")
                        + "}");
        if (t.status() != 201) {
            throw new AssertionError(t.body());
        }
        TestServer.Answer e = ts.post(
                "/terminal/v1/enroll",
                null,
                "{\"token\":\"" + t.json().get("token").asText() + "\",\"deviceName\":\"" + role + "\"}");
        if (e.status() != 200) {
            throw new AssertionError(e.body());
        }
        return e.json().get("deviceToken").asText();
    }

    public SimulatedProvider sim() {
        return ts.server.payments().simulated;
    }

    /** A request as the device with token {@code device}. */
    public TestServer.Answer as(String device, String method, String path, String json) {
        return ts.send(method, path, null, json, Map.of("Authorization", "Device " + device));
    }

    /** A sale body for {@code units} in {@link #SLOT}. */
    public static String saleBody(String saleId, String... units) {
        StringBuilder items = new StringBuilder();
        for (String u : units) {
            items.append(items.length() == 0 ? "" : ",")
                    .append("{\"unitId\":\"")
                    .append(u)
                    .append("\"}");
        }
        return "{\"saleId\":\"" + saleId + "\",\"productId\":\"tour\",\"slotId\":\"" + SLOT + "\",\"items\":[" + items
                + "]}";
    }

    /** Creates a sale of {@code units} at the kiosk (asserting 201); returns its id. */
    public String sell(String device, String... units) {
        String id = UUID.randomUUID().toString();
        TestServer.Answer a = as(device, "POST", "/terminal/v1/counter/sales", saleBody(id, units));
        if (a.status() != 201) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return id;
    }

    public JsonNode pay(String device, String saleId, String body) {
        TestServer.Answer a = as(device, "POST", "/terminal/v1/counter/sales/" + saleId + "/payment", body);
        if (a.status() != 200) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return a.json();
    }

    public JsonNode sale(String device, String saleId) {
        TestServer.Answer a = as(device, "GET", "/terminal/v1/counter/sales/" + saleId, null);
        if (a.status() != 200) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return a.json();
    }

    /** Places left in {@link #SLOT} as the counter catalogue shows them. */
    public int remaining() {
        for (JsonNode s : product("tour").get("slots")) {
            if (s.get("id").asText().equals(SLOT)) {
                return s.get("remaining").asInt();
            }
        }
        throw new AssertionError("no slot " + SLOT);
    }

    /** A product of the counter catalogue of 2026-06-02. */
    public JsonNode product(String id) {
        JsonNode c = as(kiosk, "GET", "/terminal/v1/counter/catalogue?date=2026-06-02", null)
                .json();
        for (JsonNode p : c.get("products")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no product " + id + " in " + c);
    }

    /** Passes issued for a booking (revoked ones included). */
    public int passesOf(String bookingId) {
        return ts.server.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM pass WHERE booking_uuid=?")) {
                ps.setString(1, bookingId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
