package io.scenicpass.server.http;

import io.scenicpass.server.counter.CounterSales;
import io.scenicpass.server.http.AdminBadBodiesTest.Route;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.CredentialStore;
import java.nio.file.Path;
import java.util.List;

/** The console refunds' rows of {@link AdminBadBodiesTest}: a cash sale paid at the box office, refunded by the API. */
final class CounterRefundsBadBodies {
    /** The paid counter sale the valid body refunds (made at start). */
    static String sale;

    private CounterRefundsBadBodies() {}

    /** A paid cash sale of the box office enrolled at {@code credentials}, in a shift of cashier c0 (PIN 1234). */
    static void sale(TestServer ts, Path credentials, String slotId) {
        String token = new CredentialStore(credentials).load().orElseThrow().deviceToken();
        var device = ts.server.devices().authenticate("Device " + token);
        String shift =
                ts.server.boxOffice().shifts.open(device.id(), "c0", "1234", 0L).shiftId();
        sale = java.util.UUID.randomUUID().toString();
        CounterSales sales = ts.server.counter().sales;
        sales.create(
                device,
                new CounterSales.NewSale(
                        sale, "tour", slotId, List.of(new CounterSales.Item("tour-adult", null)), shift));
        sales.pay(device, sale, CounterSales.Method.CASH, null, null);
    }

    static List<Route> routes(String a) {
        return List.of(new Route(
                "POST " + a + "/counter/sales/{}/refund",
                a + "/counter/sales/" + sale + "/refund",
                "{\"reason\":\"storm\",\"passIds\":[]}",
                null,
                0,
                0,
                false,
                "reason",
                true));
    }
}
