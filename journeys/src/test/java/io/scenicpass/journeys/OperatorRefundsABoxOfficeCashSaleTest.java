package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.counter.BoxOfficeDesk;
import io.scenicpass.terminal.counter.CatalogueDay;
import io.scenicpass.terminal.counter.RefundDue;
import io.scenicpass.terminal.counter.Sale;
import io.scenicpass.terminal.counter.SaleOrder;
import io.scenicpass.terminal.counter.ShiftReport;
import io.scenicpass.terminal.sync.SyncException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A visitor buys a ticket at the box office in cash and cannot come after all: the operator refunds it on the console
 * (after the cutoff, with a reason), the gate refuses the ticket, the visitor gets the cash back at a box office window
 * (once: the other window is refused), and the cashier's shift close balances with the payout in it.
 */
class OperatorRefundsABoxOfficeCashSaleTest {
    @TempDir
    Path dir;

    @Test
    void refundedOnTheConsolePaidOutAtTheWindowRefusedAtTheGate() throws Exception {
        try (Park park = Park.open(dir)) {
            BoxOffice.cashier(park, "li", "李娜", "4711");
            BoxOffice.cashier(park, "wu", "吴强", "1357");
            BoxOffice window1 = BoxOffice.window(park, "window-1", "window-printer", dir.resolve("window.escpos"));
            BoxOfficeDesk desk = window1.desk;
            desk.open("li", "4711", 30_000);
            CatalogueDay.Product entry = window1.entry();
            CatalogueDay.Slot slot =
                    BoxOffice.slot(entry, 1, park.clock.instant().plusSeconds(3600));
            CatalogueDay.Unit adult = BoxOffice.adult(entry);
            long price = adult.priceFen();
            Sale sold = desk.sell(SaleOrder.builder(entry.id(), slot.id()).item(adult.id()));
            Sale paid = desk.payCash(sold.saleId(), price);
            String qr = paid.tickets().get(0).qrText();

            // past the cutoff: the visitor calls, the operator refunds on the console with a reason
            park.timeIs(slot.start().minus(Duration.ofMinutes(10)));
            PageClient console = ConsoleSignIn.as(park.server, "admin", ConsoleSignIn.adminPassword(park.server));
            assertThat(console.get("/console/counter-refunds?sale=" + paid.saleId())
                            .status())
                    .isEqualTo(200);
            PageClient.Page done = console.post(
                    "/console/counter-refunds", Map.of("sale", paid.saleId(), "reason", "visitor fell ill"));
            assertThat(done.status()).as(done.body()).isEqualTo(303);
            assertThat(console.follow(done).body()).contains("data-done=\"due\"", "data-state=\"DUE\"");

            // the gate refuses the ticket
            park.timeIs(slot.start().plus(Duration.ofMinutes(5)));
            EmbeddedGate gate = park.gate("gate-north");
            assertThat(gate.start().success()).isTrue();
            Decision refused = gate.scan(qr);
            assertThat(refused.admitted()).as("%s", refused).isFalse();

            // the visitor comes to window 1: the cash refund due is found by the sale and paid out, once
            List<RefundDue> due = desk.refundsDue(paid.saleId(), null);
            assertThat(due)
                    .singleElement()
                    .satisfies(r -> assertThat(r.amountFen()).isEqualTo(price));
            RefundDue out = desk.payOut(due.get(0).refundId());
            assertThat(desk.payOut(out.refundId()).refundId()).isEqualTo(out.refundId()); // a retry: the same
            BoxOfficeDesk window2 = window1.next(park, "window-2").desk;
            window2.open("wu", "1357", 0);
            assertThatThrownBy(() -> window2.payOut(out.refundId()))
                    .isInstanceOf(SyncException.class)
                    .extracting(e -> ((SyncException) e).serverCode())
                    .isEqualTo("ALREADY_PAID_OUT");
            assertThat(desk.refundsDue(null, null)).isEmpty();

            // Li's close: the float, the sale in, the payout out: the drawer holds the float
            ShiftReport cashUp = desk.close(30_000);
            assertThat(cashUp.expectedCashFen()).isEqualTo(30_000);
            assertThat(cashUp.refundsByMethod()).containsEntry("CASH", price);
            assertThat(cashUp.mismatches()).isEmpty();
            assertThat(cashUp.balanced()).as("%s", cashUp).isTrue();
        }
    }
}
