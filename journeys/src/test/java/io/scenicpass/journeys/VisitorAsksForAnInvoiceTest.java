package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.DocumentType;
import io.scenicpass.server.invoices.internal.CjkFont;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.counter.CatalogueDay;
import io.scenicpass.terminal.counter.Counter;
import io.scenicpass.terminal.counter.Holder;
import io.scenicpass.terminal.counter.Sale;
import io.scenicpass.terminal.counter.SaleOrder;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.escpos.EscPosDecoder;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import io.scenicpass.terminal.document.ChineseIdNumber;
import io.scenicpass.terminal.sync.DeviceCredentials;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17's invoices: a visitor buys a ticket at the kiosk and takes the receipt; at home she scans its invoice QR,
 * mistypes her email (the page says so, in English as her phone asks), corrects it, and gets the invoice PDF in her
 * mailbox and from the page. A company's buyer asks at the kiosk itself, twice (the kiosk retried): one invoice. The
 * operator sees both, masked; a month later the buyers' data is gone, the invoice numbers stay.
 */
class VisitorAsksForAnInvoiceTest {
    static final String CODE = "134567890123456789";

    @TempDir
    Path dir;

    @Test
    void theReceiptsQrLeadsToTheInvoiceAndTheKioskIssuesOneToo() throws Exception {
        assumeTrue(CjkFont.find(null).isPresent(), "SKIPPED: no Chinese TrueType font: install fonts-wqy-microhei");
        try (Mailbox mailbox = Mailbox.start();
                Park park = Park.open(dir, mailbox.settings("mail.from", "fapiao@park.example"));
                SimulatedTicketPrinter printer = new SimulatedTicketPrinter(
                        "kiosk-printer", park.clock, dir.resolve("printer.bin"), EscPosEncoder.defaults())) {
            printer.start();
            DeviceCredentials device = park.seller("kiosk-north", "KIOSK");
            Counter kiosk = Counter.builder()
                    .credentials(device)
                    .printer(printer)
                    .clock(park.clock)
                    .pause(d -> park.clock.advance(d))
                    .header("ScenicPass 示范景区 Demo Park")
                    .build();

            // she buys one ticket and takes the paper: the receipt carries the invoice QR
            Sale hers = buy(kiosk, "11010519900307004", "周敏");
            assertThat(kiosk.print(hers).complete()).isTrue();
            List<TicketLayout> paper = EscPosDecoder.decode(Files.readAllBytes(printer.output()));
            String link = paper.get(paper.size() - 1).elements().stream()
                    .filter(e -> e.kind() == TicketLayout.Kind.QR)
                    .map(TicketLayout.Element::text)
                    .findFirst()
                    .orElseThrow();
            assertThat(link).isEqualTo(hers.invoiceUrl().orElseThrow()).contains("/invoice/");

            // at home: her phone asks for English; a typo in the email is refused, the form keeps what she typed
            park.clock.advance(Duration.ofDays(3));
            OkHttpClient phone =
                    park.server.http.newBuilder().followRedirects(false).build();
            String page = body(phone, new Request.Builder().url(link).header("Accept-Language", "en-US,en;q=0.9"));
            assertThat(page).contains("Request an e-invoice").contains(hers.bookingCode());
            Request.Builder typo = form(link, "Zhou Min", "", "zhoumin@example");
            try (Response r = phone.newCall(typo.build()).execute()) {
                assertThat(r.code()).isEqualTo(400);
                assertThat(r.body().string()).contains("data-code=\"EMAIL\"").contains("value=\"Zhou Min\"");
            }
            try (Response r = phone.newCall(
                            form(link, "Zhou Min", "", "zhoumin@example.com").build())
                    .execute()) {
                assertThat(r.code()).isEqualTo(303);
            }
            String done = body(phone, new Request.Builder().url(link + "?lang=en"));
            assertThat(done).contains("Your invoice is issued").contains("Sent to z***@example.com");

            // the mail arrived with the PDF; the page's link gives the same PDF
            assertThat(mailbox.waitFor(1)).isTrue();
            MimeMessage mail = mailbox.mails().get(0);
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("zhoumin@example.com");
            byte[] mailed = ((Multipart) mail.getContent())
                    .getBodyPart(1)
                    .getInputStream()
                    .readAllBytes();
            String number = mail.getSubject().substring(mail.getSubject().lastIndexOf(' ') + 1);
            assertThat(text(mailed)).contains("Zhou Min").contains(number).contains(hers.bookingCode());
            try (Response pdf = phone.newCall(
                            new Request.Builder().url(link + "/pdf").build())
                    .execute()) {
                assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
                assertThat(text(pdf.body().bytes())).contains(number);
            }

            // a company's buyer asks at the kiosk; the kiosk's retry gets the same invoice
            Sale company = buy(kiosk, "11010519800815005", "吴刚");
            String ask = "{\"buyerTitle\":\"北京某某旅行社有限公司\",\"taxNumber\":\"91110105MA01ABCD2X\","
                    + "\"email\":\"caiwu@lvxingshe.example\"}";
            JsonNode first = askAtKiosk(park, device, company.saleId(), ask);
            JsonNode again = askAtKiosk(park, device, company.saleId(), ask);
            assertThat(again.get("id").asText()).isEqualTo(first.get("id").asText());
            assertThat(first.get("taxNumber").asText()).isEqualTo("9111**********CD2X");
            assertThat(mailbox.waitFor(2)).isTrue();
            assertThat(mailbox.mails()).hasSize(2);

            // the operator sees both, masked; a month later the buyers' data is erased, the numbers stay
            JsonNode all = park.admin("GET", "/admin/v1/invoices", null).json();
            assertThat(all).hasSize(2);
            assertThat(all.toString()).doesNotContain("zhoumin@").doesNotContain("91110105MA01ABCD2X");
            park.clock.advance(Duration.ofDays(31));
            assertThat(park.server.server.invoices().invoices.eraseExpired()).isEqualTo(2);
            JsonNode later = park.admin(
                            "GET", "/admin/v1/invoices/" + first.get("id").asText(), null)
                    .json();
            assertThat(later.get("email").isNull()).isTrue();
            assertThat(later.get("number").asText())
                    .isEqualTo(first.get("number").asText());
        }
    }

    private static Sale buy(Counter kiosk, String first17, String name) {
        CatalogueDay today = kiosk.catalogue();
        CatalogueDay.Product entry = today.product("park-entry").orElseThrow();
        CatalogueDay.Slot slot = entry.slots().stream()
                .filter(s -> s.remaining() >= 1)
                .findFirst()
                .orElseThrow();
        String id = first17 + ChineseIdNumber.checkCharacter(first17);
        Sale sale = kiosk.sell(SaleOrder.builder(entry.id(), slot.id())
                .item("park-entry-adult", Holder.of(DocumentType.CN_ID, id, name, null))
                .build());
        Sale paid = kiosk.payByCode(sale.saleId(), CODE);
        if (!paid.paid()) {
            paid = kiosk.awaitPayment(sale.saleId(), Duration.ofSeconds(30));
        }
        assertThat(paid.state()).isEqualTo(Sale.State.PAID);
        return paid;
    }

    private static JsonNode askAtKiosk(Park park, DeviceCredentials device, String saleId, String json) {
        TestServer.Answer a = park.server.send(
                "POST",
                "/terminal/v1/counter/sales/" + saleId + "/invoice",
                null,
                json,
                Map.of("Authorization", "Device " + device.deviceToken()));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static Request.Builder form(String link, String title, String tax, String email) {
        return new Request.Builder()
                .url(link)
                .header("Accept-Language", "en-US,en;q=0.9")
                .post(new FormBody.Builder()
                        .add("buyerTitle", title)
                        .add("taxNumber", tax)
                        .add("email", email)
                        .build());
    }

    private static String body(OkHttpClient http, Request.Builder r) throws java.io.IOException {
        try (Response resp = http.newCall(r.build()).execute()) {
            assertThat(resp.code()).isEqualTo(200);
            return resp.body().string();
        }
    }

    private static String text(byte[] pdf) throws java.io.IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }
}
