package io.scenicpass.server.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The visitor's invoice page (zh/en, typed errors, the form → the PDF) and the admin API, over real HTTP. */
class InvoiceHttpTest {
    @TempDir
    Path dir;

    @Test
    void theVisitorAsksThroughTheReceiptLinkAndDownloadsThePdf() {
        try (InvoicesFixture f = InvoicesFixture.start(dir)) {
            String b = f.paidBooking("b-1");
            String url = f.ts.server.invoices().links.forBooking(b);
            assertThat(url).startsWith(f.ts.server.baseUrl() + "/invoice/");
            String path = url.substring(f.ts.server.baseUrl().length());
            assertThat(f.ts.server.invoices().links.forBooking(b)).isEqualTo(url); // a reprint shows the same QR

            Page zh = get(f, path, null);
            assertThat(zh.status).isEqualTo(200);
            assertThat(zh.body).contains("申请电子发票").contains(f.reference(b)).contains("CNY 250.00");
            assertThat(zh.headers.get("content-security-policy")).contains("form-action 'self'");
            assertThat(get(f, path, "en-GB,en;q=0.9").body).contains("Request an e-invoice");
            assertThat(get(f, path + "?lang=en", "zh-CN").body).contains("Request an e-invoice");

            Page bad = post(f, path, Map.of("lang", "en", "buyerTitle", "Acme Ltd", "email", "not-an-address"));
            assertThat(bad.status).isEqualTo(400);
            assertThat(bad.body)
                    .contains("data-code=\"EMAIL\"")
                    .contains("Please enter a valid email address")
                    .contains("value=\"Acme Ltd\"");
            Page badZh = post(f, path, Map.of("buyerTitle", "Acme", "taxNumber", "123", "email", "a@example.com"));
            assertThat(badZh.body).contains("data-code=\"TAX_NUMBER\"").contains("纳税人识别号应为");
            // a body that is no form (a broken multipart) is a refused field, not a 500
            Page broken = call(
                    f,
                    new Request.Builder()
                            .url(f.ts.url(path))
                            .post(okhttp3.RequestBody.create(
                                    "text", okhttp3.MediaType.get("multipart/form-data; boundary=x")))
                            .build());
            assertThat(broken.status).isEqualTo(400);
            assertThat(broken.body).contains("data-code=\"BUYER_TITLE\"");
            assertThat(f.ts.server.invoices().invoices.forBooking(b)).isEmpty();

            Page ok = post(
                    f,
                    path,
                    Map.of("lang", "zh", "buyerTitle", "<b>钱七</b>", "taxNumber", "", "email", "qian@example.com"));
            assertThat(ok.status).isEqualTo(303);
            assertThat(ok.headers.get("location")).isEqualTo(path + "?lang=zh");
            Invoice inv = f.ts.server.invoices().invoices.forBooking(b).orElseThrow();
            Page done = get(f, path, null);
            assertThat(done.body)
                    .contains("发票已开具")
                    .contains(inv.number())
                    .contains(path + "/pdf")
                    .doesNotContain("<b>钱七</b>");
            byte[] pdf = f.ts.getBytes(path + "/pdf", null);
            assertThat(InvoicesFixture.text(pdf)).contains("<b>钱七</b>").contains(inv.number());
        }
    }

    @Test
    void forgedAndExpiredLinksAreRefusedInTheVisitorsLanguage() {
        try (InvoicesFixture f = InvoicesFixture.start(dir)) {
            String b1 = f.paidBooking("b-1");
            String b2 = f.paidBooking("b-2");
            String p1 = path(f, b1);
            String p2 = path(f, b2);
            // another booking's MAC, a changed day, garbage
            String[] a = p1.split("\\."), c = p2.split("\\.");
            for (String forged : new String[] {
                a[0] + "." + a[1] + "." + c[2], a[0] + "." + (Long.parseLong(a[1]) + 1) + "." + a[2], "/invoice/x"
            }) {
                Page r = get(f, forged, "en");
                assertThat(r.status).as(forged).isEqualTo(404);
                assertThat(r.body).contains("data-code=\"LINK_INVALID\"").contains("not valid");
                assertThat(post(f, forged, Map.of("buyerTitle", "x", "email", "x@example.com")).status)
                        .isEqualTo(404);
            }
            assertThat(f.ts.server.invoices().invoices.list(null, 10)).isEmpty();
            // the visit is 2026-06-02: the link works through 2026-07-02 (UTC)
            f.clock().set(java.time.Instant.parse("2026-07-02T23:59:00Z"));
            assertThat(get(f, p1, null).status).isEqualTo(200);
            f.clock().advance(Duration.ofMinutes(2));
            Page expired = get(f, p1, null);
            assertThat(expired.status).isEqualTo(410);
            assertThat(expired.body).contains("data-code=\"LINK_EXPIRED\"").contains("2026-07-02");
        }
    }

    @Test
    void anUnpaidBookingCannotBeInvoiced() {
        try (InvoicesFixture f = InvoicesFixture.start(dir)) {
            String b = f.held("b-1");
            String p = path(f, b);
            Page r = get(f, p, "en");
            assertThat(r.status).isEqualTo(422);
            assertThat(r.body).contains("data-code=\"NOT_PAID\"");
            Page posted = post(f, p, Map.of("lang", "en", "buyerTitle", "x", "email", "x@example.com"));
            assertThat(posted.status).isEqualTo(422);
            assertThat(posted.body).contains("data-code=\"NOT_PAID\"");
        }
    }

    @Test
    void adminListsMaskedInvoicesServesThePdfAndErasesOnRequest() {
        try (InvoicesFixture f = InvoicesFixture.start(dir)) {
            String b = f.paidBooking("b-1");
            Invoice inv = f.ts.server
                    .invoices()
                    .invoices
                    .request(b, new InvoiceInput("孙八", "913301001234567890", "sun@example.com"), Invoice.Source.KIOSK);
            assertThat(f.ts.get("/admin/v1/invoices", null).status()).isEqualTo(401);
            JsonNode list = f.ts.get("/admin/v1/invoices?bookingId=" + b, TestServer.ADMIN)
                    .json();
            assertThat(list).hasSize(1);
            JsonNode one = list.get(0);
            assertThat(one.get("number").asText()).isEqualTo(inv.number());
            assertThat(one.get("buyerTitle").asText()).isEqualTo("孙*");
            assertThat(one.get("taxNumber").asText()).isEqualTo("9133**********7890");
            assertThat(one.get("email").asText()).isEqualTo("s***@example.com");
            assertThat(one.get("source").asText()).isEqualTo("KIOSK");
            assertThat(f.ts.get("/admin/v1/invoices?limit=0", TestServer.ADMIN)
                            .json()
                            .get("code")
                            .asText())
                    .isEqualTo("BAD_REQUEST");
            assertThat(f.ts.get("/admin/v1/invoices/nope", TestServer.ADMIN).status())
                    .isEqualTo(404);
            byte[] pdf = f.ts.getBytes("/admin/v1/invoices/" + inv.id() + "/pdf", TestServer.ADMIN);
            assertThat(InvoicesFixture.text(pdf)).contains("孙八").contains("913301001234567890");

            TestServer.Answer erased = f.ts.post("/admin/v1/invoices/" + inv.id() + "/erase", TestServer.ADMIN, null);
            assertThat(erased.json().get("erased").asBoolean()).isTrue();
            assertThat(f.ts.get("/admin/v1/invoices/" + inv.id(), TestServer.ADMIN)
                            .json()
                            .get("email")
                            .isNull())
                    .isTrue();
            TestServer.Answer gone = f.ts.get("/admin/v1/invoices/" + inv.id() + "/pdf", TestServer.ADMIN);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().get("message").asText()).contains("erased");
            Page visitor = get(f, path(f, b) + "/pdf", "en");
            assertThat(visitor.status).isEqualTo(410);
            assertThat(visitor.body).contains("data-code=\"ERASED\"");
        }
    }

    private static String path(InvoicesFixture f, String booking) {
        return f.ts.server
                .invoices()
                .links
                .forBooking(booking)
                .substring(f.ts.server.baseUrl().length());
    }

    record Page(int status, String body, Map<String, String> headers) {}

    private static Page get(InvoicesFixture f, String path, String acceptLanguage) {
        Request.Builder r = new Request.Builder().url(f.ts.url(path));
        if (acceptLanguage != null) {
            r.header("Accept-Language", acceptLanguage);
        }
        return call(f, r.build());
    }

    private static Page post(InvoicesFixture f, String path, Map<String, String> form) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        return call(
                f, new Request.Builder().url(f.ts.url(path)).post(body.build()).build());
    }

    private static Page call(InvoicesFixture f, Request r) {
        OkHttpClient noRedirects = f.ts.http.newBuilder().followRedirects(false).build();
        try (Response resp = noRedirects.newCall(r).execute()) {
            Map<String, String> h = new java.util.HashMap<>();
            resp.headers().names().forEach(n -> h.put(n.toLowerCase(java.util.Locale.ROOT), resp.header(n)));
            return new Page(resp.code(), resp.body().string(), h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
