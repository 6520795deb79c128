package io.scenicpass.server.counter;

import io.scenicpass.server.counter.store.SaleStore.SaleRow;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.identity.MaskedIdentity;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.PassQueries;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Unit;
import java.util.List;
import java.util.Map;

/** A counter sale as the wire shows it: the sale row with its booking, payment and (once PAID) tickets. */
final class SaleViews {
    private final Database db;
    private final BookingService bookings;
    private final CatalogueService catalogue;
    private final PassQueries passes;
    private final IdentityService identities;
    private final PaymentService payments;
    private final CounterChannel channel;
    /** The receipt's invoice link of a booking (set by the invoices feature; none until then). */
    private volatile java.util.function.Function<Booking, String> invoiceLinks = b -> null;

    SaleViews(
            Database db,
            BookingService bookings,
            CatalogueService catalogue,
            PassQueries passes,
            IdentityService identities,
            PaymentService payments,
            CounterChannel channel) {
        this.db = db;
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.passes = passes;
        this.identities = identities;
        this.payments = payments;
        this.channel = channel;
    }

    Sale view(SaleRow r) {
        Booking b = bookings.get(channel.get(), r.bookingId());
        return new Sale(
                r.saleId(),
                r.deviceId(),
                r.state().wire(),
                r.productId(),
                r.slotId(),
                r.amountFen(),
                r.currency(),
                b.uuid(),
                b.supplierReference(),
                b.status() == BookingState.ON_HOLD ? b.expiresAt() : null,
                payment(r),
                r.state() == SaleState.PAID && b.status().isSold() ? tickets(b) : List.of(),
                r.state() == SaleState.PAID ? new Sale.Receipt(invoiceLinks.apply(b)) : null,
                Sale.Discount.of(bookings.discountsOf(b.uuid())),
                r.state() == SaleState.PAID && b.status().isSold()
                        ? Sale.Voucher.of(bookings.vouchersOf(b.uuid()))
                        : List.of());
    }

    void invoiceLinks(java.util.function.Function<Booking, String> links) {
        this.invoiceLinks = links;
    }

    private Sale.Payment payment(SaleRow r) {
        if (r.paymentId() != null) {
            Payment p = payments.get(r.paymentId());
            return new Sale.Payment(
                    p.id(),
                    p.method().name(),
                    p.state().name(),
                    p.state() == Payment.State.PENDING ? p.codeUrl() : null);
        }
        if (r.method() != null && (r.state() == SaleState.PAID || r.state() == SaleState.REFUNDED)) {
            return new Sale.Payment(null, r.method(), "SUCCEEDED", null); // cash (or nothing to pay)
        }
        return null;
    }

    /** The sale's tickets ({@link Sale.Ticket#of}): names from the channel's catalogue view. */
    private List<Sale.Ticket> tickets(Booking b) {
        CatalogueService.ProductView pv =
                catalogue.product(b.productId(), channel.get().id());
        CatalogueService.OptionView ov = pv.option(b.optionId());
        Map<String, MaskedIdentity> holders = db.read(c -> identities.masked(c, b.uuid()));
        return Sale.Ticket.of(
                b,
                id -> passes.find(id).orElse(null),
                id -> {
                    Unit unit = ov == null ? null : ov.unit(id);
                    return unit == null ? id : unit.internalName();
                },
                holders,
                pv.product().internalName(),
                b.slotId().substring(b.slotId().lastIndexOf('|') + 1));
    }
}
