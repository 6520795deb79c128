package io.scenicpass.server.http;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.http.AdminBadBodiesTest.Route;
import java.util.List;

/** The slot rules' and closures' rows of {@link AdminBadBodiesTest} (product {@code tour}, days after the sales). */
final class SlotsBadBodies {
    private SlotsBadBodies() {}

    static List<Route> routes(String a) {
        return List.of(
                new Route(
                        "PUT " + a + "/slot-rules/{}",
                        a + "/slot-rules/tour-opt",
                        "{\"from\":\"2026-07-01\",\"openTime\":\"09:00\",\"closeTime\":\"17:00\","
                                + "\"intervalMinutes\":60,\"slotCapacity\":30}",
                        "slotCapacity",
                        0,
                        Bounds.MAX_CAPACITY,
                        true,
                        "openTime",
                        true),
                new Route(
                        "POST " + a + "/closures",
                        a + "/closures",
                        "{\"productId\":\"tour\",\"firstDay\":\"2026-07-01\",\"lastDay\":\"2026-07-02\","
                                + "\"reason\":\"typhoon\"}",
                        null,
                        0,
                        0,
                        false,
                        "reason",
                        true));
    }
}
