package io.scenicpass.server.http;

import io.scenicpass.server.http.AdminBadBodiesTest.Route;
import io.scenicpass.server.testing.TestServer;
import java.util.List;

/** The visitor hub's rows of {@link AdminBadBodiesTest}: a visitor made from an OTA booking with a contact phone. */
final class VisitorsBadBodies {
    private static long visitorId;

    private VisitorsBadBodies() {}

    static void visitor(TestServer ts) {
        ts.post(
                "/octo/bookings",
                "key-ota",
                TestServer.reserve("hub-1", "tour", "2026-06-02T10:00:00+08:00", "tour-adult"));
        ts.post("/octo/bookings/hub-1/confirm", "key-ota", "{\"contact\":{\"phoneNumber\":\"13800138000\"}}");
        visitorId = ts.server.visitors().directory().ofBooking("hub-1").orElseThrow();
    }

    static List<Route> routes(String a) {
        return List.of(
                new Route(
                        "POST " + a + "/visitors/lookup",
                        a + "/visitors/lookup",
                        "{\"phone\":\"13800138000\"}",
                        null,
                        0,
                        0,
                        false,
                        "phone",
                        true),
                new Route(
                        "PUT " + a + "/visitors/{}/consent",
                        a + "/visitors/" + visitorId + "/consent",
                        "{\"marketing\":true}",
                        null,
                        0,
                        0,
                        false,
                        null,
                        true),
                new Route(
                        "PUT " + a + "/segments/{}",
                        a + "/segments/families",
                        "{\"name\":\"Families\",\"expression\":\"tags has family AND visits12m >= 1\"}",
                        null,
                        0,
                        0,
                        false,
                        "name",
                        true));
    }
}
