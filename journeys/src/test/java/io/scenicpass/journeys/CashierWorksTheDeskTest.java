package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.terminal.counter.BoxOfficeDesk;
import io.scenicpass.terminal.counter.CatalogueDay;
import io.scenicpass.terminal.counter.Counter;
import io.scenicpass.terminal.counter.Sale;
import io.scenicpass.terminal.counter.SaleOrder;
import io.scenicpass.terminal.counter.ShiftReport;
import io.scenicpass.terminal.sync.SyncException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The box office's own software, sdk-terminal's {@link BoxOfficeDesk}, on the real server: Li signs in (a wrong PIN
 * first), a kiosk may not open a shift, she sells two tickets for cash and one by payment code, refunds one cash
 * ticket, and closes with the drawer counted right: the desk's own tally agrees with the server, balanced.
 */
class CashierWorksTheDeskTest {
    @TempDir
    Path dir;

    @Test
    void signInSellCashRefundAndCloseBalanced() throws Exception {
        try (Park park = Park.open(dir)) {
            BoxOffice.cashier(park, "li", "李娜", "4711");
            BoxOffice window = BoxOffice.window(park, "window-2", "desk-printer", dir.resolve("desk.escpos"));
            Counter counter = window.counter;
            BoxOfficeDesk desk = window.desk;

            assertThat(desk.current()).isEmpty();
            assertThatThrownBy(() -> desk.open("li", "0000", 30_000))
                    .isInstanceOf(SyncException.class)
                    .extracting(e -> ((SyncException) e).serverCode())
                    .isEqualTo("WRONG_PIN");
            BoxOfficeDesk kiosk = BoxOfficeDesk.of(Counter.builder()
                    .credentials(park.seller("kiosk-9", "KIOSK"))
                    .printer(window.printer)
                    .build());
            assertThatThrownBy(() -> kiosk.open("li", "4711", 0))
                    .extracting(e -> ((SyncException) e).serverCode())
                    .isEqualTo("BOX_OFFICE_ONLY");

            ShiftReport opened = desk.open("li", "4711", 30_000);
            assertThat(opened.open()).isTrue();
            assertThat(desk.current().map(ShiftReport::shiftId)).contains(opened.shiftId());
            assertThatThrownBy(() -> desk.open("li", "4711", 0))
                    .extracting(e -> ((SyncException) e).serverCode())
                    .isEqualTo("SHIFT_ALREADY_OPEN");

            // the park entry's adult ticket, in a slot with places (an adult needs no document)
            CatalogueDay.Product entry = window.entry();
            CatalogueDay.Slot slot = BoxOffice.slot(entry, 3, park.clock.instant());
            CatalogueDay.Unit adult = BoxOffice.adult(entry);
            long price = adult.priceFen();

            Sale two = desk.sell(
                    SaleOrder.builder(entry.id(), slot.id()).item(adult.id()).item(adult.id()));
            Sale cash = desk.payCash(two.saleId(), 2 * price + 500);
            assertThat(cash.state()).isEqualTo(Sale.State.PAID);
            assertThat(counter.print(cash).complete()).isTrue();
            Sale one = desk.sell(SaleOrder.builder(entry.id(), slot.id()).item(adult.id()));
            assertThat(desk.payByCode(one.saleId(), "134567890123456789").state())
                    .isEqualTo(Sale.State.PAID);

            BoxOfficeDesk.Refund refund = desk.refund(
                    cash.saleId(),
                    "visitor unwell",
                    List.of(cash.tickets().get(1).passId()),
                    null,
                    null);
            assertThat(refund.method()).isEqualTo("CASH");
            assertThat(refund.amountFen()).isEqualTo(price);

            ShiftReport cashUp = desk.close(30_000 + price);
            assertThat(cashUp.open()).isFalse();
            assertThat(cashUp.salesByMethod()).containsEntry("CASH", 2 * price).containsEntry("CODE", price);
            assertThat(cashUp.refundsByMethod()).containsEntry("CASH", price);
            assertThat(cashUp.expectedCashFen()).isEqualTo(30_000 + price);
            assertThat(cashUp.differenceFen()).hasValue(0);
            assertThat(cashUp.mismatches()).isEmpty();
            assertThat(cashUp.balanced()).as("%s", cashUp).isTrue();
            assertThat(desk.shiftId()).isEmpty();
            assertThatThrownBy(() -> desk.close(0)).isInstanceOf(IllegalStateException.class);
        }
    }
}
