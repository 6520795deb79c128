package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.DocumentType;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.payments.internal.SimulatedProvider.Behaviour;
import io.scenicpass.terminal.Decision;
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
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17 end to end: a couple buys two real-name park tickets at the ticket-selling kiosk (售票机) — each swipes
 * an ID card, the kiosk scans the husband's payment code — takes the printed tickets, and walks in at the north
 * gate: he shows the printed QR, she only swipes her ID card. A visitor whose payment is declined and one whose
 * payment never answers walk away: the kiosk gives their sales up and the places come back, nothing sold.
 */
class VisitorBuysAtTheKioskTest {
    static final String HUSBAND = cnId("34010219880520001");
    static final String WIFE = cnId("34010219900314002");
    static final String DECLINED = cnId("11010519850101003");
    static final String SLOW = cnId("11010519860202004");
    static final String CODE = "134567890123456789";

    @TempDir
    Path dir;

    static String cnId(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    @Test
    void twoRealNameTicketsPaidByCodePrintedAndAdmittedByQrAndByIdCard() throws Exception {
        try (Park park = Park.open(dir);
                SimulatedTicketPrinter printer = printer(park)) {
            Counter kiosk = kiosk(park, printer);
            CatalogueDay today = kiosk.catalogue();
            CatalogueDay.Product entry = today.product("park-entry").orElseThrow();
            assertThat(entry.realName()).isTrue();
            CatalogueDay.Slot slot = entry.slots().stream()
                    .filter(s -> s.remaining() >= 2)
                    .findFirst()
                    .orElseThrow();
            int before = slot.remaining();

            Sale sale = kiosk.sell(SaleOrder.builder(entry.id(), slot.id())
                    .item("park-entry-adult", Holder.of(DocumentType.CN_ID, HUSBAND, "王强", null))
                    .item("park-entry-adult", Holder.of(DocumentType.CN_ID, WIFE, "李娜", null))
                    .build());
            assertThat(sale.state()).isEqualTo(Sale.State.AWAITING_PAYMENT);
            assertThat(sale.amountFen())
                    .isEqualTo(2 * entry.unit("park-entry-adult").orElseThrow().priceFen());
            assertThat(remaining(kiosk, today, slot)).isEqualTo(before - 2);

            Sale paid = kiosk.payByCode(sale.saleId(), CODE);
            if (!paid.paid()) {
                paid = kiosk.awaitPayment(sale.saleId(), Duration.ofSeconds(30));
            }
            assertThat(paid.state()).isEqualTo(Sale.State.PAID);
            assertThat(paid.tickets()).hasSize(2);
            assertThat(kiosk.print(paid).complete()).isTrue();

            // the visitors take the paper: two tickets and a receipt, each pass as the QR on its ticket
            List<TicketLayout> paper = EscPosDecoder.decode(Files.readAllBytes(printer.output()));
            assertThat(paper).hasSize(3);
            List<String> qr = List.of(qr(paper.get(0)), qr(paper.get(1)));
            assertThat(qr)
                    .containsExactly(
                            paid.tickets().get(0).qrText(),
                            paid.tickets().get(1).qrText());
            assertThat(text(paper.get(0))).contains("持票人 Holder: 王* ").doesNotContain(HUSBAND);
            assertThat(text(paper.get(2))).contains("支付 Paid by: CODE").contains(paid.bookingCode());
            assertThat(remaining(kiosk, today, slot)).isEqualTo(before - 2);

            park.timeIs(slot.start().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            assertThat(north.syncNow().success()).isTrue();
            Decision byQr = north.scan(qr.get(0));
            assertThat(byQr.reason()).as("%s", byQr).isEqualTo(Reason.OK);
            Decision byCard = north.swipeId(WIFE);
            assertThat(byCard.reason()).as("%s", byCard).isEqualTo(Reason.OK);
            assertThat(byCard.pass().orElseThrow().passId())
                    .isEqualTo(paid.tickets().get(1).passId());
            assertThat(north.scan(qr.get(1)).reason())
                    .as("her ticket was used by her card")
                    .isEqualTo(Reason.ALREADY_ENTERED);
        }
    }

    @Test
    void declinedAndUnansweredPaymentsLeaveNothingSold() throws Exception {
        try (Park park = Park.open(dir);
                SimulatedTicketPrinter printer = printer(park)) {
            Counter kiosk = kiosk(park, printer);
            CatalogueDay today = kiosk.catalogue();
            CatalogueDay.Slot slot =
                    today.product("park-entry").orElseThrow().slots().get(0);
            int before = slot.remaining();

            // declined: the visitor may try again, but walks away; the kiosk gives the sale up
            park.server.server.payments().simulated.then(Behaviour.DECLINE);
            Sale declined = kiosk.payByCode(sell(kiosk, slot, DECLINED).saleId(), CODE);
            assertThat(declined.state()).isEqualTo(Sale.State.DECLINED);
            assertThat(declined.tickets()).isEmpty();
            assertThat(kiosk.cancel(declined.saleId()).state()).isEqualTo(Sale.State.CANCELLED);
            assertThat(remaining(kiosk, today, slot)).isEqualTo(before);

            // no answer from the provider: the kiosk polls until its patience ends, then gives the sale up
            park.server.server.payments().simulated.then(Behaviour.TIMEOUT);
            Sale pending = kiosk.payByCode(sell(kiosk, slot, SLOW).saleId(), CODE);
            assertThat(pending.state()).isEqualTo(Sale.State.AWAITING_PAYMENT);
            Sale waited = kiosk.awaitPayment(pending.saleId(), Duration.ofSeconds(30));
            assertThat(waited.state()).isEqualTo(Sale.State.AWAITING_PAYMENT);
            Sale gaveUp = kiosk.cancel(pending.saleId());
            assertThat(gaveUp.state()).isEqualTo(Sale.State.CANCELLED);
            assertThat(gaveUp.tickets()).isEmpty();
            assertThat(remaining(kiosk, today, slot)).isEqualTo(before);
            assertThat(printer.output()).doesNotExist();
        }
    }

    private static Sale sell(Counter kiosk, CatalogueDay.Slot slot, String id) {
        return kiosk.sell(SaleOrder.builder("park-entry", slot.id())
                .item("park-entry-adult", Holder.of(DocumentType.CN_ID, id, "张伟", null))
                .build());
    }

    private SimulatedTicketPrinter printer(Park park) {
        SimulatedTicketPrinter p = new SimulatedTicketPrinter(
                "kiosk-printer", park.clock, dir.resolve("printer.bin"), EscPosEncoder.defaults());
        p.start();
        return p;
    }

    /** The kiosk at the north entrance; its waits for a payment move the park's clock instead of sleeping. */
    private static Counter kiosk(Park park, SimulatedTicketPrinter printer) {
        return Counter.builder()
                .credentials(park.seller("kiosk-north", "KIOSK"))
                .printer(printer)
                .clock(park.clock)
                .pause(d -> park.clock.advance(d))
                .header("ScenicPass 示范景区 Demo Park")
                .build();
    }

    private static int remaining(Counter kiosk, CatalogueDay day, CatalogueDay.Slot slot) {
        return kiosk.catalogue(day.date()).products().stream()
                .flatMap(p -> p.slot(slot.id()).stream())
                .findFirst()
                .orElseThrow()
                .remaining();
    }

    private static String qr(TicketLayout t) {
        return t.elements().stream()
                .filter(e -> e.kind() == TicketLayout.Kind.QR)
                .map(TicketLayout.Element::text)
                .findFirst()
                .orElseThrow();
    }

    private static String text(TicketLayout t) {
        return t.elements().stream()
                .filter(e -> e.kind() == TicketLayout.Kind.TEXT)
                .map(TicketLayout.Element::text)
                .collect(Collectors.joining("\n"));
    }
}
