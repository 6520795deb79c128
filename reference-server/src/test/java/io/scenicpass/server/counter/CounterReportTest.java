package io.scenicpass.server.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.payments.internal.SimulatedProvider.Behaviour;
import io.scenicpass.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operators' sales list and report (by device, by payment method), and the dashboard's counter numbers. */
class CounterReportTest extends CounterTestBase {

    JsonNode admin(String path) {
        TestServer.Answer a = ts.get(path, TestServer.ADMIN);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void salesAreReportedByDeviceAndPaymentMethod() {
        String byCode = f.sell(f.kiosk, "tour-adult", "tour-child");
        String kioskId =
                f.pay(f.kiosk, byCode, CounterPaymentsTest.CODE).get("deviceId").asText();
        f.sim().then(Behaviour.DECLINE);
        String declined = f.sell(f.kiosk, "tour-adult");
        f.pay(f.kiosk, declined, CounterPaymentsTest.CODE);
        String cancelled = f.sell(f.kiosk, "tour-adult");
        f.as(f.kiosk, "POST", "/terminal/v1/counter/sales/" + cancelled + "/cancel", null);
        String cash = f.sell(f.boxOffice, "tour-adult");
        String deskId = f.pay(f.boxOffice, cash, "{\"method\":\"CASH\",\"tenderedFen\":20000}")
                .get("deviceId")
                .asText();

        JsonNode report = admin("/admin/v1/counter/report");
        assertThat(report.get("sales").get("count").asLong()).isEqualTo(2);
        assertThat(report.get("sales").get("amountFen").asLong()).isEqualTo(25000);
        assertThat(report.get("refunds").get("count").asLong()).isZero();
        assertThat(report.get("byMethod").toString())
                .contains("{\"key\":\"CASH\",\"count\":1,\"amountFen\":10000}")
                .contains("{\"key\":\"CODE\",\"count\":1,\"amountFen\":15000}");
        assertThat(report.get("byDevice").toString())
                .contains("{\"key\":\"" + kioskId + "\",\"count\":1,\"amountFen\":15000}")
                .contains("{\"key\":\"" + deskId + "\",\"count\":1,\"amountFen\":10000}");
        // the same numbers on the dashboard
        assertThat(admin("/admin/v1/flow/summary").get("counter")).isEqualTo(report);
        // another day has none
        JsonNode tomorrow = admin("/admin/v1/counter/report?from=2026-06-02&to=2026-06-02");
        assertThat(tomorrow.get("sales").get("count").asLong()).isZero();

        JsonNode all = admin("/admin/v1/counter/sales");
        assertThat(all).hasSize(4);
        JsonNode kiosk = admin("/admin/v1/counter/sales?deviceId=" + kioskId);
        assertThat(kiosk).hasSize(3);
        JsonNode dec = admin("/admin/v1/counter/sales?state=DECLINED");
        assertThat(dec).hasSize(1);
        assertThat(dec.get(0).get("saleId").asText()).isEqualTo(declined);
        assertThat(admin("/admin/v1/counter/sales?state=CANCELLED")
                        .get(0)
                        .get("saleId")
                        .asText())
                .isEqualTo(cancelled);
        ts.clock.advance(Duration.ofDays(1));
        assertThat(admin("/admin/v1/counter/sales")).isEmpty();
        assertThat(admin("/admin/v1/counter/sales?from=2026-06-01")).hasSize(4);
    }

    @Test
    void badQueriesGetTypedErrors() {
        for (String q : new String[] {
            "/admin/v1/counter/report?from=yesterday",
            "/admin/v1/counter/report?from=2026-06-02&to=2026-06-01",
            "/admin/v1/counter/report?from=2020-01-01&to=2026-01-01",
            "/admin/v1/counter/sales?state=LOST",
            "/admin/v1/counter/sales?limit=0"
        }) {
            TestServer.Answer a = ts.get(q, TestServer.ADMIN);
            assertThat(a.status()).as(q).isEqualTo(400);
            assertThat(a.json().get("code").asText()).as(q).isEqualTo("BAD_REQUEST");
        }
        assertThat(ts.get("/admin/v1/counter/report", null).status()).isEqualTo(401);
    }
}
