package io.scenicpass.server.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A package on a real server: product {@code pkg} (09:00-17:00 hourly, 100 a slot, cutoff 60 min, Asia/Shanghai) with
 * the lakeside hotel's double room (one per booking, the visit night, 48 h cutoff, 300.00 net) and the city bus
 * (one per person, the visit day, 24 h cutoff, 20.00 net); partner tokens, channel {@code ota}.
 */
final class PackageFixture {
    static final String DAY = "2026-06-05";
    static final String SLOT = "2026-06-05T09:00:00+08:00";

    final TestServer ts;
    final String key;
    final String hotelToken;
    final String busToken;

    PackageFixture(TestServer ts, int rooms, int seats) {
        this.ts = ts;
        ts.product("pkg", "Asia/Shanghai", LocalTime.of(9, 0), LocalTime.of(17, 0), 60, 100, false, 60, null);
        key = ts.channel("ota", 100_000, 100_000, null);
        admin("PUT", "/admin/v1/partners/lakeside", "{\"name\":\"Lakeside Hotel\"}", 200);
        admin("PUT", "/admin/v1/partners/citybus", "{\"name\":\"City Bus\"}", 200);
        admin(
                "PUT",
                "/admin/v1/partners/lakeside/resources/lakeside-double",
                "{\"kind\":\"HOTEL\",\"name\":\"Double room\",\"net\":30000,\"currency\":\"CNY\",\"cutoffHours\":48}",
                200);
        admin(
                "PUT",
                "/admin/v1/partners/citybus/resources/bus-1",
                "{\"kind\":\"BUS\",\"name\":\"Line 1 return\",\"net\":2000,\"currency\":\"CNY\",\"cutoffHours\":24}",
                200);
        admin(
                "PUT",
                "/admin/v1/partners/lakeside/allotments/lakeside-double",
                "{\"from\":\"" + DAY + "\",\"total\":" + rooms + "}",
                200);
        admin(
                "PUT",
                "/admin/v1/partners/citybus/allotments/bus-1",
                "{\"from\":\"" + DAY + "\",\"total\":" + seats + "}",
                200);
        admin(
                "PUT",
                "/admin/v1/packages/pkg",
                "{\"parts\":[{\"resourceId\":\"lakeside-double\",\"dayOffset\":0,\"per\":\"BOOKING\"},"
                        + "{\"resourceId\":\"bus-1\",\"dayOffset\":0,\"per\":\"PERSON\"}]}",
                200);
        hotelToken = admin("POST", "/admin/v1/partners/lakeside/token", null, 201)
                .json()
                .get("token")
                .asText();
        busToken = admin("POST", "/admin/v1/partners/citybus/token", null, 201)
                .json()
                .get("token")
                .asText();
    }

    Answer admin(String method, String path, String body, int status) {
        Answer a = ts.send(method, path, TestServer.ADMIN, body, Map.of());
        assertThat(a.status()).as(method + " " + path + ": " + a.body()).isEqualTo(status);
        return a;
    }

    /** Reserves the package for {@code adults} adults (OCTO); the answer as it came. */
    Answer reserve(String uuid, int adults) {
        String[] units = new String[adults];
        java.util.Arrays.fill(units, "pkg-adult");
        return ts.post("/octo/bookings", key, TestServer.reserve(uuid, "pkg", SLOT, units));
    }

    /** Reserves and confirms; the confirmed OCTO booking. */
    JsonNode book(String uuid, int adults) {
        Answer r = reserve(uuid, adults);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Answer c = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        return c.json();
    }

    /** The voucher codes of an OCTO booking (its voucher's CODE128 delivery options). */
    static List<String> vouchers(JsonNode booking) {
        List<String> out = new ArrayList<>();
        JsonNode v = booking.path("voucher").path("deliveryOptions");
        v.forEach(o -> {
            if (o.path("deliveryFormat").asText().equals("CODE128")) {
                out.add(o.path("deliveryValue").asText());
            }
        });
        return out;
    }

    /** The allotment of a partner's resource on {@link #DAY} as the partner reads it: {total, held, sold}. */
    JsonNode allotment(String token, String resource) {
        Answer a = ts.get("/partner/v1/allotments/" + resource + "?from=" + DAY, token);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get(0);
    }

    /**
     * Our own places left in the slot (its counters): OCTO availability of a package also counts the partners'
     * allotments ({@code PackageAvailabilityTest}).
     */
    int vacancies() {
        String slotId = io.scenicpass.server.sales.SlotRules.slotId("pkg-opt", SLOT);
        return ts.server
                .database()
                .read(c -> io.scenicpass.server.db.Jdbc.one(
                                c, "SELECT capacity - held - sold FROM slot WHERE id=?", rs -> rs.getInt(1), slotId)
                        .orElseThrow());
    }
}
