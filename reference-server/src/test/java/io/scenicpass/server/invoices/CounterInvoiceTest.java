package io.scenicpass.server.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.counter.CounterFixture;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk asks for the invoice of its paid sale; the paid sale's receipt carries the visitor's invoice link. */
class CounterInvoiceTest {
    private static final String CODE = "{\"method\":\"CODE\",\"paymentCode\":\"134567890123456789\"}";
    private static final String BODY =
            "{\"buyerTitle\":\"杭州某某科技有限公司\",\"taxNumber\":\"91330100MA2AB3CD4E\",\"email\":\"fin@example.com\"}";

    @TempDir
    Path dir;

    TestServer ts;
    CounterFixture f;

    @BeforeEach
    void start() {
        InvoicesFixture.requireFont();
        ts = TestServer.h2(dir);
        f = new CounterFixture(ts);
    }

    @AfterEach
    void stop() {
        if (ts != null) {
            ts.close();
        }
    }

    @Test
    void theKioskAsksForTheInvoiceOfItsPaidSale() {
        String saleId = f.sell(f.kiosk, "tour-adult", "tour-child");
        String path = "/terminal/v1/counter/sales/" + saleId + "/invoice";
        TestServer.Answer early = f.as(f.kiosk, "POST", path, BODY);
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("code").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(f.sale(f.kiosk, saleId).get("receipt").isNull()).isTrue();

        JsonNode paid = f.pay(f.kiosk, saleId, CODE);
        String link = paid.get("receipt").get("invoiceUrl").asText();
        assertThat(link)
                .isEqualTo(ts.server
                        .invoices()
                        .links
                        .forBooking(paid.get("bookingId").asText()));

        TestServer.Answer bad = f.as(f.kiosk, "POST", path, "{\"buyerTitle\":\"x\",\"email\":\"nope\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(bad.json().get("message").asText()).contains("email");

        TestServer.Answer ok = f.as(f.kiosk, "POST", path, BODY);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode inv = ok.json();
        assertThat(inv.get("state").asText()).isEqualTo("ISSUED");
        assertThat(inv.get("number").asText()).startsWith("DEMO-");
        assertThat(inv.get("totalFen").asLong()).isEqualTo(15000);
        assertThat(inv.get("email").asText()).isEqualTo("f***@example.com");
        assertThat(inv.get("source").asText()).isEqualTo("KIOSK");
        assertThat(inv.get("url").asText()).isEqualTo(link);
        byte[] pdf = ts.getBytes("/admin/v1/invoices/" + inv.get("id").asText() + "/pdf", TestServer.ADMIN);
        assertThat(InvoicesFixture.text(pdf)).contains("杭州某某科技有限公司").contains("150.00");

        // again (the kiosk retried): the same invoice
        assertThat(f.as(f.kiosk, "POST", path, BODY).json().get("id").asText())
                .isEqualTo(inv.get("id").asText());
        // another device's sale looks unknown; a gate is no seller
        String other = f.enroll("KIOSK");
        assertThat(f.as(other, "POST", path, BODY).status()).isEqualTo(404);
        TestServer.Answer gate = f.as(f.gate, "POST", path, BODY);
        assertThat(gate.status()).isEqualTo(403);
        assertThat(gate.json().get("code").asText()).isEqualTo("NOT_A_SELLER");
    }
}
