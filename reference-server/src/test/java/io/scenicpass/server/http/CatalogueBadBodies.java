package io.scenicpass.server.http;

import io.scenicpass.server.http.AdminBadBodiesTest.Route;
import java.util.List;

/** The console catalogue's rows of {@link AdminBadBodiesTest}: product {@code tour} and its unit {@code tour-adult}. */
final class CatalogueBadBodies {
    private CatalogueBadBodies() {}

    static List<Route> routes(String a) {
        return List.of(new Route(
                "PUT " + a + "/products/{}/units/{}/rule",
                a + "/products/tour/units/tour-adult/rule",
                "{\"idRequired\":false,\"minAge\":0}",
                "minAge",
                0,
                io.scenicpass.server.Bounds.MAX_AGE,
                false,
                null,
                true));
    }
}
