package io.scenicpass.terminal.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.DocumentType;
import io.scenicpass.terminal.device.PrinterStatus;
import io.scenicpass.terminal.device.TestClock;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.escpos.EscPosDecoder;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedDocuments;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import io.scenicpass.terminal.document.MrzParser;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Counter} against the counter API's wire contract (a scripted server) and a simulated printer. */
class CounterTest {
    static final String SALE_ID = "0b7f3c52-5d8e-4c1a-9a47-2f7b7e0c9d11";

    private final MockWebServer server = new MockWebServer();
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T02:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();

    @TempDir
    Path dir;

    private SimulatedTicketPrinter printer;
    private Counter counter;

    @BeforeEach
    void start() throws Exception {
        server.start();
        String url = server.url("/").toString();
        DeviceCredentials creds = new DeviceCredentials(
                url.substring(0, url.length() - 1), "kiosk-1", "tok-1", "area-1", null, new byte[32]);
        printer = new SimulatedTicketPrinter("printer-1", clock, dir.resolve("paper.bin"), EscPosEncoder.defaults());
        printer.start();
        counter = Counter.builder()
                .credentials(creds)
                .printer(printer)
                .clock(clock)
                .pause(d -> {
                    pauses.add(d);
                    clock.advance(d);
                })
                .pollBackoff(Duration.ofMillis(500), Duration.ofSeconds(2))
                .header("西湖景区 West Lake")
                .build();
    }

    @AfterEach
    void stop() {
        printer.close();
        server.close();
    }

    @Test
    void catalogueOfADayIsReadWithTheDeviceToken() throws Exception {
        enqueue(
                200,
                "{\"date\":\"2026-12-07\",\"products\":[{\"id\":\"park\",\"name\":\"Park entry\","
                        + "\"realName\":true,\"units\":[{\"id\":\"adult\",\"type\":\"ADULT\",\"name\":\"Adult\","
                        + "\"priceFen\":12000}],\"slots\":[{\"id\":\"s1\",\"start\":\"2026-12-07T09:00:00+08:00\","
                        + "\"end\":\"2026-12-07T12:00:00+08:00\",\"remaining\":37}]}]}");

        CatalogueDay day = counter.catalogue(LocalDate.of(2026, 12, 7));

        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/terminal/v1/counter/catalogue");
        assertThat(r.getUrl().queryParameter("date")).isEqualTo("2026-12-07");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Device tok-1");
        CatalogueDay.Product p = day.product("park").orElseThrow();
        assertThat(p.realName()).isTrue();
        assertThat(p.unit("adult").orElseThrow().priceFen()).isEqualTo(12000);
        CatalogueDay.Slot s = p.slot("s1").orElseThrow();
        assertThat(s.remaining()).isEqualTo(37);
        assertThat(s.start()).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
    }

    @Test
    void aSaleSendsItsIdAndTheHoldersDocumentsAndServerRefusalsKeepTheirCode() throws Exception {
        enqueue(201, sale("AWAITING_PAYMENT", null, 0));
        Holder passport = Holder.fromMrz(
                MrzParser.strict()
                        .parse(SimulatedDocuments.mrz("P", "GBR", "K1234567", LocalDate.of(1990, 5, 1), "SMITH")),
                LocalDate.of(2026, 12, 6));
        SaleOrder order = SaleOrder.builder("park", "s1")
                .saleId(SALE_ID)
                .item("adult", Holder.of(DocumentType.CN_ID, "11010519491231002X", "张三", null))
                .item("adult", passport)
                .build();

        Sale sale = counter.sell(order);

        assertThat(sale.state()).isEqualTo(Sale.State.AWAITING_PAYMENT);
        assertThat(sale.amountFen()).isEqualTo(24000);
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/terminal/v1/counter/sales");
        String body = r.getBody().utf8();
        assertThat(body)
                .contains("\"saleId\":\"" + SALE_ID + "\"")
                .contains("\"type\":\"CN_ID\",\"number\":\"11010519491231002X\",\"name\":\"张三\"")
                .contains("\"type\":\"PASSPORT\",\"number\":\"K1234567\"")
                .contains("\"birthDate\":\"1990-05-01\",\"country\":\"GBR\"");
        assertThat(passport.toString()).doesNotContain("K1234567");

        enqueue(409, "{\"code\":\"SOLD_OUT\",\"message\":\"no places left\"}");
        assertThatThrownBy(() -> counter.sell(order)).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.code()).isEqualTo(SyncErrorCode.REJECTED);
            assertThat(e.serverCode()).isEqualTo("SOLD_OUT");
        });
        enqueue(403, "{\"code\":\"NOT_A_SELLER\",\"message\":\"a gate cannot sell\"}");
        assertThatThrownBy(() -> counter.catalogue())
                .isInstanceOfSatisfying(
                        SyncException.class, e -> assertThat(e.serverCode()).isEqualTo("NOT_A_SELLER"));
    }

    @Test
    void aPendingCodePaymentIsPolledWithGrowingPausesThroughAServerHiccupUntilPaid() throws Exception {
        enqueue(200, sale("AWAITING_PAYMENT", "PENDING", 0)); // POST payment
        enqueue(200, sale("AWAITING_PAYMENT", "PENDING", 0)); // poll 1
        enqueue(503, "{\"code\":\"UNAVAILABLE\",\"message\":\"later\"}"); // poll 2
        enqueue(200, sale("AWAITING_PAYMENT", "PENDING", 0)); // poll 3
        enqueue(200, sale("PAID", "SUCCEEDED", 2)); // poll 4

        Sale started = counter.payByCode(SALE_ID, "134567890123456789");
        Sale paid = counter.awaitPayment(started.saleId(), Duration.ofSeconds(60));

        assertThat(server.takeRequest().getBody().utf8())
                .contains("\"method\":\"CODE\"")
                .contains("\"paymentCode\":\"134567890123456789\"");
        assertThat(paid.paid()).isTrue();
        assertThat(paid.tickets()).hasSize(2);
        assertThat(paid.payment().orElseThrow().method()).isEqualTo(PaymentMethod.CODE);
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void aPaymentWithoutOutcomeIsGivenUpAtTheTimeoutAndCancelled() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                boolean cancel = r.getUrl().encodedPath().endsWith("/cancel");
                return new MockResponse.Builder()
                        .code(200)
                        .body(sale(cancel ? "CANCELLED" : "AWAITING_PAYMENT", "PENDING", 0))
                        .build();
            }
        });
        Instant begin = clock.instant();

        Sale last = counter.awaitPayment(SALE_ID, Duration.ofSeconds(7));

        assertThat(last.state()).isEqualTo(Sale.State.AWAITING_PAYMENT);
        assertThat(Duration.between(begin, clock.instant())).isEqualTo(Duration.ofSeconds(7));
        // 0.5 + 1 + 2 + 2 + 1.5 (what is left): the pauses never overshoot the deadline
        assertThat(pauses)
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(1500));
        assertThat(server.getRequestCount()).isEqualTo(6);

        Sale cancelled = counter.cancel(SALE_ID);

        assertThat(cancelled.state()).isEqualTo(Sale.State.CANCELLED);
        RecordedRequest last7 = null;
        for (int i = 0; i < 7; i++) {
            last7 = server.takeRequest();
        }
        assertThat(last7.getMethod()).isEqualTo("POST");
        assertThat(last7.getUrl().encodedPath()).isEqualTo("/terminal/v1/counter/sales/" + SALE_ID + "/cancel");
    }

    @Test
    void aPaidSaleIsPrintedOnceTicketsThenReceiptEachPassAsItsQr() throws Exception {
        Sale sale = Sale.parse(sale("PAID", "SUCCEEDED", 2).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        PrintReport report = counter.print(sale);
        PrintReport again = counter.print(sale);

        assertThat(report.printed()).isEqualTo(3);
        assertThat(report.complete()).isTrue();
        assertThat(again.printed()).isZero();
        List<TicketLayout> paper = EscPosDecoder.decode(Files.readAllBytes(printer.output()));
        assertThat(paper).hasSize(3).allMatch(TicketLayout::cut);
        assertThat(qrs(paper.get(0))).containsExactly("SP1:pass-0");
        assertThat(qrs(paper.get(1))).containsExactly("SP1:pass-1");
        assertThat(texts(paper.get(0)))
                .contains("西湖景区 West Lake", "Park entry", "票种 Ticket: Adult", "入园 Entry: 2026-12-06 09:00")
                .contains("持票人 Holder: 张* 1101**********002X", "订单 Booking: BK7Q2");
        assertThat(texts(paper.get(2))).contains("合计 Total: CNY 240.00", "支付 Paid by: CODE");
        assertThat(qrs(paper.get(2))).containsExactly("https://park.example/invoice/abc");
    }

    @Test
    void ticketsThePrinterCouldNotPrintWaitAndComeOutWhenItIsBack() throws Exception {
        Sale sale = Sale.parse(sale("PAID", "SUCCEEDED", 2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        printer.setStatus(PrinterStatus.PAPER_OUT);

        PrintReport out = counter.print(sale);

        assertThat(out.printed()).isZero();
        assertThat(out.pending()).isEqualTo(3);
        assertThat(out.failure().orElseThrow().status()).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThat(counter.pendingSales()).containsExactly(SALE_ID);
        assertThat(printer.output()).doesNotExist();

        printer.setStatus(PrinterStatus.READY);
        PrintReport back = counter.printPending();

        assertThat(back.printed()).isEqualTo(3);
        assertThat(back.complete()).isTrue();
        assertThat(counter.pendingSales()).isEmpty();
        assertThat(EscPosDecoder.decode(Files.readAllBytes(printer.output()))).hasSize(3);
        assertThatThrownBy(() -> counter.print(Sale.parse(
                        sale("AWAITING_PAYMENT", null, 0).getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paperWaitingAtACrashIsPrintedAfterTheRestartFromTheSaleTheServerKeeps() throws Exception {
        Path list = dir.resolve("pending-prints");
        Sale sale = Sale.parse(sale("PAID", "SUCCEEDED", 2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        printer.setStatus(PrinterStatus.COVER_OPEN);
        assertThat(kioskWith(list).print(sale).pending()).isEqualTo(3);
        assertThat(Files.readAllLines(list)).hasSize(3);

        // the kiosk restarts (a new Counter on the same list); the printer is back
        printer.setStatus(PrinterStatus.READY);
        Counter restarted = kioskWith(list);
        assertThat(restarted.pendingSales()).containsExactly(SALE_ID);
        enqueue(200, sale("PAID", "SUCCEEDED", 2));
        PrintReport report = restarted.printPending();

        assertThat(report.printed()).isEqualTo(3);
        assertThat(report.complete()).isTrue();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/terminal/v1/counter/sales/" + SALE_ID);
        assertThat(Files.readAllLines(list)).isEmpty();
        assertThat(restarted.print(sale).printed()).as("printed once").isZero();

        // only the pieces the list names come out again: here the second ticket
        Files.write(list, List.of(SALE_ID + " 1"));
        enqueue(200, sale("PAID", "SUCCEEDED", 2));
        assertThat(kioskWith(list).printPending().printed()).isEqualTo(1);
        List<TicketLayout> paper = EscPosDecoder.decode(Files.readAllBytes(printer.output()));
        assertThat(qrs(paper.get(paper.size() - 1))).containsExactly("SP1:pass-1");
    }

    private Counter kioskWith(Path pendingFile) {
        String url = server.url("/").toString();
        return Counter.builder()
                .credentials(new DeviceCredentials(
                        url.substring(0, url.length() - 1), "kiosk-1", "tok-1", "area-1", null, new byte[32]))
                .printer(printer)
                .clock(clock)
                .pendingFile(pendingFile)
                .build();
    }

    private static List<String> qrs(TicketLayout t) {
        return t.elements().stream()
                .filter(e -> e.kind() == TicketLayout.Kind.QR)
                .map(TicketLayout.Element::text)
                .collect(Collectors.toList());
    }

    private static List<String> texts(TicketLayout t) {
        return t.elements().stream()
                .filter(e -> e.kind() == TicketLayout.Kind.TEXT)
                .map(TicketLayout.Element::text)
                .collect(Collectors.toList());
    }

    private void enqueue(int code, String json) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build());
    }

    /** A Sale of the wire contract with {@code tickets} tickets (2 × CNY 120). */
    static String sale(String state, String paymentState, int tickets) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < tickets; i++) {
            t.append(i == 0 ? "" : ",")
                    .append("{\"passId\":\"pass-")
                    .append(i)
                    .append("\",\"qrText\":\"SP1:pass-")
                    .append(i)
                    .append(
                            "\",\"unitId\":\"adult\",\"unitName\":\"Adult\",\"holder\":{\"type\":\"CN_ID\",\"number\":\"1101**********002X\","
                                    + "\"name\":\"张*\",\"country\":\"CHN\"},"
                                    + "\"productName\":\"Park entry\",\"slotStart\":\"2026-12-06T09:00+08:00\"}");
        }
        String payment = paymentState == null
                ? "null"
                : "{\"id\":\"pay-1\",\"method\":\"CODE\",\"state\":\"" + paymentState + "\"}";
        return "{\"saleId\":\"" + SALE_ID + "\",\"deviceId\":\"kiosk-1\",\"state\":\"" + state
                + "\",\"productId\":\"park\",\"slotId\":\"s1\",\"amountFen\":24000,\"currency\":\"CNY\","
                + "\"bookingId\":\"b-1\",\"bookingCode\":\"BK7Q2\",\"expiresAt\":\"2026-12-06T02:15:00Z\","
                + "\"payment\":" + payment + ",\"tickets\":[" + t + "],\"receipt\":"
                + (tickets > 0 ? "{\"invoiceUrl\":\"https://park.example/invoice/abc\"}" : "null") + "}";
    }
}
