package io.scenicpass.server.http;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.http.AdminBadBodiesTest.Route;
import io.scenicpass.server.packages.Partners;
import io.scenicpass.server.testing.TestServer;
import java.util.List;

/** The packages' rows of {@link AdminBadBodiesTest}: partner {@code bp} with its bus {@code br}, product {@code tour}. */
final class PackagesBadBodies {
    private PackagesBadBodies() {}

    static void partner(TestServer ts) {
        Partners p = ts.server.packages().partners;
        p.putPartner("bp", new Partners.PartnerInput("Partner"));
        p.putResource("bp", "br", new Partners.ResourceInput("BUS", "Bus", 100L, "CNY", 24));
    }

    static List<Route> routes(String a) {
        return List.of(
                new Route(
                        "PUT " + a + "/partners/{}",
                        a + "/partners/bp",
                        "{\"name\":\"Partner\"}",
                        null,
                        0,
                        0,
                        false,
                        "name",
                        true),
                new Route(
                        "PUT " + a + "/partners/{}/resources/{}",
                        a + "/partners/bp/resources/br",
                        "{\"kind\":\"BUS\",\"name\":\"Bus\",\"net\":100,\"currency\":\"CNY\",\"cutoffHours\":24}",
                        "net",
                        0,
                        100_000_000,
                        true,
                        "name",
                        true),
                new Route(
                        "PUT " + a + "/partners/{}/allotments/{}",
                        a + "/partners/bp/allotments/br",
                        "{\"from\":\"2026-06-02\",\"total\":5}",
                        "total",
                        0,
                        Bounds.MAX_CAPACITY,
                        true,
                        "from",
                        true),
                new Route(
                        "PUT " + a + "/packages/{}",
                        a + "/packages/tour",
                        "{\"parts\":[{\"resourceId\":\"br\",\"dayOffset\":0,\"per\":\"PERSON\"}]}",
                        "parts/0/dayOffset",
                        0,
                        30,
                        true,
                        "parts/0/resourceId",
                        true));
    }
}
