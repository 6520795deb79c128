package io.scenicpass.cli.kioskui;

import io.scenicpass.core.DocumentType;
import io.scenicpass.terminal.counter.AnnualPassActivation;
import io.scenicpass.terminal.counter.AnnualPassDesk;
import io.scenicpass.terminal.counter.CatalogueDay;
import io.scenicpass.terminal.counter.Counter;
import io.scenicpass.terminal.counter.Holder;
import io.scenicpass.terminal.counter.PickUp;
import io.scenicpass.terminal.counter.PickUpDesk;
import io.scenicpass.terminal.counter.PrintReport;
import io.scenicpass.terminal.counter.Sale;
import io.scenicpass.terminal.counter.SaleOrder;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The screens' {@link KioskBackend} on sdk-terminal's {@link Counter} (the counter API and the ticket printer) and the
 * kiosk's document readers. A server refusal becomes a {@link KioskError} with the server's code; no answer at all
 * is UNAVAILABLE.
 */
public final class CounterKiosk implements KioskBackend {
    private final Counter counter;
    private final Clock clock;
    private final ZoneId zone;
    private final PresentedDocuments documents;
    private final PickUpDesk desk;
    private final AnnualPassDesk annual;

    public CounterKiosk(Counter counter, Clock clock, ZoneId zone, PresentedDocuments documents) {
        this.counter = counter;
        this.clock = clock;
        this.zone = zone;
        this.documents = documents;
        this.desk = PickUpDesk.of(counter);
        this.annual = AnnualPassDesk.of(counter);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    @Override
    public Catalogue catalogue(LocalDate date) {
        CatalogueDay day = call(() -> counter.catalogue(date));
        return new Catalogue(
                day.date(),
                day.products().stream()
                        .map(p -> new Product(
                                p.id(),
                                p.name(),
                                p.realName(),
                                p.units().stream()
                                        .map(u -> new Unit(u.id(), u.type(), u.name(), u.priceFen()))
                                        .toList(),
                                p.slots().stream()
                                        .map(s -> new Slot(s.id(), s.start(), s.end(), s.remaining()))
                                        .toList()))
                        .toList());
    }

    @Override
    public SaleView sell(String saleId, String productId, String slotId, List<Item> items) {
        SaleOrder.Builder order = SaleOrder.builder(productId, slotId).saleId(saleId);
        for (Item i : items) {
            if (i.identity() == null) {
                order.item(i.unitId());
            } else {
                order.item(i.unitId(), holder(i.identity()));
            }
        }
        return view(call(() -> counter.sell(order.build())));
    }

    @Override
    public SaleView sale(String saleId) {
        return view(call(() -> counter.sale(saleId)));
    }

    @Override
    public SaleView pay(String saleId, PayMethod method, String paymentCode) {
        return view(call(
                () -> method == PayMethod.CODE ? counter.payByCode(saleId, paymentCode) : counter.payNative(saleId)));
    }

    @Override
    public SaleView cancel(String saleId) {
        return view(call(() -> counter.cancel(saleId)));
    }

    @Override
    public int print(String saleId) {
        Sale sale = call(() -> counter.sale(saleId));
        PrintReport r = counter.print(sale);
        if (!r.complete()) {
            // the rest stays queued in the Counter: staff fix the printer, and the next print call goes on
            throw new KioskError(
                    "PRINTER_FAULT",
                    r.failure().map(Object::toString).orElse("printer stopped") + "; " + r.pending() + " waiting");
        }
        return r.printed();
    }

    @Override
    public List<PickUpView> pickUps(Identity document) {
        Holder h = holder(document);
        return call(() -> desk.lookup(h)).stream().map(CounterKiosk::pickUp).toList();
    }

    @Override
    public List<PickUpView> pickUps(String bookingCode) {
        return call(() -> desk.lookup(bookingCode)).stream()
                .map(CounterKiosk::pickUp)
                .toList();
    }

    @Override
    public PickUpView printPickUp(String bookingCode, String bookingId) {
        PickUp booking = call(() -> desk.lookup(bookingCode)).stream()
                .filter(b -> b.bookingId().equals(bookingId))
                .findFirst()
                .orElseThrow(() -> new KioskError("BOOKING_NOT_FOUND", "no booking " + bookingId + " has this code"));
        PickUpDesk.Result r = call(() -> desk.print(booking));
        switch (r.outcome()) {
            case REFUSED ->
                throw new KioskError(
                        r.refusalCode().orElse("CONFLICT"),
                        booking.refusalMessage().orElse("not printable"));
            case PRINTER_FAILED -> // what came out is not printed again: the next print goes on from there
                throw new KioskError(
                        "PRINTER_FAULT", r.failure().map(Object::toString).orElse("printer stopped"));
            default -> {
                return pickUp(r.booking());
            }
        }
    }

    @Override
    public Optional<Identity> readDocument(DocumentReader reader) {
        return documents.take(reader);
    }

    @Override
    public Optional<String> scanPass() {
        return documents.takePass();
    }

    @Override
    public Activation activateAnnualPass(String requestId, String passText, Identity holder) {
        Holder h = holder(holder);
        var face = documents.takeFace().orElseThrow(() -> new KioskError("NO_FACE", "no face in front of the camera"));
        AnnualPassActivation a = call(() -> annual.activate(requestId, passText, h, face));
        return new Activation(a.passId(), a.passText(), a.validFrom(), a.validUntil(), a.holder());
    }

    private static Holder holder(Identity id) {
        DocumentType type;
        try {
            type = DocumentType.valueOf(id.type());
        } catch (IllegalArgumentException e) {
            throw new KioskError("BAD_DOCUMENT_TYPE", "unknown document type " + id.type());
        }
        return Holder.of(type, id.number(), id.name(), id.birthDate());
    }

    private static SaleView view(Sale s) {
        return new SaleView(
                s.saleId(),
                s.state().name(),
                s.productId(),
                s.slotId(),
                s.amountFen(),
                s.currency(),
                s.bookingCode(),
                s.expiresAt().orElse(null),
                s.payment()
                        .map(p -> new Payment(
                                p.id().orElse(null),
                                p.method().name(),
                                p.state(),
                                p.codeUrl().orElse(null)))
                        .orElse(null),
                s.tickets().stream().map(CounterKiosk::ticket).toList(),
                s.vouchers().stream()
                        .map(v -> new KioskBackend.Voucher(v.code(), v.item(), v.day(), v.places()))
                        .toList());
    }

    private static PickUpView pickUp(PickUp b) {
        return new PickUpView(
                b.bookingId(),
                b.bookingCode(),
                b.state(),
                b.productName(),
                b.visitDate(),
                b.printable(),
                b.refusalCode().orElse(""),
                b.refusalMessage().orElse(""),
                b.tickets().stream().map(CounterKiosk::ticket).toList());
    }

    private static Ticket ticket(io.scenicpass.terminal.counter.Ticket t) {
        return new Ticket(
                t.passId(),
                t.unitName(),
                t.holder().orElse(null),
                t.productName(),
                t.slotStart().orElse(null));
    }

    /** The server's refusal as the visitor's error: its code, else what went wrong on the way. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SyncException e) {
            String code = e.serverCode() != null && !e.serverCode().isBlank()
                    ? e.serverCode()
                    : e.code() == SyncErrorCode.NETWORK || e.code() == SyncErrorCode.SERVER
                            ? "UNAVAILABLE"
                            : e.code().name();
            throw new KioskError(code, e.getMessage(), e);
        }
    }
}
