package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.cli.kioskui.CounterKiosk;
import io.scenicpass.cli.kioskui.KioskUi;
import io.scenicpass.cli.kioskui.PresentedDocuments;
import io.scenicpass.server.packages.PackagesDemo;
import io.scenicpass.terminal.counter.CatalogueDay;
import io.scenicpass.terminal.counter.Counter;
import io.scenicpass.terminal.counter.Sale;
import io.scenicpass.terminal.counter.SaleOrder;
import io.scenicpass.terminal.counter.Voucher;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.escpos.EscPosDecoder;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19's packages at the kiosk: a couple buys the park's package (entry, a Lakeside Hotel night, the bus) at the
 * ticket-selling kiosk with one sale and one payment by code. The kiosk prints their two passes, a voucher slip for
 * the hotel room and one for the two bus seats (each code as a QR), and the receipt; the hotel and the bus company
 * find the vouchers valid, and the kiosk's screen (the cli's kiosk UI) lists them with the tickets.
 */
class VisitorBuysAPackageAtTheKioskTest {
    static final String CODE = "134567890123456789";

    @TempDir
    Path dir;

    @Test
    void oneSaleOnePaymentPassesAndAVoucherPerPartnerPart() throws Exception {
        try (Park park = Park.open(dir);
                SimulatedTicketPrinter printer = new SimulatedTicketPrinter(
                        "kiosk-printer", park.clock, dir.resolve("printer.bin"), EscPosEncoder.defaults())) {
            printer.start();
            PackagesDemo.seed(park.server.server, LocalDate.of(2026, 6, 1));
            Counter kiosk = Counter.builder()
                    .credentials(park.seller("kiosk-north", "KIOSK"))
                    .printer(printer)
                    .clock(park.clock)
                    .pause(d -> park.clock.advance(d))
                    .header("ScenicPass 示范景区 Demo Park")
                    .build();
            CatalogueDay tomorrow = kiosk.catalogue(LocalDate.of(2026, 6, 2));
            CatalogueDay.Product pkg = tomorrow.product(PackagesDemo.PRODUCT).orElseThrow();
            CatalogueDay.Slot slot = pkg.slots().get(0);

            Sale sale = kiosk.sell(SaleOrder.builder(pkg.id(), slot.id())
                    .item(PackagesDemo.PRODUCT + "-adult")
                    .item(PackagesDemo.PRODUCT + "-adult")
                    .build());
            assertThat(sale.state()).isEqualTo(Sale.State.AWAITING_PAYMENT);
            assertThat(sale.amountFen()).isEqualTo(2 * 68000);
            assertThat(sale.vouchers()).isEmpty(); // nothing is issued before the payment

            Sale paid = kiosk.payByCode(sale.saleId(), CODE);
            if (!paid.paid()) {
                paid = kiosk.awaitPayment(sale.saleId(), Duration.ofSeconds(30));
            }
            assertThat(paid.state()).isEqualTo(Sale.State.PAID);
            assertThat(park.server.server.payments().simulated.charges()).isEqualTo(1);
            assertThat(paid.tickets()).hasSize(2);
            assertThat(paid.vouchers())
                    .extracting(Voucher::item, Voucher::places, Voucher::day)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("双人间 Double room", 1, LocalDate.of(2026, 6, 2)),
                            org.assertj.core.groups.Tuple.tuple("往返巴士 Return bus", 2, LocalDate.of(2026, 6, 2)));

            // the paper: two tickets, a slip per voucher (its code as the QR), the receipt
            assertThat(kiosk.print(paid).complete()).isTrue();
            List<TicketLayout> paper = EscPosDecoder.decode(Files.readAllBytes(printer.output()));
            assertThat(paper).hasSize(5);
            for (int i = 0; i < 2; i++) {
                Voucher v = paid.vouchers().get(i);
                TicketLayout slip = paper.get(2 + i);
                assertThat(text(slip)).contains("套票凭证 Package voucher", v.item(), paid.bookingCode());
                assertThat(slip.elements())
                        .anyMatch(e ->
                                e.kind() == TicketLayout.Kind.QR && e.text().equals(v.code()));
                // the partner (and the visitor, by the voucher's page) find it valid
                assertThat(park.server.get(v.url(), null).body()).contains(v.code(), "VALID");
            }
            // the kiosk's screen shows them too, with the tickets
            try (KioskUi ui = KioskUi.start(
                    new CounterKiosk(kiosk, park.clock, ZoneId.of("Asia/Shanghai"), new PresentedDocuments()),
                    "127.0.0.1",
                    0)) {
                okhttp3.Request done = new okhttp3.Request.Builder()
                        .url("http://127.0.0.1:" + ui.port() + "/sales/" + paid.saleId() + "/done")
                        .header("Cookie", "sp_lang=en")
                        .build();
                try (okhttp3.Response r = park.server.http.newCall(done).execute()) {
                    String page = r.body().string();
                    assertThat(r.code()).as(page).isEqualTo(200);
                    assertThat(page)
                            .contains("id=\"vouchers\"", "Partner vouchers")
                            .contains(
                                    paid.vouchers().get(0).code(),
                                    paid.vouchers().get(1).code());
                }
            }
            JsonNode parts = park.admin("GET", "/admin/v1/package-bookings/" + paid.bookingId(), null)
                    .json();
            assertThat(parts.findValuesAsText("state")).containsExactly("VALID", "VALID");
            assertThat(parts.findValuesAsText("code"))
                    .containsExactly(
                            paid.vouchers().get(0).code(),
                            paid.vouchers().get(1).code());
        }
    }

    private static String text(TicketLayout t) {
        return t.elements().stream()
                .filter(e -> e.kind() == TicketLayout.Kind.TEXT)
                .map(TicketLayout.Element::text)
                .collect(Collectors.joining("\n"));
    }
}
