package io.scenicpass.journeys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.cli.kioskui.CounterKiosk;
import io.scenicpass.cli.kioskui.KioskBackend;
import io.scenicpass.cli.kioskui.KioskBackend.DocumentReader;
import io.scenicpass.cli.kioskui.KioskBackend.Identity;
import io.scenicpass.cli.kioskui.KioskBackend.SaleView;
import io.scenicpass.cli.kioskui.KioskUi;
import io.scenicpass.cli.kioskui.PresentedDocuments;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.payments.internal.SimulatedProvider;
import io.scenicpass.terminal.counter.Counter;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import io.scenicpass.terminal.document.ChineseIdNumber;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import io.scenicpass.testing.browser.QrPictures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A visitor buys at the kiosk's touch screen: the kiosk agent's UI ({@link KioskUi} on sdk-terminal's Counter with a
 * simulated printer) against the real server of the demo park, driven in a real headless Chromium through Playwright.
 * A visitor also picks up an OTA booking there by swiping the ID card (printed once). Screenshots of every screen go to {@code journeys/target/browser/<test>/}.
 */
@Tag("slow")
class VisitorUsesTheKioskScreenTest {
    static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    static final String MOTHER = cnId("34010219880520001");
    static final String DAUGHTER = cnId("34010220160601006");

    @TempDir
    Path dir;

    BrowserHarness browser;
    Park park;
    SimulatedTicketPrinter printer;
    PresentedDocuments readers;
    KioskUi ui;

    @BeforeEach
    void open() throws Exception {
        browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        park = Park.open(dir);
        DeviceCredentials kiosk = park.seller("kiosk-ui", "KIOSK");
        printer = new SimulatedTicketPrinter(
                kiosk.deviceId(), park.clock, dir.resolve("kiosk-ui/printer.bin"), EscPosEncoder.defaults());
        printer.start();
        Counter counter = Counter.builder()
                .credentials(kiosk)
                .printer(printer)
                .clock(park.clock)
                .zone(PARK)
                .header("景区自助售票 Kiosk")
                .build();
        readers = new PresentedDocuments();
        ui = KioskUi.start(
                new CounterKiosk(counter, park.clock, PARK, readers), "127.0.0.1", 0, Duration.ofMillis(200));
    }

    @AfterEach
    void close() throws Exception {
        if (ui != null) {
            ui.close();
        }
        if (printer != null) {
            printer.close();
        }
        if (park != null) {
            park.close();
        }
    }

    @Test
    void inChineseTwoRealNameTicketsPaidWithThePaymentCodeArePrinted() throws Exception {
        readers.present(DocumentReader.ID_CARD, new Identity("CN_ID", MOTHER, "王芳", null));
        readers.present(DocumentReader.ID_CARD, new Identity("CN_ID", DAUGHTER, "李小雨", null));

        JsonNode r = buy("zh-CN", "park-realname", Map.of("park-realname-adult", 2), true, "CODE", "PAID");

        assertThat(r.path("defaultLang").asText()).isEqualTo("zh-CN");
        assertThat(r.path("buyLabel").asText()).isEqualTo("购票");
        assertThat(r.path("seen").toString()).contains("documents");
        assertThat(r.path("total").asText()).isEqualTo("¥380.00");
        assertThat(r.path("amount").asText()).isEqualTo("¥380.00");
        assertThat(r.path("doneTitle").asText()).isEqualTo("出票成功");
        assertThat(r.path("idCardNote").asBoolean()).isTrue();
        assertThat(r.path("passIds")).hasSize(2);
        assertTouchTargetsLarge(r);

        SaleView sale = sale(r.path("saleId").asText());
        assertThat(sale.state()).isEqualTo("PAID");
        assertThat(sale.payment().method()).isEqualTo("CODE");
        assertThat(sale.tickets())
                .extracting(KioskBackend.Ticket::passId)
                .containsExactlyInAnyOrder(
                        r.path("passIds").get(0).asText(),
                        r.path("passIds").get(1).asText());
        assertThat(sale.bookingCode()).isEqualTo(r.path("bookingCode").asText());
        assertThat(remaining(r)).isEqualTo(r.path("remainingBefore").asLong() - 2);
        assertThat(Files.size(printer.output())).as("ESC/POS bytes printed").isPositive();
    }

    @Test
    void inEnglishATicketPaidByScanningTheScreensQrIsPrinted() throws Exception {
        SimulatedProvider sim = park.server.server.payments().simulated;
        // the visitor's phone: reads the QR drawn on the screen (its screenshot, decoded with ZXing) and pays it
        List<String> scanned = new CopyOnWriteArrayList<>();
        HttpServer phone = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        phone.createContext("/scan", ex -> {
            String codeUrl =
                    QrPictures.decode(Paths.get(new String(ex.getRequestBody().readAllBytes(), UTF_8)));
            scanned.add(codeUrl);
            boolean paid =
                    codeUrl.startsWith("weixin://sim/") && sim.visitorPays(codeUrl.substring("weixin://sim/".length()));
            byte[] answer = (paid ? "paid" : "not paid").getBytes(UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        phone.start();
        JsonNode r;
        try {
            r = buy(
                    "en",
                    "park-entry",
                    Map.of("park-entry-adult", 1),
                    false,
                    "NATIVE",
                    "PAID",
                    "http://127.0.0.1:" + phone.getAddress().getPort() + "/scan");
        } finally {
            phone.stop(0);
        }

        assertThat(r.path("buyLabel").asText()).isEqualTo("Buy tickets");
        assertThat(r.path("seen").toString()).contains("pay-qr");
        assertThat(r.path("qr").path("codeUrl").asText()).startsWith("weixin://sim/");
        assertThat(scanned)
                .as("the QR drawn on the screen is the payment's link")
                .containsExactly(r.path("qr").path("codeUrl").asText());
        assertThat(r.path("qr").path("phone").asText()).isEqualTo("paid");
        assertThat(r.path("qr").path("width").asDouble()).as("QR drawn large").isGreaterThan(400);
        assertThat(r.path("doneTitle").asText()).isEqualTo("Here are your tickets");
        assertThat(r.path("passIds")).hasSize(1);
        assertTouchTargetsLarge(r);
        assertThat(sale(r.path("saleId").asText()).state()).isEqualTo("PAID");
        assertThat(Files.size(printer.output())).as("ESC/POS bytes printed").isPositive();
    }

    @Test
    void aDeclinedPaymentShowsTheErrorAndSellsNothing() throws Exception {
        park.server.server.payments().simulated.then(SimulatedProvider.Behaviour.DECLINE);

        JsonNode r = buy("en", "park-entry", Map.of("park-entry-adult", 1), false, "CODE", "DECLINED");

        assertThat(r.path("problem").asText())
                .contains("The payment did not go through and nothing was charged")
                .contains("PAYMENT_DECLINED");
        SaleView sale = sale(r.path("saleId").asText());
        assertThat(sale.state()).isEqualTo("DECLINED");
        assertThat(sale.tickets()).isEmpty();
        assertThat(Files.exists(printer.output()) ? Files.size(printer.output()) : 0)
                .isZero();
    }

    @Test
    void anOtaBookingIsPickedUpByTheIdCardOnTheScreenAndPrintedOnce() throws Exception {
        String slot = new OtaBookingFlow(
                        park.reseller("ctrip"), park.clock, new PrintStream(new ByteArrayOutputStream(), true, UTF_8))
                .run("park-entry", 1, "CT-17-SOLO")
                .slot
                .getId();
        List<String> booked = VisitorPicksUpOtaTicketsTest.bookCouple(park.reseller("ctrip"), slot);
        // she swipes her ID card twice: to pick up, and (the tickets in her hand) once more
        Identity wife = new Identity("CN_ID", VisitorPicksUpOtaTicketsTest.WIFE, "李娜", null);
        readers.present(DocumentReader.ID_CARD, wife);
        readers.present(DocumentReader.ID_CARD, wife);

        BrowserRun run = browser.run(
                "browser/kiosk-pickup.cjs",
                "http://127.0.0.1:" + ui.port() + "/",
                Paths.get("target/browser", getClass().getSimpleName(), "en-pickup"),
                Map.of("lang", "en"));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).as("no script errors in the page").isEmpty();

        assertThat(r.path("first")).hasSize(1);
        assertThat(r.path("first").get(0).path("printable").asBoolean()).isTrue();
        assertThat(r.path("doneTitle").asText()).isEqualTo("Here are your tickets");
        assertThat(r.path("passIds")).hasSize(2);
        assertThat(VisitorPicksUpOtaTicketsTest.qrCodes(printer.output()))
                .as("the booking's tickets came out of the kiosk's printer")
                .containsExactlyElementsOf(booked);
        JsonNode again = r.path("second").get(0);
        assertThat(again.path("printable").asBoolean()).isFalse();
        assertThat(again.path("code").asText()).isEqualTo("ALREADY_PRINTED");
        assertThat(again.path("refusal").asText()).contains("printed already");
        assertThat(VisitorPicksUpOtaTicketsTest.qrCodes(printer.output()))
                .as("nothing printed twice")
                .hasSize(2);
    }

    @Test
    void badInputGetsTheErrorScreenWithItsCodeNeverAServerError() throws Exception {
        OkHttpClient http = new OkHttpClient();
        String base = "http://127.0.0.1:" + ui.port();
        String slot = ui.backend()
                .catalogue(LocalDate.ofInstant(park.clock.instant(), PARK))
                .product("park-entry")
                .orElseThrow()
                .slots()
                .get(0)
                .id();
        Map<String, Request> asked = new java.util.LinkedHashMap<>();
        asked.put(
                "BAD_DATE",
                new Request.Builder().url(base + "/buy?date=tomorrow").build());
        asked.put(
                "DAY_NOT_ON_SALE",
                new Request.Builder().url(base + "/buy?date=2020-01-01").build());
        asked.put(
                "NO_SUCH_PRODUCT",
                new Request.Builder().url(base + "/buy/no-such-thing").build());
        asked.put(
                "EMPTY_ORDER",
                post(base + "/buy/park-entry/" + slot, "date=2026-06-01&saleId=s1&q.park-entry-adult=0"));
        asked.put(
                "TOO_MANY_TICKETS",
                post(base + "/buy/park-entry/" + slot, "date=2026-06-01&saleId=s1&q.park-entry-adult=11"));
        asked.put("BAD_QUANTITY", post(base + "/documents", "n=abc&saleId=s1&date=2026-06-01"));
        asked.put("BAD_FORM", post(base + "/documents", "n=1&unit.0=park-entry-adult"));
        asked.put(
                "NOT_FOUND", new Request.Builder().url(base + "/no/such/screen").build());
        for (Map.Entry<String, Request> e : asked.entrySet()) {
            try (Response res = http.newCall(e.getValue()).execute()) {
                String body = res.body().string();
                assertThat(res.code()).as(e.getKey()).isBetween(400, 499);
                assertThat(body).as(e.getKey()).contains("data-code=\"" + e.getKey() + "\"");
                assertThat(body).as("in the visitor's words (zh-CN)").contains("抱歉");
            }
        }
        // an unknown sale: the server's refusal, shown with the server's code
        try (Response res = http.newCall(
                        new Request.Builder().url(base + "/sales/nope").build())
                .execute()) {
            assertThat(res.code()).isBetween(400, 499);
            assertThat(res.body().string()).contains("data-code=\"").doesNotContain("KIOSK_FAULT");
        }
    }

    private static Request post(String url, String form) {
        return new Request.Builder()
                .url(url)
                .post(RequestBody.create(form, MediaType.get("application/x-www-form-urlencoded")))
                .build();
    }

    private JsonNode buy(
            String lang, String productId, Map<String, Integer> units, boolean swipe, String pay, String expect) {
        return buy(lang, productId, units, swipe, pay, expect, "");
    }

    private JsonNode buy(
            String lang,
            String productId,
            Map<String, Integer> units,
            boolean swipe,
            String pay,
            String expect,
            String phoneUrl) {
        Path out = Paths.get("target/browser", getClass().getSimpleName(), lang + "-" + productId + "-" + expect);
        BrowserRun run = browser.run(
                "browser/kiosk-buy.cjs",
                "http://127.0.0.1:" + ui.port() + "/",
                out,
                Map.of(
                        "lang", lang,
                        "productId", productId,
                        "units", units,
                        "swipe", swipe,
                        "pay", pay,
                        "paymentCode", "134567890123456789",
                        "expect", expect,
                        "phoneUrl", phoneUrl));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).as("no script errors in the page").isEmpty();
        assertThat(run.screenshots()).isNotEmpty().allSatisfy(p -> assertThat(p).isRegularFile());
        return r;
    }

    /** The sale as the server answers the kiosk now. */
    private SaleView sale(String saleId) {
        return ui.backend().sale(saleId);
    }

    private long remaining(JsonNode r) {
        LocalDate today = LocalDate.ofInstant(park.clock.instant(), PARK);
        return ui.backend().catalogue(today).products().stream()
                .flatMap(p -> p.slots().stream())
                .filter(s -> s.id().equals(r.path("slotId").asText()))
                .findFirst()
                .orElseThrow()
                .remaining();
    }

    private static void assertTouchTargetsLarge(JsonNode r) {
        r.path("smallest")
                .fields()
                .forEachRemaining(e -> assertThat(e.getValue().asDouble())
                        .as("smallest touch target on " + e.getKey() + " (px)")
                        .isGreaterThanOrEqualTo(96));
    }

    private static String cnId(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }
}
